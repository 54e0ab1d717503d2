namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// The bracket locates where 1 − P_g reaches the tolerance τ, slightly above the exact threshold μ* where P_g leaves
/// 1 (by about τ / slope). The ends' values sharpen this from above: along a white-noise mixture P_g is concave in μ
/// (MonotonicityCheck), so the chord through (lo, P_lo) and (hi, P_hi), extended below lo, lies above P_g. Where the
/// chord is below 1, so is P_g; with δ = 1 − P_g the chord reaches 1 at
///   μ_ext = lo − δ_lo (hi − lo) / (δ_hi − δ_lo),
/// hence μ* ≤ μ_ext ≤ lo. This holds for the exact values; the solver's are accurate to about 1e-8, so μ_ext is an
/// estimate of that quality, not a certificate. No lower bound on μ* follows from finitely many values (a concave P_g
/// may leave 1 arbitrarily slowly), which is why the bracket's low end is defined through τ.
/// </summary>
public static class ChordExtrapolation
{
    /// <returns>μ_ext, or null when the ends do not give a falling chord.</returns>
    public static double? ExactThresholdAtMost(ThresholdEvidence lo, ThresholdEvidence hi)
    {
        if (lo.Value is not { } pLo || hi.Value is not { } pHi || !(hi.At > lo.At)) return null;
        var (dLo, dHi) = (Math.Max(0, 1 - pLo), 1 - pHi);
        if (!(dHi > dLo)) return null;
        return lo.At - dLo * (hi.At - lo.At) / (dHi - dLo);
    }
}
