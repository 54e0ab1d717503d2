using System.Globalization;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// Bisection needs "past the threshold" to be monotone in μ. For a white-noise mixture σ(μ) = μ σ(1) + (1 − μ) σ_white
/// it is: every relaxation's P_g (NS, Glo, Q_k) is concave in the data, because its constraints are linear in σ (the
/// mixture of feasible decompositions of σ_1 and σ_2 is feasible for p σ_1 + (1 − p) σ_2, with the mixed objective);
/// and P_g(σ_white) = 1 (white noise has a deterministic LHS model, so Eve knows everything). A concave f on [0, 1]
/// with f ≤ 1 = f(0) is non-increasing: for μ1 &lt; μ2, f(μ1) ≥ (μ1/μ2) f(μ2) + (1 − μ1/μ2) f(0) ≥ f(μ2). So P_g
/// falls and H_min = −log2 P_g rises with μ. For steering, the fully-LHS set is convex and contains σ_white, so the
/// LHS part of the line is an interval [0, μ*] and v*(μ) = μ*/μ falls. The solver's numbers are only near the exact
/// ones, so the check here compares the evaluated values in μ order with a slack of the criterion's tolerance:
/// a rise of more than that means the numbers (not the theorem) are wrong, and no bracket is claimed.
/// </summary>
public static class MonotonicityCheck
{
    /// <returns>Null when the values do not increase with the parameter (beyond the tolerance); else what is wrong.</returns>
    public static string? Violation(IReadOnlyList<ThresholdEvidence> evaluations, ThresholdCriterion criterion)
    {
        var decided = evaluations.Where(e => e.Decided).OrderBy(e => e.At).ToArray();
        for (var i = 1; i < decided.Length; i++)
        {
            var (left, right) = (decided[i - 1], decided[i]);
            var rise = right.Value!.Value - left.Value!.Value;
            if (rise > criterion.Tolerance || (left.Past && !right.Past))
                return string.Create(CultureInfo.InvariantCulture,
                    $"{criterion.Symbol} = {left.Value:G10} at {left.At:R} but {right.Value:G10} at {right.At:R} (a rise of {rise:E2}, tolerance {criterion.Tolerance:0.##e-0}); " +
                    $"{criterion.Symbol} must not increase along a white-noise mixture, so these numbers cannot bracket a threshold");
        }
        return null;
    }
}
