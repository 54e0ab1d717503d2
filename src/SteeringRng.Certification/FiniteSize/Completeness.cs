namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The completeness error: the probability that honest devices with expected statistics w_exp fail the acceptance test
/// |ŵ_k − w_exp,k| ≤ δ_k, ŵ_k = Σ_c G_k(c) N_c / (γ n) (docs/formulations/finite-size.md §6), by a union bound over the
/// statistics of one of:
/// <list type="bullet">
/// <item>Chernoff (a statistic that counts events, G_k(c) ∈ {0, g_k}, g_k &gt; 0): with μ = γ n w_k/g_k expected events
/// and relative deviation t = δ_k/w_k, P ≤ 2 exp(−t² μ / 3) = 2 exp(−γ n δ_k² / (3 g_k w_k)) for t ≤ 1
/// (the formula of Brown–Ragy–Colbeck for g = 1); for t &gt; 1 the lower tail is impossible and the upper tail is at most
/// exp(−t μ / 3).</item>
/// <item>Hoeffding (any other score, e.g. CHSH): each round adds G_k(c)·[test]/γ ∈ an interval of length R'_k/γ with
/// R'_k = max(G_max, 0) − min(G_min, 0), so P ≤ 2 exp(−2 n γ² δ_k² / R'_k²).</item>
/// </list>
/// </summary>
public static class Completeness
{
    public static double Error(TestStatistics statistics, IReadOnlyList<double> expected, ProtocolParameters protocol)
    {
        var n = protocol.Rounds;
        var gamma = protocol.TestProbability;
        var total = 0.0;
        for (var k = 0; k < statistics.Count; k++)
        {
            var delta = protocol.Tolerances[k];
            var g = statistics.Coefficients[k];
            var positive = g.Where(x => x != 0).Distinct().ToArray();
            if (positive.Length == 1 && positive[0] > 0)
            {
                var gk = positive[0];
                var w = expected[k];
                if (w <= 0) continue; // the honest devices never produce these events: ŵ = 0 always
                if (delta == 0) { total += 1; continue; } // an exact-equality test fails with probability up to 1
                var mu = gamma * n * w / gk;
                var t = delta / w;
                total += t <= 1 ? 2 * Math.Exp(-t * t * mu / 3) : Math.Exp(-t * mu / 3);
            }
            else
            {
                if (delta == 0) { total += 1; continue; }
                var range = Math.Max(g.Max(), 0) - Math.Min(g.Min(), 0);
                total += 2 * Math.Exp(-2 * n * gamma * gamma * delta * delta / (range * range));
            }
        }
        return Math.Min(1, total);
    }
}
