using System.Globalization;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;

namespace SteeringRng.Certification.Protocol;

/// <summary>One statistic as observed in the run, against its acceptance interval [expected − δ, expected + δ].</summary>
public sealed record ObservedStatistic(string Name, double Observed, double Expected, double Tolerance)
{
    public bool Accepted => Math.Abs(Observed - Expected) <= Tolerance;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: observed {Observed:0.######}, expected {Expected:0.######} ± {Tolerance:0.######} = [{Expected - Tolerance:0.######}, {Expected + Tolerance:0.######}]");
}

/// <summary>
/// A run's data as the protocol sees them (docs/formulations/finite-protocol.md §2): the test rounds' counts N_c (the
/// tidy counts CSV, one row per event c of every setting tuple), T = Σ N_c, G = n − T generation rounds, the raw bits
/// file holding the whole record A_1 … A_n the EAT bounds (every round, test and generation: n · ⌈log2 d_O⌉ bits, most
/// significant bit of each byte first, the last byte's unused low bits zero; finite-protocol.md §2), and every statistic as the analyses define it: the per-round score averaged over the n rounds and
/// divided by γ, ŵ_k = Σ_c G_k(c) N_c / (γ n), with G(c) = 1/q(s) for the conditional probability of event c = (s, o)
/// and G(c) = (−1)^{Σ o}/q(s) for a correlator at tuple s, q(s) = 1/(number of setting tuples).
/// </summary>
public sealed record RunObservation(long[] Counts, long TestRounds, long GenerationRounds, long RawBits, IReadOnlyList<ObservedStatistic> Statistics)
{
    /// <summary>Most raw bits one run extracts from (the extractor's limit: half of the largest array, in bytes).</summary>
    public static long MaxRawBits => 8L * (Array.MaxLength / 2);

    /// <exception cref="ScenarioInputException">The counts or raw bits do not fit the protocol (located, SR1237).</exception>
    public static RunObservation Read(BoundProtocol protocol, string countsPath, string countsText, string rawPath, long rawBytes)
    {
        var layout = protocol.Layout;
        var table = ProbabilitiesCsv.Read(countsPath, countsText, layout);
        if (!table.FromCounts)
            throw ProtocolDiagnostics.In(countsPath, ProtocolDiagnostics.RunData, "holds probabilities; a run's test rounds are counts (a 'count' column).");
        var counts = new long[layout.Rows];
        foreach (var (_, _, row) in layout.Events()) counts[row] = (long)Math.Round(table.Values[row] * table.Totals![row]);
        var testRounds = counts.Sum();
        var n = protocol.Declared.Rounds;
        if (testRounds >= n)
            throw ProtocolDiagnostics.In(countsPath, ProtocolDiagnostics.RunData, $"holds {testRounds} test rounds, but the protocol has n = {n} rounds in all; no generation round is left.");
        var generation = n - testRounds;
        var bits = n * protocol.BitsPerRound;
        if (bits > MaxRawBits)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData, $"n = {n} rounds of ⌈log2 d_O⌉ = {protocol.BitsPerRound} bits are {bits} raw bits; at most {MaxRawBits} can be extracted in one run. Declare fewer rounds per run.");
        var bytes = (bits + 7) / 8;
        if (rawBytes != bytes)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData,
                $"holds {rawBytes} bytes, but the raw file holds all n = {n} rounds (T = {testRounds} test and G = {generation} generation rounds, finite-protocol.md §2) " +
                $"of ⌈log2 d_O⌉ = ⌈log2 {protocol.OutcomesPerRound}⌉ = {protocol.BitsPerRound} bits: {bits} bits = {bytes} bytes (not only the generation rounds: the EAT bounds the entropy of the whole record).");
        return new RunObservation(counts, testRounds, generation, bits, Observe(protocol, counts));
    }

    /// <summary>Every conditional probability (in the layout's row order), then every declared correlator.</summary>
    private static List<ObservedStatistic> Observe(BoundProtocol protocol, long[] counts)
    {
        var layout = protocol.Layout;
        var events = layout.Events().ToList();
        var tuples = events.Select(e => string.Join(",", e.Settings)).Distinct().Count();
        var scale = protocol.Declared.TestProbability * protocol.Declared.Rounds / tuples; // γ n q(s)
        var observed = new List<ObservedStatistic>();
        foreach (var (settings, outcomes, row) in events.OrderBy(e => e.Row))
            observed.Add(new ObservedStatistic($"p({layout.DescribeEvent(settings, outcomes)})", counts[row] / scale,
                protocol.ExpectedProbabilities[row], protocol.Declared.Tolerance));
        foreach (var s in protocol.Statistics)
        {
            double sum = 0;
            foreach (var (settings, outcomes, row) in events)
                if (settings.SequenceEqual(s.Settings)) sum += (outcomes.Sum() % 2 == 0 ? 1 : -1) * counts[row];
            observed.Add(new ObservedStatistic($"statistic '{s.Statistic.Name}' <{string.Join(" ", s.Statistic.Factors)}>", sum / scale, s.Statistic.Expected, s.Statistic.Tolerance));
        }
        return observed;
    }

    /// <summary>Aborts (SR1238) unless every statistic lies in its acceptance interval; names every one outside (the first 5).</summary>
    public void Accept(string countsPath)
    {
        var rejected = Statistics.Where(s => !s.Accepted).ToList();
        if (rejected.Count > 0)
            throw ProtocolDiagnostics.In(countsPath, ProtocolDiagnostics.NotAccepted,
                $"the run is not accepted and aborts (no bits are produced): {rejected.Count} statistic(s) outside the acceptance region: " +
                $"{string.Join("; ", rejected.Take(5).Select(r => r.Describe()))}{(rejected.Count > 5 ? "; …" : "")}.");
    }

    /// <summary>The padding bits after the last raw bit must be zero (so that the file is exactly the raw bits).</summary>
    public static void CheckPadding(string rawPath, byte lastByte, long rawBits)
    {
        var used = (int)(rawBits % 8);
        if (used != 0 && (lastByte & (0xFF >> used)) != 0)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData, $"the last byte's {8 - used} unused low bits are not zero; the file holds more than the {rawBits} raw bits.");
    }
}
