using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// An affine bound g(w) = α + λ·w with α and λ exact rationals (docs/formulations/finite-size.md §3, "Exact α and λ"),
/// and its outward rounding to doubles. Rounding λ_k to the nearest double λ̃_k changes g by (λ_k − λ̃_k)·w_k, which on
/// the statistics a test round can produce (|w_k| ≤ W_k = max_c |G_k(c)|, w_k being an average of the scores G_k(c)) is
/// at most |λ_k − λ̃_k|·W_k; α̃ = ⌈α + Σ_k |λ_k − λ̃_k|·W_k⌉ (rounded up to a double) therefore makes α̃ + λ̃·w ≥ α + λ·w
/// for every such w, whichever way each λ_k was rounded.
/// </summary>
public sealed record ExactAffineBound(Rational Alpha, IReadOnlyList<Rational> Lambda)
{
    /// <summary>From g(0) and g(e_k): α = g(0), λ_k = g(e_k) − g(0) (exact; g affine by construction of the family).</summary>
    public static ExactAffineBound FromAnchors(Rational atZero, IReadOnlyList<Rational> atUnit) =>
        new(atZero, atUnit.Select(g => g - atZero).ToArray());

    /// <summary>λ_c → λ_c + κ for the events c of one setting tuple and α → α − κ: the same function wherever Σ_{c∈s} w_c = 1.</summary>
    public ExactAffineBound Shift(IEnumerable<int> events, Rational kappa)
    {
        var lambda = Lambda.ToArray();
        foreach (var c in events) lambda[c] += kappa;
        return new ExactAffineBound(Alpha - kappa, lambda);
    }

    /// <summary>α + λ·w exactly, for double w.</summary>
    public Rational At(IReadOnlyList<double> w)
    {
        var s = Alpha;
        for (var k = 0; k < Lambda.Count; k++)
            if (w[k] != 0) s += Lambda[k] * Rational.FromDouble(w[k]);
        return s;
    }

    /// <summary>W_k = max_c |G_k(c)|: w_k is an average of the scores G_k(c) over a test round's events, so |w_k| ≤ W_k.</summary>
    public static double[] Domain(TestStatistics statistics) =>
        statistics.Coefficients.Select(g => g.Max(Math.Abs)).ToArray();

    /// <summary>(α̃, λ̃, Σ_k |λ_k − λ̃_k| W_k): λ̃ doubles within a few ulps of λ, α̃ = α + that sum rounded up.</summary>
    /// <param name="domain">W_k ≥ |w_k| for every statistic a test round can produce.</param>
    public (double Alpha, double[] Lambda, double RoundingTerm) Round(IReadOnlyList<double> domain)
    {
        var lambda = Lambda.Select(l => l.Nearest()).ToArray();
        var term = Rational.Zero;
        for (var k = 0; k < lambda.Length; k++)
            term += (Lambda[k] - Rational.FromDouble(lambda[k])).Abs() * Rational.FromDouble(domain[k]);
        return ((Alpha + term).UpperDouble(), lambda, term.UpperDouble());
    }

    /// <summary>
    /// How far α_r + λ_r·w lies above this bound at its lowest point of the domain: α_r − α − Σ_k |λ_r,k − λ_k| W_k
    /// (exact). Non-negative exactly when the recorded (α_r, λ_r) is implied by this one for every |w_k| ≤ W_k.
    /// </summary>
    public Rational Margin(double alpha, IReadOnlyList<double> lambda, IReadOnlyList<double> domain)
    {
        var m = Rational.FromDouble(alpha) - Alpha;
        for (var k = 0; k < Lambda.Count; k++)
            m -= (Rational.FromDouble(lambda[k]) - Lambda[k]).Abs() * Rational.FromDouble(domain[k]);
        return m;
    }
}
