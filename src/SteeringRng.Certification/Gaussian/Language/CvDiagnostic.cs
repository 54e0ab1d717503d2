namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>
/// A located problem in a continuous-variable scenario, rendered like the scenario language's diagnostics
/// (dsl/grammar.md): <c>file:line:col: error SRnnnn: message</c>, the source line and a caret. Codes SR1180–SR1195 and SR1260–SR1264.
/// </summary>
public sealed record CvDiagnostic(string Code, string Message, int Line, int Column, int Length)
{
    public string Render(string fileName, IReadOnlyList<string> lines)
    {
        var source = Line >= 1 && Line <= lines.Count ? lines[Line - 1] : "";
        // Control characters and bidirectional overrides are shown escaped (as the scenario language does), so a file
        // can never recolour or clear a terminal; the caret still points at the character's first column.
        var shown = Escape(source);
        var prefix = Escape(source[..Math.Min(source.Length, Math.Max(0, Column - 1))]);
        var caret = new string(' ', prefix.Length) + new string('^', Math.Max(1, Length));
        return $"{Escape(fileName)}:{Line}:{Column}: error {Code}: {Escape(Message)}\n  {shown}\n  {caret}";
    }

    private static string Escape(string text)
    {
        var b = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
            if ((char.IsControl(c) && c != '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
                b.Append($"\\u{(int)c:X4}");
            else b.Append(c);
        return b.ToString();
    }
}

/// <summary>The codes (one per kind of problem) and their message templates.</summary>
public static class CvCodes
{
    public const string Syntax = "SR1180";          // expected {0}, found {1}
    public const string UnknownName = "SR1181";     // unknown mode, node, parameter or setting
    public const string Squeezing = "SR1182";       // squeezing r < 0, or not finite
    public const string Transmission = "SR1183";    // η outside [0, 1]
    public const string Bins = "SR1184";            // bins outside 2..64
    public const string Period = "SR1185";          // period ≤ 0, or an empty optimisation range
    public const string Cutoff = "SR1186";          // cut-off < 0, or too large for memory (K + 1 > 64)
    public const string Duplicate = "SR1187";       // a name or statement given twice
    public const string Missing = "SR1188";         // a needed statement is missing
    public const string Expression = "SR1189";      // an expression cannot be evaluated (division by zero, not finite)
    public const string ModeUse = "SR1190";         // a mode held by two nodes, or a node without a mode
    public const string Thermal = "SR1191";         // thermal n̄ < 0
    public const string Bound = "SR1192";           // a bound not available for CV data
    public const string Sweep = "SR1193";           // an empty or too large parameter range
    public const string Guess = "SR1194";           // a guess names an unknown node or setting
    public const string Search = "SR1195";          // bad period-search options
    public const string SeesawProjected = "SR1260"; // seesaw on projected (sub-normalised) data
    public const string SeesawFirst = "SR1261";     // seesaw as the first bound of a period search
    public const string SeesawDimension = "SR1262"; // seesaw dimension out of range, or its attack state too large
    public const string DuplicateBound = "SR1263";  // a bound listed twice (ns ns, npa 1 … npa 1, two seesaws)
    public const string SeesawBlocks = "SR1264";    // seesaw block size outside 1..d
    public const string SplitBlock = "SR1265";      // seesaw split block size outside 1..16
    public const string SplitTooLarge = "SR1266";   // a split attack with more blocks than fit (state dimension > 512)
}
