using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SteeringRng.Extraction;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// The canonical form of a declared protocol and its SHA-256 (docs/formulations/finite-protocol.md §3). Two protocol
/// files that fix the same parameters — however spaced, ordered, commented or written (0.90 or 9e-1, 2**-64 or 2^-64) —
/// have the same canonical form; any change of a parameter or of the scenario (its text and every file it reads, by
/// <see cref="Input.ScenarioFingerprint"/>) changes it. The form is UTF-8, lines ending in '\n':
/// <code>
/// steer protocol 1
/// scenario-sha256=HEX
/// objective=…  bound=…  rounds=N  test-probability=R  tolerance=R  epsilon-smoothing=E  epsilon-accumulation=E
/// epsilon-extractor=E  extractor=toeplitz  output-bits=N|max  analysis=eat|iid      (each on its own line, this order)
/// statistic=NAME:Node.Setting,…:expect=R:tolerance=R                                  (one line each, sorted by NAME)
/// </code>
/// R is the shortest round-trip form of the double ("R"), E is 2^-K for an exact power of two and R otherwise. The
/// commitment line itself is not part of the form (it is its hash).
/// </summary>
public static class ProtocolCommitment
{
    public const string Header = "steer protocol 1";

    public static string Canonical(DeclaredProtocol p, string scenarioSha256)
    {
        var s = new StringBuilder();
        void Line(string key, string value) => s.Append(key).Append('=').Append(value).Append('\n');
        s.Append(Header).Append('\n');
        Line("scenario-sha256", scenarioSha256);
        Line("objective", p.Objective);
        Line("bound", string.Join(' ', p.Bound.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Line("rounds", p.Rounds.ToString(CultureInfo.InvariantCulture));
        Line("test-probability", Real(p.TestProbability));
        Line("tolerance", Real(p.Tolerance));
        Line("epsilon-smoothing", Epsilon(p.EpsilonSmoothing));
        Line("epsilon-accumulation", Epsilon(p.EpsilonAccumulation));
        Line("epsilon-extractor", Epsilon(p.EpsilonExtractor));
        Line("extractor", p.Extractor);
        Line("output-bits", p.OutputBits is { } m ? m.ToString(CultureInfo.InvariantCulture) : "max");
        Line("analysis", p.Analysis == EntropyAnalysisKind.Eat ? "eat" : "iid");
        // Only when declared, so that protocols committed before the key existed keep their hash.
        if (p.ReferenceNoise != 0) Line("reference-noise", Real(p.ReferenceNoise));
        foreach (var t in p.Statistics.OrderBy(t => t.Name, StringComparer.Ordinal))
            Line("statistic", $"{t.Name}:{string.Join(',', t.Factors)}:expect={Real(t.Expected)}:tolerance={Real(t.Tolerance)}");
        return s.ToString();
    }

    /// <summary>SHA-256 of the canonical form's UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    /// <summary>
    /// Refuses a protocol that was never committed or whose parameters (or scenario) changed since: the run must use the
    /// parameters fixed before the data (SR1245, SR1236).
    /// </summary>
    public static void Check(DeclaredProtocol p, string canonical)
    {
        var hash = Hash(canonical);
        if (p.Commitment is null)
            throw ProtocolDiagnostics.In(p.File, ProtocolDiagnostics.NoCommitment,
                $"the protocol has no 'commitment' line: fix the parameters before any data by adding 'commitment = sha256:{hash}' (as 'steer plan' prints it).");
        if (p.Commitment != hash)
            throw ProtocolDiagnostics.In(p.File, ProtocolDiagnostics.CommitmentMismatch,
                $"the parameters changed since they were committed: the canonical form hashes to sha256:{hash}, the commitment is sha256:{p.Commitment}. " +
                "A run uses only parameters fixed before its data; declare a new protocol (and commit it) before taking new data.");
    }

    /// <summary>The shortest text that parses back to the same double.</summary>
    public static string Real(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static string Epsilon(ExtractorError e) =>
        e.Exact ? "2^-" + e.Log2InverseUpper.ToString("0.############################", CultureInfo.InvariantCulture)
                : Real(double.Parse(e.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
