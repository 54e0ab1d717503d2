namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Splits SDPA text into lines of tokens. SDPA lets the header numbers be decorated with the separators
/// <c>, { } ( )</c> (e.g. "{2, -3}"), so those count as white space; everything else is a token.
/// </summary>
public sealed class SdpaLexer
{
    private readonly TextReader _reader;

    public SdpaLexer(TextReader reader) => _reader = reader;

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The raw text of the next line, or null at the end of the input.</summary>
    public string? NextRawLine()
    {
        var line = _reader.ReadLine();
        if (line is not null) LineNumber++;
        return line;
    }

    /// <summary>The tokens of the next line that has any, or null at the end of the input.</summary>
    public IReadOnlyList<SdpaToken>? NextTokenLine()
    {
        while (NextRawLine() is { } line)
        {
            var tokens = Tokenize(line, LineNumber);
            if (tokens.Count > 0) return tokens;
        }
        return null;
    }

    public static bool IsSeparator(char ch) => char.IsWhiteSpace(ch) || ch is ',' or '{' or '}' or '(' or ')';

    /// <summary>A comment line (allowed only before mdim) starts with a double quote or an asterisk.</summary>
    public static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length > 0 && trimmed[0] is '"' or '*';
    }

    public static List<SdpaToken> Tokenize(string line, int lineNumber)
    {
        var tokens = new List<SdpaToken>();
        var i = 0;
        while (i < line.Length)
        {
            if (IsSeparator(line[i])) { i++; continue; }
            var start = i;
            while (i < line.Length && !IsSeparator(line[i])) i++;
            tokens.Add(new SdpaToken(line[start..i], lineNumber, start + 1));
        }
        return tokens;
    }
}
