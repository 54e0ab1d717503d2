namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// A malformed SDPA file: says what is wrong and where (1-based line, and column and token where they help),
/// e.g. "line 7: block 3 does not exist (nblocks = 2)". The message is meant for a user, not a stack trace.
/// </summary>
public sealed class SdpaFormatException : Exception
{
    public SdpaFormatException(int line, string problem, int? column = null, string? token = null, string? fileName = null)
        : base(Compose(line, problem, column, fileName))
    {
        Line = line;
        Column = column;
        Token = token;
        Problem = problem;
        FileName = fileName;
    }

    /// <summary>1-based line of the offending text (the last line + 1 for an unexpected end of file).</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending token, when one token is at fault.</summary>
    public int? Column { get; }

    /// <summary>The offending token as written, when one token is at fault.</summary>
    public string? Token { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>The file the text came from, when read through a path overload.</summary>
    public string? FileName { get; }

    /// <summary>The same error, attributed to a file.</summary>
    public SdpaFormatException InFile(string fileName) => new(Line, Problem, Column, Token, fileName);

    private static string Compose(int line, string problem, int? column, string? fileName)
    {
        var where = column is { } c ? $"line {line}, column {c}" : $"line {line}";
        return fileName is null ? $"{where}: {problem}" : $"{fileName}: {where}: {problem}";
    }
}
