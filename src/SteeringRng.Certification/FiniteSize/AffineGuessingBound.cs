namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// P_g(w) ≤ α + λ·w for every statistic w a quantum (or no-signalling, for NS bounds) strategy can produce
/// (docs/formulations/finite-size.md §3): read from one dual-feasible point X̂ of the guessing relaxation solved at the
/// reference statistic v. The relaxation is value(w) = offset(w) − opt(D(w)) with the data only in the affine
/// constants (C(w), offset(w)) and the constraints A(X) = b independent of w, so every feasible X̂ gives
/// value(w) ≤ offset(w) − ⟨C(w), X̂⟩ =: α + λ·w for all w at once. When <see cref="Certified"/>, α and λ are exact
/// rational inner products with X̂ rounded outward (<see cref="ExactAffineBound"/>): α + λ·w here is ≥ the exact bound for
/// every statistic a test round can produce.
/// </summary>
/// <param name="Reference">v, the statistic the relaxation was solved at.</param>
/// <param name="Alpha">α, rounded up (includes <see cref="Margin"/>).</param>
/// <param name="Lambda">λ, one coefficient per statistic.</param>
/// <param name="PguessAtReference">The relaxation's value at v as solved (raw, for the report).</param>
/// <param name="Certified">True when X̂ was proven feasible and PSD in exact arithmetic and α, λ computed exactly from it.</param>
/// <param name="Method">How it was proven, or why not.</param>
/// <param name="Margin">What was added to the exact α for rounding λ to doubles: Σ_k |λ_k − λ̃_k|·W_k (≈ 1e-16).</param>
public sealed record AffineGuessingBound(
    IReadOnlyList<double> Reference,
    double Alpha,
    IReadOnlyList<double> Lambda,
    double PguessAtReference,
    bool Certified,
    string Method,
    double Margin)
{
    /// <summary>X̃, the double point whose exact correction X̂ proves the bound (a run certificate records it; null when uncertified).</summary>
    public IReadOnlyList<double>? Point { get; init; }

    /// <summary>The exact α, λ before rounding (null when uncertified).</summary>
    public ExactAffineBound? Exact { get; init; }

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
