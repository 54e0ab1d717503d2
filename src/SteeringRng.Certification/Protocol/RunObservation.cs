using System.Globalization;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;

namespace SteeringRng.Certification.Protocol;

/// <summary>One statistic as observed in the test rounds, against its acceptance interval.</summary>
public sealed record ObservedStatistic(TestStatistic Statistic, double Observed, double TestRounds)
{
    public bool Accepted => Statistic.Accepts(Observed);

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"statistic '{Statistic.Name}' ({string.Join(" ", Statistic.Factors)}): observed {Observed:0.######} over {TestRounds:0} test rounds, " +
        $"expected {Statistic.Expected:0.######} ± {Statistic.Tolerance:0.######} = [{Statistic.Low:0.######}, {Statistic.High:0.######}]");
}

/// <summary>
/// A run's data as the protocol sees them (docs/formulations/finite-protocol.md §2): the test rounds' counts (the tidy
/// counts CSV, one row per event of every setting tuple), T = their total, G = n − T generation rounds, whose guessed
/// outcomes are the raw bits file (G · log2 d_O bits, most significant bit of each byte first, the last byte's unused
/// low bits zero), and every statistic's observed value.
/// </summary>
public sealed record RunObservation(ProbabilityTable Counts, long TestRounds, long GenerationRounds, long RawBits, IReadOnlyList<ObservedStatistic> Statistics)
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
        var totals = table.Totals!;
        double t = 0;
        foreach (var group in layout.Events().GroupBy(e => string.Join(",", e.Settings))) t += totals[group.First().Row];
        var n = protocol.Declared.Rounds;
        if (t >= n)
            throw ProtocolDiagnostics.In(countsPath, ProtocolDiagnostics.RunData,
                string.Create(CultureInfo.InvariantCulture, $"holds {t:0} test rounds, but the protocol has n = {n} rounds in all; no generation round is left."));
        var testRounds = (long)t;
        var generation = n - testRounds;
        var bits = generation * protocol.BitsPerGenerationRound;
        if (bits > MaxRawBits)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData, $"G = {generation} generation rounds of {protocol.BitsPerGenerationRound} bits are {bits} raw bits; at most {MaxRawBits} can be extracted in one run. Declare fewer rounds per run.");
        var bytes = (bits + 7) / 8;
        if (rawBytes != bytes)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData,
                $"holds {rawBytes} bytes, but G = n − T = {n} − {testRounds} = {generation} generation rounds of log2 d_O = {protocol.BitsPerGenerationRound} bits are {bits} bits = {bytes} bytes.");
        var observed = protocol.Statistics.Select(s => Observe(layout, table, s)).ToList();
        return new RunObservation(table, testRounds, generation, bits, observed);
    }

    /// <summary>The first statistic outside its interval, or null when the run is accepted.</summary>
    public ObservedStatistic? FirstRejected => Statistics.FirstOrDefault(s => !s.Accepted);

    /// <summary>Aborts (SR1238) unless every statistic lies in its acceptance interval.</summary>
    public void Accept(string countsPath)
    {
        var rejected = Statistics.Where(s => !s.Accepted).ToList();
        if (rejected.Count > 0)
            throw ProtocolDiagnostics.In(countsPath, ProtocolDiagnostics.NotAccepted,
                $"the run is not accepted and aborts (no bits are produced): {string.Join("; ", rejected.Select(r => r.Describe()))}.");
    }

    /// <summary>The padding bits after the last raw bit must be zero (so that the file is exactly the raw bits).</summary>
    public static void CheckPadding(string rawPath, byte lastByte, long rawBits)
    {
        var used = (int)(rawBits % 8);
        if (used != 0 && (lastByte & (0xFF >> used)) != 0)
            throw ProtocolDiagnostics.In(rawPath, ProtocolDiagnostics.RunData, $"the last byte's {8 - used} unused low bits are not zero; the file holds more than the {rawBits} raw bits.");
    }

    /// <summary>⟨∏ M⟩ = Σ_o (−1)^{Σ o} f(o | settings) from the tuple's observed frequencies.</summary>
    private static ObservedStatistic Observe(ProbabilityLayout layout, ProbabilityTable table, ResolvedStatistic s)
    {
        double value = 0, rounds = 0;
        foreach (var (settings, outcomes, row) in layout.Events())
        {
            if (!settings.SequenceEqual(s.Settings)) continue;
            value += (outcomes.Sum() % 2 == 0 ? 1 : -1) * table.Values[row];
            rounds = table.Totals![row];
        }
        return new ObservedStatistic(s.Statistic, value, rounds);
    }
}
