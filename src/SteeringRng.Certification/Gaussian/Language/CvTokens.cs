using System.Globalization;

namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>A token of one CV statement: kind, text, number value, and where it is (1-based column).</summary>
public sealed record CvToken(CvTokenKind Kind, string Text, double Number, int Column)
{
    public int Length => Math.Max(1, Text.Length);
}

public enum CvTokenKind { Ident, Number, String, Symbol, End }

/// <summary>Splits a line (comment removed) into tokens; an unexpected character is a syntax error at its column.</summary>
public static class CvLexer
{
    public static List<CvToken> Tokens(string line, out (int Column, string Text)? error)
    {
        var tokens = new List<CvToken>();
        error = null;
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_')) i++;
                tokens.Add(new CvToken(CvTokenKind.Ident, line[start..i], 0, start + 1));
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < line.Length && char.IsDigit(line[i + 1])))
            {
                while (i < line.Length && char.IsDigit(line[i])) i++;
                if (i + 1 < line.Length && line[i] == '.' && char.IsDigit(line[i + 1])) { i++; while (i < line.Length && char.IsDigit(line[i])) i++; }
                if (i < line.Length && (line[i] == 'e' || line[i] == 'E'))
                {
                    int j = i + 1;
                    if (j < line.Length && (line[j] == '+' || line[j] == '-')) j++;
                    if (j < line.Length && char.IsDigit(line[j])) { i = j; while (i < line.Length && char.IsDigit(line[i])) i++; }
                }
                var text = line[start..i];
                tokens.Add(new CvToken(CvTokenKind.Number, text, double.Parse(text, CultureInfo.InvariantCulture), start + 1));
            }
            else if (c == '"')
            {
                int close = line.IndexOf('"', i + 1);
                if (close < 0) { error = (start + 1, "an unterminated string"); return tokens; }
                tokens.Add(new CvToken(CvTokenKind.String, line[(i + 1)..close], 0, start + 1));
                i = close + 1;
            }
            else if (c == '.' && i + 1 < line.Length && line[i + 1] == '.')
            {
                tokens.Add(new CvToken(CvTokenKind.Symbol, "..", 0, start + 1));
                i += 2;
            }
            else if (",:=()[]+-*/^.".Contains(c))
            {
                tokens.Add(new CvToken(CvTokenKind.Symbol, c.ToString(), 0, start + 1));
                i++;
            }
            else { error = (start + 1, $"'{c}'"); return tokens; }
        }
        tokens.Add(new CvToken(CvTokenKind.End, "", 0, line.Length + 1));
        return tokens;
    }
}
