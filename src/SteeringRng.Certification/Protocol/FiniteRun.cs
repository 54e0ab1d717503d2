using System.Globalization;
using SteeringRng.Extraction;

namespace SteeringRng.Certification.Protocol;

/// <summary>The files of one run: the committed protocol, the data, the seed, where the bits and the certificate go.</summary>
public sealed record FiniteRunRequest(string Protocol, string Counts, string Raw, string Seed, string Output, string Certificate, string? Previous);

/// <summary>What a run produced (nothing is written here: the caller writes both files atomically).</summary>
public sealed record FiniteRunResult(byte[] OutputBits, RunCertificate Certificate, byte[] CertificateBytes, IReadOnlyList<string> Summary);

/// <summary>
/// One run of a declared protocol (docs/formulations/finite-protocol.md §4): the commitment checked, the counts and raw
/// bits read and checked against the protocol, the acceptance test (abort with the reason), both analyses, the output
/// length from the chosen analysis's certified entropy, the seed checked, the extraction, the certificate chained to the
/// previous one. Every refusal happens before any output exists; the caller writes the bits and the certificate only
/// from a returned result.
/// </summary>
public static class FiniteRun
{
    public static FiniteRunResult Execute(FiniteRunRequest r, IRunAnalysis analysis, CancellationToken cancel)
    {
        var declared = ProtocolFile.Load(r.Protocol);
        var bound = BoundProtocol.Bind(declared);
        ProtocolCommitment.Check(declared, bound.Canonical);

        var countsText = RunFiles.Text(r.Counts, "--counts");
        var rawBytes = RunFiles.Length(r.Raw, "--raw");
        var observation = RunObservation.Read(bound, r.Counts, countsText, r.Raw, rawBytes);
        observation.Accept(r.Counts);

        var (sequence, previous) = Chain(r);
        cancel.ThrowIfCancellationRequested();

        var analyses = analysis.Analyse(bound, observation, cancel);
        var chosen = analyses.Single(a => a.Kind == declared.Analysis);
        var (k, published, m) = OutputLength(bound, chosen, observation.RawBits, r.Counts);

        var seedBits = ToeplitzExtractor.SeedBits(observation.RawBits, m);
        var seedBytes = (seedBits + 7) / 8;
        var seedLength = RunFiles.Length(r.Seed, "--seed");
        if (8 * seedLength < seedBits)
            throw ProtocolDiagnostics.In(r.Seed, ProtocolDiagnostics.SeedTooShort,
                $"the seed is too short: {8 * seedLength} bits ({seedLength} bytes), but n + m − 1 = {observation.RawBits} + {m} − 1 = {seedBits} bits ({seedBytes} bytes) are needed.");
        var memory = ToeplitzExtractor.EstimateWorkingBytes(observation.RawBits, m) + rawBytes + seedBytes;
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (memory > 0.8 * available)
            throw ProtocolDiagnostics.In(r.Raw, ProtocolDiagnostics.RunData, $"extracting {observation.RawBits} bits into {m} needs about {memory / 1e9:F2} GB, more than 80% of the {available / 1e9:F2} GB available; declare fewer rounds per run.");

        var raw = RunFiles.Prefix(r.Raw, "--raw", rawBytes);
        RunObservation.CheckPadding(r.Raw, raw[^1], observation.RawBits);
        var seed = RunFiles.Prefix(r.Seed, "--seed", seedBytes);
        cancel.ThrowIfCancellationRequested();
        var output = ToeplitzExtractor.Extract(raw, observation.RawBits, seed, m);

        var certificate = new RunCertificate(
            RunFiles.Relative(r.Certificate, r.Protocol), bound.Hash, bound.Canonical, sequence,
            new FileDigest(RunFiles.Relative(r.Certificate, r.Counts), RunFiles.Sha256(System.Text.Encoding.UTF8.GetBytes(countsText)), System.Text.Encoding.UTF8.GetByteCount(countsText)),
            observation.TestRounds, observation.GenerationRounds,
            observation.Statistics.Select(s => new StatisticRecord(s.Name, s.Observed, s.Expected, s.Tolerance)).ToList(),
            new FileDigest(RunFiles.Relative(r.Certificate, r.Raw), RunFiles.Sha256(raw), raw.Length),
            analyses,
            new ExtractorRecord("toeplitz", declared.Analysis, k, published, ProtocolCommitment.Epsilon(declared.EpsilonExtractor), declared.EpsilonExtractor.Log2InverseUpper,
                observation.RawBits, m, seedBits),
            new FileDigest(RunFiles.Relative(r.Certificate, r.Seed), RunFiles.Sha256(seed), seed.Length),
            new FileDigest(RunFiles.Relative(r.Certificate, r.Output), RunFiles.Sha256(output), output.Length),
            previous);
        var summary = new List<string>
        {
            $"protocol  {r.Protocol}: sha256:{bound.Hash} (committed)",
            $"data      n = {declared.Rounds} rounds: T = {observation.TestRounds} test, G = {observation.GenerationRounds} generation rounds ({observation.RawBits} raw bits: every round's ⌈log2 {bound.OutcomesPerRound}⌉ = {bound.BitsPerRound} bits)",
        };
        var closest = observation.Statistics.MaxBy(s => Math.Abs(s.Observed - s.Expected) / s.Tolerance)!;
        summary.Add($"accepted  all {observation.Statistics.Count} statistics inside the acceptance region; closest to its edge: {closest.Describe()}");
        summary.AddRange(analyses.Select(a => string.Create(CultureInfo.InvariantCulture,
            $"entropy   {a.Label}: k = {a.EntropyBits:0.###} bits ({a.RatePerRound:0.000000} per round){(a.Certified ? "; dual proven exactly: X̂ feasible and PSD, α and λ exact rational inner products rounded outward (finite-size.md §3)" : " NOT CERTIFIED")}")));
        summary.Add(string.Create(CultureInfo.InvariantCulture,
            $"output    m = {m} bits from k = {k:0.###} ({AnalysisRecord.Name(declared.Analysis)} entropy − {published} bits for the published counts), ε_ext = {ProtocolCommitment.Epsilon(declared.EpsilonExtractor)}; SHA-256 {certificate.Output.Sha256}"));
        if (previous is not null) summary.Add($"chain     run {sequence}, after {previous.Path} (sha256:{previous.Sha256})");
        // The digests bind the certificate to the bits, so it reveals about them what a hash does (finite-size.md,
        // "What the certificate reveals"): the extraction's guarantee is for an Eve who never sees it.
        summary.Add("private   the certificate holds SHA-256 digests of the raw bits and of the output: keep it as private as the output");
        return new FiniteRunResult(output, certificate, RunCertificateJson.Write(certificate), summary);
    }

    /// <summary>
    /// k = the chosen analysis's certified entropy of the raw bits (at most their number) less the published counts'
    /// cost ⌈E log2(n + 1)⌉ (<see cref="PublishedCounts"/>), and m: the declared length, or the largest
    /// ⌊k − 2 log2(1/ε_ext)⌋ — refused (SR1239) when the analysis is not certified or m would exceed it.
    /// </summary>
    public static (double K, long Published, long M) OutputLength(BoundProtocol protocol, AnalysisRecord chosen, long rawBits, string origin)
    {
        var declared = protocol.Declared;
        if (!chosen.Certified)
            throw ProtocolDiagnostics.In(origin, ProtocolDiagnostics.NoOutput, $"the {chosen.Label} analysis certifies no entropy for this run ({chosen.Note}); no bits are produced.");
        var published = PublishedCounts.Bits(protocol);
        var k = Math.Min(chosen.EntropyBits, rawBits) - published;
        var mMax = k > 0 ? LeftoverHash.OutputBits((decimal)k, declared.EpsilonExtractor) : 0;
        var twoLog = 2 * declared.EpsilonExtractor.Log2InverseUpper;
        if (mMax < 1)
            throw ProtocolDiagnostics.In(origin, ProtocolDiagnostics.NoOutput, string.Create(CultureInfo.InvariantCulture,
                $"no bit can be extracted: the {chosen.Label} entropy less the published counts' {published} bits is k = {k:0.###} bits ≤ 2 log2(1/ε_ext) = {twoLog}. More rounds (see 'steer plan') or a larger ε_ext are needed."));
        if (declared.OutputBits is { } m && m > mMax)
            throw ProtocolDiagnostics.In(origin, ProtocolDiagnostics.NoOutput, string.Create(CultureInfo.InvariantCulture,
                $"the declared output-bits = {m} is longer than the entropy allows: at most m = ⌊k − 2 log2(1/ε_ext)⌋ = ⌊{k:0.###} − {twoLog}⌋ = {mMax} bits ({chosen.Label}, less {published} bits for the published counts); no bits are produced."));
        return (k, published, declared.OutputBits ?? mMax);
    }

    private static (long Sequence, FileDigest? Previous) Chain(FiniteRunRequest r)
    {
        if (r.Previous is not { } path) return (1, null);
        var length = RunFiles.Length(path, "--previous");
        if (length > RunFiles.MaxCountsBytes) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.CertificateFormat, $"holds {length} bytes; not a run certificate.");
        var bytes = RunFiles.Prefix(path, "--previous", length);
        var previous = RunCertificateJson.Read(path, bytes);
        return (previous.Sequence + 1, new FileDigest(RunFiles.Relative(r.Certificate, path), RunFiles.Sha256(bytes), bytes.Length));
    }
}
