using SteeringRng.Certification.Input;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// The diagnostic codes of declared protocols, runs and run certificates (SR1230–SR1249;
/// docs/formulations/finite-protocol.md lists them with examples). Every fault is a <see cref="ScenarioInputException"/>
/// whose message starts with the file and, where there is one, the line and column: <c>p.protocol:4:12: error SR1234: …</c>.
/// </summary>
public static class ProtocolDiagnostics
{
    public const string Syntax = "SR1230";            // a line that is not 'key = value'
    public const string UnknownKey = "SR1231";        // a key the format does not have
    public const string DuplicateKey = "SR1232";      // a key given twice
    public const string MissingKey = "SR1233";        // a required key absent
    public const string BadValue = "SR1234";          // a value out of range or of the wrong kind
    public const string BadStatistic = "SR1235";      // a statistic that names no node/setting of the scenario, or is not a correlator
    public const string CommitmentMismatch = "SR1236"; // the parameters changed since they were committed
    public const string RunData = "SR1237";           // counts/raw bits inconsistent with the protocol (rounds, sizes)
    public const string NotAccepted = "SR1238";       // a statistic outside its acceptance region: the run aborts
    public const string NoOutput = "SR1239";          // the certified entropy allows fewer bits than declared
    public const string SeedTooShort = "SR1240";      // fewer seed bits than n + m − 1
    public const string CertificateFormat = "SR1241"; // a run certificate that is not well-formed
    public const string CertificateHash = "SR1242";   // a file or value whose hash differs from the certificate's
    public const string CertificateChain = "SR1243";  // the previous certificate is not the one chained to
    public const string CertificateValue = "SR1244";  // a recomputed value (entropy, length, statistic) differs
    public const string NoCommitment = "SR1245";      // a run on a protocol that was never committed
    public const string DualNotProven = "SR1246";     // a certificate's dual point does not re-prove its recorded α, λ

    /// <summary>"file:line:col: error SRnnnn: what" (line and column 1-based; omitted when 0).</summary>
    public static ScenarioInputException At(string file, int line, int column, string code, string what)
    {
        var where = line > 0 ? (column > 0 ? $"{file}:{line}:{column}" : $"{file}:{line}") : file;
        return new ScenarioInputException($"{where}: error {code}: {what}");
    }

    public static ScenarioInputException In(string file, string code, string what) => At(file, 0, 0, code, what);
}
