using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The i.i.d. confidence region (docs/formulations/finite-size.md §4): the box |w_k − ŵ_k| ≤ t_k with
/// t_k = R_k·√(ln(2K/ε) / (2N)) (Hoeffding's inequality for the mean of N independent test rounds whose contribution
/// G_k(c) lies in an interval of length R_k, P(|ŵ_k − w_k| ≥ t) ≤ 2 exp(−2 N t² / R_k²), with a union bound over the K
/// statistics): it contains the true statistics except with probability ε. i.i.d. rounds only.
/// </summary>
public sealed record ConfidenceRegion(IReadOnlyList<double> Center, IReadOnlyList<double> Radius, double Epsilon, long TestRounds)
{
    public const string Inequality = "Hoeffding per statistic with a union bound: t_k = R_k·sqrt(ln(2K/ε)/(2N))";

    public static ConfidenceRegion Hoeffding(TestStatistics statistics, EventCounts counts, double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 1))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, string.Create(CultureInfo.InvariantCulture, $"the confidence region's ε must be in (0, 1), got {epsilon:R}"));
        var center = counts.Observed(statistics);
        var n = (double)counts.TestRounds;
        var log = Math.Log(2.0 * statistics.Count / epsilon);
        var radius = Enumerable.Range(0, statistics.Count).Select(k => statistics.Range(k) * Math.Sqrt(log / (2 * n))).ToArray();
        return new ConfidenceRegion(center, radius, epsilon, counts.TestRounds);
    }

    /// <summary>Whether w lies in the box.</summary>
    public bool Contains(IReadOnlyList<double> w)
    {
        for (var k = 0; k < Center.Count; k++)
            if (Math.Abs(w[k] - Center[k]) > Radius[k]) return false;
        return true;
    }
}
