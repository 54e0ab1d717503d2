using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The counts of a run's test rounds: N_c per event class of <see cref="TestStatistics.Events"/>, and the number of
/// generation rounds (their outcomes are the raw bits and are not counted here).
/// </summary>
public sealed record EventCounts(IReadOnlyList<long> PerEvent, long GenerationRounds)
{
    /// <summary>N, the number of test rounds.</summary>
    public long TestRounds => PerEvent.Sum();

    /// <summary>ŵ_k = (1/N) Σ_c G_k(c) N_c. Throws SR1221/SR1222 for counts that do not fit or are unusable.</summary>
    public double[] Observed(TestStatistics statistics)
    {
        Validate(statistics);
        var n = (double)TestRounds;
        var w = new double[statistics.Count];
        for (var k = 0; k < statistics.Count; k++)
            for (var c = 0; c < PerEvent.Count; c++) w[k] += statistics.Coefficients[k][c] * PerEvent[c];
        for (var k = 0; k < w.Length; k++) w[k] /= n;
        return w;
    }

    public void Validate(TestStatistics statistics)
    {
        if (PerEvent.Count != statistics.Events.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{PerEvent.Count} counts for {statistics.Events.Count} event classes");
        for (var c = 0; c < PerEvent.Count; c++)
            if (PerEvent[c] < 0)
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.BadCounts,
                    string.Create(CultureInfo.InvariantCulture, $"event class '{statistics.Events[c].Name}': count {PerEvent[c]} is negative"));
        if (GenerationRounds < 0)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.BadCounts, $"generation rounds {GenerationRounds} is negative");
        if (TestRounds <= 0) throw new FiniteSizeInputException(FiniteSizeDiagnostics.BadCounts, "there are no test rounds (every count is 0)");
    }
}
