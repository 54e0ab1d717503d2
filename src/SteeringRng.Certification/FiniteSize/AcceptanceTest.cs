using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The protocol's acceptance test on a run's counts (docs/formulations/finite-size.md §1): the per-round statistics
/// ŵ_k = Σ_c G_k(c) N_c / (γ n) (the frequencies over all n rounds, divided by γ, as the EAT's min-tradeoff function
/// sees them) must lie in the box |ŵ_k − w_exp,k| ≤ δ_k; otherwise the protocol aborts.
/// </summary>
public static class AcceptanceTest
{
    public sealed record Outcome(bool Accepted, double[] Observed, string Reason);

    public static Outcome Check(TestStatistics statistics, EventCounts counts, IReadOnlyList<double> expected, ProtocolParameters protocol)
    {
        protocol.Validate(statistics.Count);
        counts.Validate(statistics);
        if (expected.Count != statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{expected.Count} expected statistics for {statistics.Count} statistics");
        var total = counts.TestRounds + counts.GenerationRounds;
        if (total != protocol.Rounds)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch,
                string.Create(CultureInfo.InvariantCulture, $"the counts hold {counts.TestRounds} test and {counts.GenerationRounds} generation rounds, {total} in all, but the protocol declares n = {protocol.Rounds:R}"));
        var scale = protocol.TestProbability * protocol.Rounds;
        var w = new double[statistics.Count];
        for (var k = 0; k < w.Length; k++)
        {
            for (var c = 0; c < counts.PerEvent.Count; c++) w[k] += statistics.Coefficients[k][c] * counts.PerEvent[c];
            w[k] /= scale;
        }
        for (var k = 0; k < w.Length; k++)
            if (Math.Abs(w[k] - expected[k]) > protocol.Tolerances[k])
                return new Outcome(false, w, string.Create(CultureInfo.InvariantCulture,
                    $"{FiniteSizeDiagnostics.Aborted}: statistic '{statistics.Names[k]}' = {w[k]:0.######} is outside the acceptance interval {expected[k]:0.######} ± {protocol.Tolerances[k]:0.######}: the protocol aborts"));
        return new Outcome(true, w, "");
    }
}
