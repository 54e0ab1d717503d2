namespace SteeringRng.Certification.Protocol;

/// <summary>A file the certificate refers to: its path relative to the certificate's folder and the SHA-256 of its bytes.</summary>
/// <param name="Bytes">How many bytes the hash covers (a seed file may be a longer pool of which only a prefix is used).</param>
public sealed record FileDigest(string Path, string Sha256, long Bytes);

/// <summary>A statistic as observed in the run's test rounds, with its acceptance interval.</summary>
public sealed record StatisticRecord(string Name, double Observed, double Expected, double Tolerance);

/// <summary>
/// The extraction: which analysis's entropy was used, k = that entropy less the published counts' cost
/// (<see cref="PublishedCounts"/>), ε_ext, n raw bits in, m bits out (m = ⌊k − 2 log2(1/ε_ext)⌋ at most).
/// </summary>
public sealed record ExtractorRecord(string Name, EntropyAnalysisKind Analysis, double EntropyBits, long PublishedCountsBits, string Epsilon, decimal Log2InverseEpsilon, long InputBits, long OutputBits, long SeedBits);

/// <summary>
/// The per-run certificate (docs/formulations/finite-protocol.md §5): the committed parameters (canonical form and
/// hash), the data (counts and raw bits by hash, with the derived round numbers and statistics), every analysis with its
/// dual, the extraction, the seed and output by hash, and the chain: the SHA-256 of the previous run's certificate file.
/// </summary>
public sealed record RunCertificate(
    string ProtocolPath,
    string ProtocolSha256,
    string ProtocolCanonical,
    long Sequence,
    FileDigest Counts,
    long TestRounds,
    long GenerationRounds,
    IReadOnlyList<StatisticRecord> Statistics,
    FileDigest Raw,
    IReadOnlyList<AnalysisRecord> Analyses,
    ExtractorRecord Extractor,
    FileDigest Seed,
    FileDigest Output,
    FileDigest? Previous)
{
    /// <summary>
    /// Format 2: the raw bits are every round's outcomes (the record the EAT bounds) and k is less the published counts'
    /// cost. Format 1 extracted from the generation rounds alone; such certificates are refused, not verified.
    /// </summary>
    public const string Format = "steer run certificate 2";

    /// <summary>Leftover hash lemma + smoothing: the output is (2ε_s + ε_ext)-close to uniform given E (extraction.md).</summary>
    public const string ErrorStatement = "output (2 eps_s + eps_ext)-close to uniform given the seed and Eve, unless the run aborted (probability of passing with less entropy at most eps_EA)";
}
