using System.Globalization;
using System.Text;
using SteeringRng.Extraction;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// Reads a protocol file (docs/formulations/finite-protocol.md §1): UTF-8 text, one <c>key = value</c> per line,
/// <c>#</c> starts a comment, blank lines ignored; every key at most once; statistics as
/// <c>statistic NAME = Alice.X Bob.X Charlie.X expect 0.9 tolerance 0.02</c>. Every fault names the file, line and column.
/// </summary>
public static class ProtocolFile
{
    /// <summary>Largest n accepted: 10¹⁵ rounds (a year at 30 MHz); far larger is a typo, refused before any work.</summary>
    public const long MaxRounds = 1_000_000_000_000_000;

    /// <summary>Largest protocol file read (a protocol is a few hundred bytes; a huge file is not a protocol).</summary>
    public const int MaxBytes = 1 << 20;

    private static readonly string[] Required =
        ["scenario", "objective", "bound", "rounds", "test-probability", "tolerance", "epsilon-smoothing", "epsilon-accumulation", "epsilon-extractor", "extractor", "output-bits", "analysis"];

    private static readonly string[] Optional = ["commitment", "reference-noise"];

    /// <exception cref="Input.ScenarioInputException">Missing, unreadable or malformed (located).</exception>
    public static DeclaredProtocol Load(string path)
    {
        if (Directory.Exists(path)) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.Syntax, "is a folder, not a protocol file.");
        if (!System.IO.File.Exists(path)) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.Syntax, "file not found.");
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (stream.Length > MaxBytes)
                throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.Syntax, $"holds {stream.Length} bytes; a protocol file is at most {MaxBytes} bytes.");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.Syntax, $"cannot be read: {e.Message}");
        }
        string text;
        try { text = new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.Syntax, "is not UTF-8 text."); }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(path, text, folder);
    }

    /// <summary>Parses protocol text; <paramref name="folder"/> resolves the scenario path.</summary>
    public static DeclaredProtocol Parse(string file, string text, string folder)
    {
        var values = new Dictionary<string, (string Value, int Line, int Column)>(StringComparer.Ordinal);
        var statistics = new List<TestStatistic>();
        var statisticLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            var raw = lines[i];
            var hash = raw.IndexOf('#');
            var content = hash >= 0 ? raw[..hash] : raw;
            if (content.Trim().Length == 0) continue;
            var eq = content.IndexOf('=');
            if (eq < 0)
                throw ProtocolDiagnostics.At(file, line, FirstNonSpace(content), ProtocolDiagnostics.Syntax, $"expected 'key = value', got '{content.Trim()}'.");
            var key = content[..eq].Trim();
            var valueStart = eq + 1 + FirstNonSpace(content[(eq + 1)..]) - 1;
            var value = content[(eq + 1)..].Trim();
            var keyColumn = FirstNonSpace(content);
            if (key.Length == 0) throw ProtocolDiagnostics.At(file, line, keyColumn, ProtocolDiagnostics.Syntax, "a key is missing before '='.");
            if (value.Length == 0) throw ProtocolDiagnostics.At(file, line, eq + 2, ProtocolDiagnostics.BadValue, $"'{key}' has no value.");
            if (key.StartsWith("statistic ", StringComparison.Ordinal) || key == "statistic")
            {
                var name = key["statistic".Length..].Trim();
                if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-'))
                    throw ProtocolDiagnostics.At(file, line, keyColumn, ProtocolDiagnostics.BadStatistic,
                        $"a statistic needs a name of letters, digits, '_' or '-': 'statistic xxx = Alice.X Bob.X Charlie.X expect 0.9 tolerance 0.02'.");
                if (statisticLines.TryGetValue(name, out var first))
                    throw ProtocolDiagnostics.At(file, line, keyColumn, ProtocolDiagnostics.DuplicateKey, $"statistic '{name}' is declared twice (first on line {first}).");
                statisticLines[name] = line;
                statistics.Add(ParseStatistic(file, line, valueStart + 1, name, value));
                continue;
            }
            if (!Required.Contains(key) && !Optional.Contains(key))
                throw ProtocolDiagnostics.At(file, line, keyColumn, ProtocolDiagnostics.UnknownKey,
                    $"unknown key '{key}'; the keys are {string.Join(", ", Required.Concat(Optional))} and 'statistic NAME'.");
            if (values.TryGetValue(key, out var earlier))
                throw ProtocolDiagnostics.At(file, line, keyColumn, ProtocolDiagnostics.DuplicateKey, $"'{key}' is given twice (first on line {earlier.Line}).");
            values[key] = (value, line, valueStart + 1);
        }
        var missing = Required.Where(k => !values.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw ProtocolDiagnostics.At(file, lines.Length, 0, ProtocolDiagnostics.MissingKey, $"missing {string.Join(", ", missing.Select(k => $"'{k}'"))} (docs/formulations/finite-protocol.md lists every key).");

        ScenarioInputFault Fault(string key, string what) => new(values[key].Line, values[key].Column, what);
        try
        {
            var scenario = values["scenario"].Value;
            var rounds = ParseRounds(values["rounds"].Value) ?? throw Fault("rounds", $"rounds must be a whole number from 1 to 10^15 (e.g. 100000000 or 1e8), got '{values["rounds"].Value}'.");
            var gamma = ParseReal(values["test-probability"].Value);
            if (gamma is not (> 0 and < 1)) throw Fault("test-probability", $"the test probability γ must lie strictly between 0 and 1, got '{values["test-probability"].Value}'.");
            var tolerance = ParseReal(values["tolerance"].Value);
            if (tolerance is not (> 0 and < 1)) throw Fault("tolerance", $"the tolerance δ of the conditional probabilities must lie strictly between 0 and 1, got '{values["tolerance"].Value}'.");
            var boundText = string.Join(' ', values["bound"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (!(boundText is "ns" or "global" || (boundText.StartsWith("npa ", StringComparison.Ordinal) && int.TryParse(boundText[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)))
                throw Fault("bound", $"bound must be 'ns', 'global' or 'npa K' (K = 1 … 4), the relaxation whose dual the analyses use; got '{values["bound"].Value}'.");
            var extractor = values["extractor"].Value;
            if (extractor != "toeplitz") throw Fault("extractor", $"the only extractor is 'toeplitz' (docs/formulations/extraction.md), got '{extractor}'.");
            var analysis = values["analysis"].Value switch
            {
                "eat" => EntropyAnalysisKind.Eat,
                "iid" => EntropyAnalysisKind.Iid,
                var other => throw Fault("analysis", $"analysis must be 'eat' (entropy accumulation, general attacks) or 'iid' (i.i.d. attacks only), got '{other}'."),
            };
            long? outputBits = values["output-bits"].Value == "max" ? null
                : ParseRounds(values["output-bits"].Value) ?? throw Fault("output-bits", $"output-bits must be a positive whole number or 'max', got '{values["output-bits"].Value}'.");
            string? commitment = null;
            if (values.TryGetValue("commitment", out var c))
            {
                var v = c.Value.StartsWith("sha256:", StringComparison.Ordinal) ? c.Value["sha256:".Length..] : "";
                if (v.Length != 64 || !v.All(Uri.IsHexDigit))
                    throw Fault("commitment", $"commitment must be 'sha256:' and 64 hex digits (as 'steer plan' prints it), got '{c.Value}'.");
                commitment = v.ToLowerInvariant();
            }
            var noise = 0.0;
            if (values.TryGetValue("reference-noise", out var r))
                noise = ParseReal(r.Value) is double eta and >= 0 and < 1 ? eta
                    : throw Fault("reference-noise", $"reference-noise η (the EAT's reference v = (1 − η)·w_exp + η·uniform) must lie in [0, 1), got '{r.Value}'.");
            return new DeclaredProtocol(file, scenario, Path.GetFullPath(Path.Combine(folder, scenario)), values["objective"].Value, boundText,
                rounds, gamma.Value, tolerance.Value, statistics, Epsilon("epsilon-smoothing"), Epsilon("epsilon-accumulation"), Epsilon("epsilon-extractor"),
                extractor, outputBits, analysis, commitment, noise);
        }
        catch (ScenarioInputFault f) { throw ProtocolDiagnostics.At(file, f.Line, f.Column, ProtocolDiagnostics.BadValue, f.Message); }

        ExtractorError Epsilon(string key)
        {
            try { return ExtractorError.Parse(values[key].Value); }
            catch (FormatException e) { throw Fault(key, $"{key}: {e.Message}"); }
        }
    }

    private static TestStatistic ParseStatistic(string file, int line, int column, string name, string value)
    {
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expectAt = Array.IndexOf(tokens, "expect");
        var toleranceAt = Array.IndexOf(tokens, "tolerance");
        var shape = $"'statistic {name} = Alice.X Bob.X Charlie.X expect 0.9 tolerance 0.02'";
        if (expectAt < 1 || toleranceAt != expectAt + 2 || tokens.Length != toleranceAt + 2)
            throw ProtocolDiagnostics.At(file, line, column, ProtocolDiagnostics.BadStatistic, $"a statistic is a correlator, its expected value and its tolerance: {shape}.");
        var factors = new List<CorrelatorFactor>();
        foreach (var token in tokens[..expectAt])
        {
            var dot = token.IndexOf('.');
            if (dot <= 0 || dot == token.Length - 1)
                throw ProtocolDiagnostics.At(file, line, column + value.IndexOf(token, StringComparison.Ordinal), ProtocolDiagnostics.BadStatistic,
                    $"'{token}' is not Node.Setting (e.g. Bob.X): {shape}.");
            factors.Add(new CorrelatorFactor(token[..dot], token[(dot + 1)..]));
        }
        var expected = ParseReal(tokens[expectAt + 1]);
        if (expected is not (>= -1 and <= 1))
            throw ProtocolDiagnostics.At(file, line, column + value.IndexOf("expect", StringComparison.Ordinal), ProtocolDiagnostics.BadStatistic,
                $"the expected value of a correlator lies in [-1, 1], got '{tokens[expectAt + 1]}'.");
        var tolerance = ParseReal(tokens[toleranceAt + 1]);
        if (tolerance is not (> 0 and <= 2))
            throw ProtocolDiagnostics.At(file, line, column + value.IndexOf("tolerance", StringComparison.Ordinal), ProtocolDiagnostics.BadStatistic,
                $"the tolerance δ must lie in (0, 2], got '{tokens[toleranceAt + 1]}'.");
        return new TestStatistic(name, factors, expected.Value, tolerance.Value);
    }

    /// <summary>A whole number 1 … 10¹⁵ written as digits or as 1e8 (an exact integer); null otherwise.</summary>
    private static long? ParseRounds(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n is >= 1 and <= MaxRounds ? n : null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Floor(d) && d >= 1 && d <= MaxRounds)
            return (long)d;
        return null;
    }

    private static double? ParseReal(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static int FirstNonSpace(string s)
    {
        for (var i = 0; i < s.Length; i++) if (!char.IsWhiteSpace(s[i])) return i + 1;
        return s.Length + 1;
    }

    private sealed class ScenarioInputFault(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }
}
