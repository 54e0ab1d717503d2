using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The i.i.d. confidence region (docs/formulations/finite-size.md §4): a box |w_k − ŵ_k| ≤ t_k that contains the true
/// statistics except with probability ε, by Hoeffding's inequality for each statistic and a union bound over the K
/// statistics (each gets ε/K). Two cases:
/// <list type="bullet">
/// <item>a statistic that lives on one setting tuple s (a conditional probability p(o|s), or any score whose non-zero
/// coefficients are all on events of s): conditioned on the settings of the rounds, the N_s rounds with setting s are
/// i.i.d. draws of p(·|s), so ŵ_k = Σ_c G'_k(c) N_c / N_s with G'_k = q(s)·G_k, and
/// P(|ŵ_k − w_k| ≥ t) ≤ 2 exp(−2 N_s t² / R'_k²), R'_k = max(G'_max, 0) − min(G'_min, 0): t_k = R'_k √(ln(2K/ε) / (2 N_s));</item>
/// <item>any other score (e.g. CHSH over all settings): ŵ_k = (1/N) Σ_c G_k(c) N_c over the N test rounds, each round's
/// contribution in an interval of length R_k = max_c G_k − min_c G_k: t_k = R_k √(ln(2K/ε) / (2N)).</item>
/// </list>
/// The settings may be random (the protocol) or fixed per tuple (CountSimulation): both bounds hold either way.
/// Valid only when the rounds are i.i.d.
/// </summary>
public sealed record ConfidenceRegion(IReadOnlyList<double> Center, IReadOnlyList<double> Radius, double Epsilon, long TestRounds)
{
    public const string Inequality = "Hoeffding per statistic (per setting tuple for conditional probabilities) with a union bound over the K statistics: t_k = R_k·sqrt(ln(2K/ε)/(2N_k))";

    public static ConfidenceRegion Hoeffding(TestStatistics statistics, EventCounts counts, double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 1))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, string.Create(CultureInfo.InvariantCulture, $"the confidence region's ε must be in (0, 1), got {epsilon:R}"));
        counts.Validate(statistics);
        var log = Math.Log(2.0 * statistics.Count / epsilon);
        var center = new double[statistics.Count];
        var radius = new double[statistics.Count];
        var perSetting = new Dictionary<string, long>();
        for (var c = 0; c < statistics.Events.Count; c++)
        {
            var key = statistics.Events[c].SettingsKey;
            perSetting[key] = perSetting.GetValueOrDefault(key) + counts.PerEvent[c];
        }
        var n = (double)counts.TestRounds;
        for (var k = 0; k < statistics.Count; k++)
        {
            var g = statistics.Coefficients[k];
            var support = Enumerable.Range(0, g.Length).Where(c => g[c] != 0).Select(c => statistics.Events[c].SettingsKey).Distinct().ToArray();
            if (support.Length == 1)
            {
                var key = support[0];
                var members = Enumerable.Range(0, g.Length).Where(c => statistics.Events[c].SettingsKey == key).ToArray();
                var q = statistics.Events[members[0]].SettingProbability;
                var ns = perSetting[key];
                var conditional = members.Select(c => q * g[c]).ToArray();
                var range = Math.Max(conditional.Max(), 0) - Math.Min(conditional.Min(), 0);
                if (ns == 0) { center[k] = 0; radius[k] = double.PositiveInfinity; continue; } // no rounds of s: nothing is known
                foreach (var c in members) center[k] += q * g[c] * counts.PerEvent[c];
                center[k] /= ns;
                radius[k] = range * Math.Sqrt(log / (2.0 * ns));
            }
            else
            {
                for (var c = 0; c < g.Length; c++) center[k] += g[c] * counts.PerEvent[c];
                center[k] /= n;
                radius[k] = statistics.Range(k) * Math.Sqrt(log / (2 * n));
            }
        }
        return new ConfidenceRegion(center, radius, epsilon, counts.TestRounds);
    }

    /// <summary>Whether w lies in the box.</summary>
    public bool Contains(IReadOnlyList<double> w)
    {
        for (var k = 0; k < Center.Count; k++)
            if (!(Math.Abs(w[k] - Center[k]) <= Radius[k])) return false;
        return true;
    }

    /// <summary>The box with every radius scaled (for tests of the region's sharpness).</summary>
    public ConfidenceRegion Scaled(double factor) => this with { Radius = Radius.Select(r => r * factor).ToArray() };
}
