using System.Globalization;
using SteeringRng.Extraction;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// Checks a per-run certificate end to end (docs/formulations/finite-protocol.md §6), without trusting anything it
/// says: the protocol's canonical form against its hash and against the protocol file and scenario as they are now; every
/// file by SHA-256 (counts, raw bits, the seed prefix used, the output); the chain (the previous certificate's hash and
/// sequence number); the round numbers, statistics and acceptance recomputed from the counts; every analysis's entropy
/// recomputed from its recorded dual, and every certified dual re-proven (its point X̃ re-checked in exact arithmetic on
/// the relaxation rebuilt from the committed scenario, α and λ recomputed and the recorded ones required to imply them);
/// the published counts' cost ⌈E log2(n + 1)⌉ and the output length against ⌊k − 2 log2(1/ε_ext)⌋; and the output hash by running
/// the extractor again on the raw bits and the seed. The first failure throws a located SR1241–SR1244 or SR1246 error.
/// </summary>
public static class RunCertificateCheck
{
    /// <summary>Relative agreement required of a recomputed entropy (the same formulas, possibly another libm: ≈ 1e-15).</summary>
    public const double EntropyAgreement = 1e-9;

    /// <returns>One line per check passed, for the report.</returns>
    public static IReadOnlyList<string> Verify(string path, IRunAnalysis analysis, CancellationToken cancel)
    {
        var lines = new List<string>();
        var length = RunFiles.Length(path, "certificate");
        if (length > RunFiles.MaxCountsBytes) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.CertificateFormat, $"holds {length} bytes; not a run certificate.");
        var bytes = RunFiles.Prefix(path, "certificate", length);
        var c = RunCertificateJson.Read(path, bytes);

        // 1. The committed parameters: the canonical form hashes to the recorded hash, and the protocol and scenario
        //    as they are now give the same canonical form.
        var canonicalHash = ProtocolCommitment.Hash(c.ProtocolCanonical);
        if (canonicalHash != c.ProtocolSha256)
            throw Hash(path, $"$.protocol.canonical hashes to sha256:{canonicalHash}, not the recorded $.protocol.sha256 = sha256:{c.ProtocolSha256}: the recorded parameters were changed.");
        var protocolPath = RunFiles.Resolve(path, c.ProtocolPath);
        var declared = ProtocolFile.Load(protocolPath);
        var bound = BoundProtocol.Bind(declared);
        if (bound.Hash != c.ProtocolSha256)
            throw Hash(path, $"the protocol {c.ProtocolPath} (with its scenario) now hashes to sha256:{bound.Hash}, not the committed sha256:{c.ProtocolSha256}: " +
                             $"its parameters or scenario changed since the run. {FirstDifference(c.ProtocolCanonical, bound.Canonical)}");
        ProtocolCommitment.Check(declared, bound.Canonical);
        lines.Add($"protocol   sha256:{c.ProtocolSha256} = hash of the canonical form = the protocol file and scenario now ({c.ProtocolPath})");

        // 2. Files by hash.
        var countsText = CheckFile(path, "counts", c.Counts, c.Counts.Bytes, exactLength: true);
        var raw = CheckFile(path, "raw", c.Raw, c.Raw.Bytes, exactLength: true);
        var seed = CheckFile(path, "seed", c.Seed, c.Seed.Bytes, exactLength: false);
        var output = CheckFile(path, "output", c.Output, c.Output.Bytes, exactLength: true);
        lines.Add($"files      counts, raw bits, seed (first {c.Seed.Bytes} bytes) and output match their SHA-256");

        // 3. The chain.
        if (c.Previous is { } p)
        {
            var previousBytes = CheckFile(path, "previous", p, p.Bytes, exactLength: true, code: ProtocolDiagnostics.CertificateChain);
            var previous = RunCertificateJson.Read(RunFiles.Resolve(path, p.Path), previousBytes);
            if (previous.Sequence + 1 != c.Sequence)
                throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.CertificateChain, $"$.sequence is {c.Sequence}, but the previous certificate {p.Path} has sequence {previous.Sequence}; a chain counts up by one.");
            lines.Add($"chain      run {c.Sequence} follows {p.Path} (sha256:{p.Sha256}, run {previous.Sequence})");
        }
        else if (c.Sequence != 1)
            throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.CertificateChain, $"$.sequence is {c.Sequence} but $.previous is null; only the first run (sequence 1) has no previous certificate.");
        else lines.Add("chain      run 1 (the first: no previous certificate)");

        // 4. Data: rounds, statistics, acceptance, recomputed from the counts and the raw file.
        var observation = RunObservation.Read(bound, RunFiles.Resolve(path, c.Counts.Path), System.Text.Encoding.UTF8.GetString(countsText), RunFiles.Resolve(path, c.Raw.Path), raw.Length);
        if (observation.TestRounds != c.TestRounds || observation.GenerationRounds != c.GenerationRounds)
            throw Value(path, $"$.testRounds/$.generationRounds are {c.TestRounds}/{c.GenerationRounds}; the counts and raw bits give {observation.TestRounds}/{observation.GenerationRounds}.");
        foreach (var s in observation.Statistics)
        {
            var recorded = c.Statistics.FirstOrDefault(r => r.Name == s.Name)
                ?? throw Value(path, $"$.statistics has no entry for the protocol's statistic {s.Name}.");
            if (recorded.Observed != s.Observed || recorded.Expected != s.Expected || recorded.Tolerance != s.Tolerance)
                throw Value(path, string.Create(CultureInfo.InvariantCulture, $"{s.Name} is recorded as {recorded.Observed:R} (expected {recorded.Expected:R} ± {recorded.Tolerance:R}); the counts and protocol give {s.Observed:R} ({s.Expected:R} ± {s.Tolerance:R})."));
        }
        observation.Accept(RunFiles.Resolve(path, c.Counts.Path));
        lines.Add($"data       T = {observation.TestRounds} test and G = {observation.GenerationRounds} generation rounds; every statistic recomputed and inside its acceptance interval");

        // 5. Entropy of every analysis, recomputed from its recorded dual, and the dual itself re-proven.
        for (var i = 0; i < c.Analyses.Count; i++)
        {
            var a = c.Analyses[i];
            cancel.ThrowIfCancellationRequested();
            // Every certified dual is re-proven: the EAT's (the min-tradeoff function) and the i.i.d. two-point dual on the
            // equality relaxation, the i.i.d. record of the box relaxation (pguessByRelaxation = 1) on the box problem
            // rebuilt from the data (finite-size.md §4.1). Flipping the flag only routes a point to a proof it cannot pass.
            var reproven = a.Dual is { Certified: true };
            var byBox = a.Kind == EntropyAnalysisKind.Iid && a.Terms.Any(t => t.Key == "pguessByRelaxation" && t.Value == 1);
            if (a.Kind == EntropyAnalysisKind.Eat && a.Dual is { } eatDual && analysis.ReferenceFault(bound, eatDual) is { } moved)
                throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.DualNotProven, $"$.analyses[{i}].dual.reference ({a.Label}): {moved}.");
            if (reproven && (byBox ? analysis.BoxFault(bound, observation, a.Dual!, cancel) : analysis.DualFault(bound, a.Dual!, cancel)) is { } fault)
                throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.DualNotProven, $"$.analyses[{i}].dual ({a.Label}): {fault}.");
            var k = analysis.Recompute(bound, observation, a);
            if (!(Math.Abs(k - a.EntropyBits) <= EntropyAgreement * Math.Max(1, Math.Abs(k))))
                throw Value(path, string.Create(CultureInfo.InvariantCulture, $"the {a.Label} entropy is recorded as {a.EntropyBits:R} bits; recomputed from its dual and the data it is {k:R} bits."));
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"entropy    {a.Label}: k = {a.EntropyBits:0.###} bits recomputed from the recorded dual (α = {a.Dual?.Alpha:R}){(a.Dual is not { Certified: true } ? "; dual NOT certified" : byBox ? "; box relaxation re-proven here: X̂ exact and PSD, its optimum covered by the recorded α, λ" : "; dual re-proven here: X̂ exact and PSD, α and λ recomputed exactly")}"));
        }

        // 6. Output length and the output itself.
        var chosen = c.Analyses.FirstOrDefault(a => a.Kind == declared.Analysis)
            ?? throw Value(path, $"$.analyses has no '{AnalysisRecord.Name(declared.Analysis)}' analysis, the one the protocol takes the entropy from.");
        var (kUsed, published, mDeclared) = FiniteRun.OutputLength(bound, chosen, observation.RawBits, path);
        if (c.Extractor.PublishedCountsBits != published)
            throw Value(path, $"$.extractor.publishedCountsBits is {c.Extractor.PublishedCountsBits}; E = {bound.Layout.Rows} counts, each in [0, n = {declared.Rounds}], give ⌈E log2(n + 1)⌉ = {published}.");
        if (c.Extractor.EntropyBits != kUsed || c.Extractor.Analysis != declared.Analysis)
            throw Value(path, string.Create(CultureInfo.InvariantCulture, $"$.extractor.entropyBits is {c.Extractor.EntropyBits:R} ({AnalysisRecord.Name(c.Extractor.Analysis)}); the protocol's analysis gives k = {kUsed:R}."));
        var mMax = LeftoverHash.OutputBits((decimal)kUsed, declared.EpsilonExtractor);
        if (c.Extractor.OutputBits != mDeclared || c.Extractor.OutputBits > mMax)
            throw Value(path, $"$.extractor.outputBits is {c.Extractor.OutputBits}; the protocol gives m = {mDeclared} (at most ⌊k − 2 log2(1/ε_ext)⌋ = {mMax}).");
        if (c.Extractor.InputBits != observation.RawBits || c.Extractor.SeedBits != ToeplitzExtractor.SeedBits(observation.RawBits, c.Extractor.OutputBits))
            throw Value(path, $"$.extractor.inputBits/seedBits are {c.Extractor.InputBits}/{c.Extractor.SeedBits}; the raw bits give n = {observation.RawBits} and n + m − 1 = {ToeplitzExtractor.SeedBits(observation.RawBits, c.Extractor.OutputBits)}.");
        var seedBytes = (c.Extractor.SeedBits + 7) / 8;
        if (seed.Length < seedBytes)
            throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.SeedTooShort, $"$.seed covers {seed.Length} bytes; the extractor needs {seedBytes}.");
        RunObservation.CheckPadding(RunFiles.Resolve(path, c.Raw.Path), raw[^1], observation.RawBits);
        var again = ToeplitzExtractor.Extract(raw, observation.RawBits, seed.AsSpan(0, (int)seedBytes), c.Extractor.OutputBits);
        if (!again.AsSpan().SequenceEqual(output))
            throw Hash(path, $"the output {c.Output.Path} is not the Toeplitz hash of the raw bits with the seed (re-extracted SHA-256 {RunFiles.Sha256(again)}).");
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"output     m = {c.Extractor.OutputBits} ≤ ⌊k − 2·{declared.EpsilonExtractor.Log2InverseUpper}⌋ = {mMax}, k = {AnalysisRecord.Name(declared.Analysis)} entropy − {published} bits for the published counts = {kUsed:0.###}; re-extracted from the raw bits and seed: identical (SHA-256 {c.Output.Sha256})"));
        return lines;
    }

    private static byte[] CheckFile(string certificate, string field, FileDigest d, long bytes, bool exactLength, string code = ProtocolDiagnostics.CertificateHash)
    {
        var full = RunFiles.Resolve(certificate, d.Path);
        var length = RunFiles.Length(full, $"$.{field}.path");
        if (exactLength ? length != bytes : length < bytes)
            throw ProtocolDiagnostics.In(certificate, code, $"$.{field}: {d.Path} holds {length} bytes; the certificate recorded {bytes}.");
        var content = RunFiles.Prefix(full, $"$.{field}.path", bytes);
        var hash = RunFiles.Sha256(content);
        if (hash != d.Sha256)
            throw ProtocolDiagnostics.In(certificate, code, $"$.{field}: {d.Path} hashes to SHA-256 {hash}, not the recorded {d.Sha256}: the file was changed after the run.");
        return content;
    }

    private static string FirstDifference(string recorded, string now)
    {
        var a = recorded.Split('\n');
        var b = now.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(nothing)";
            var y = i < b.Length ? b[i] : "(nothing)";
            if (x != y) return $"First difference: committed '{x}', now '{y}'.";
        }
        return "";
    }

    private static Input.ScenarioInputException Hash(string file, string what) => ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateHash, what);

    private static Input.ScenarioInputException Value(string file, string what) => ProtocolDiagnostics.In(file, ProtocolDiagnostics.CertificateValue, what);
}
