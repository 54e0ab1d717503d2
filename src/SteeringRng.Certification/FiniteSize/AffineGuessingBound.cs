namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// P_g(w) ≤ α + λ·w for every statistic w a quantum (or no-signalling, for NS bounds) strategy can produce
/// (docs/formulations/finite-size.md §3): read from one dual-feasible point X̂ of the guessing relaxation solved at the
/// reference statistic v. The relaxation is value(w) = offset(w) − opt(D(w)) with the data only in the affine
/// constants (C(w), offset(w)) and the constraints A(X) = b independent of w, so every feasible X̂ gives
/// value(w) ≤ offset(w) − ⟨C(w), X̂⟩ =: α + λ·w for all w at once.
/// </summary>
/// <param name="Reference">v, the statistic the relaxation was solved at.</param>
/// <param name="Alpha">α (includes the rounding margin, see <see cref="Margin"/>).</param>
/// <param name="Lambda">λ, one coefficient per statistic.</param>
/// <param name="PguessAtReference">The relaxation's value at v as solved (raw, for the report).</param>
/// <param name="Certified">True when X̂ was proven feasible and PSD in exact arithmetic (RelaxationCertifier's check).</param>
/// <param name="Method">How it was proven, or why not.</param>
/// <param name="Margin">What was added to α to cover floating-point evaluation of α and λ from X̂.</param>
public sealed record AffineGuessingBound(
    IReadOnlyList<double> Reference,
    double Alpha,
    IReadOnlyList<double> Lambda,
    double PguessAtReference,
    bool Certified,
    string Method,
    double Margin)
{
    /// <summary>α + λ·w.</summary>
    public double Evaluate(IReadOnlyList<double> w)
    {
        var s = Alpha;
        for (var k = 0; k < Lambda.Count; k++) s += Lambda[k] * w[k];
        return s;
    }

    /// <summary>max of α + λ·w over the box |w − center| ≤ radius (componentwise): α + λ·center + Σ|λ_k| radius_k.</summary>
    public double MaxOverBox(IReadOnlyList<double> center, IReadOnlyList<double> radius)
    {
        var s = Evaluate(center);
        for (var k = 0; k < Lambda.Count; k++) s += Math.Abs(Lambda[k]) * radius[k];
        return s;
    }

    /// <summary>The corner of the box where α + λ·w is largest: center + sign(λ)·radius.</summary>
    public double[] WorstCorner(IReadOnlyList<double> center, IReadOnlyList<double> radius) =>
        center.Select((c, k) => c + Math.Sign(Lambda[k]) * radius[k]).ToArray();
}
