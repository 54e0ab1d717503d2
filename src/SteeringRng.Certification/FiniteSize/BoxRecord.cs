using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The i.i.d. record of the relaxation over the box, proven exactly (docs/formulations/finite-size.md §4.1, "Its
/// affine record"): the box problem's point X̃ (what the certificate records) re-derived into X̂ by
/// <see cref="ExactDualPoint"/> (exact correction onto A(X) = b, exact PSD proof, no new floating step) gives the
/// box optimum P = offset − ⟨C, X̂⟩ exactly, and the record (α, λ) is accepted when its largest value over the box,
/// α + λ·ŵ + Σ_k |λ_k| t_k, computed in rationals, minus the floating-point allowance below, is at least P. What a
/// run reports is the double evaluation of that maximum (<see cref="AffineGuessingBound.MaxOverBox"/>), which the
/// allowance keeps ≥ P.
/// </summary>
public static class BoxRecord
{
    /// <summary>
    /// Added to P when α is chosen, so that a verifier who rebuilds the box problem (its tangent basis from an SVD that
    /// another machine may round differently) and re-proves a P a few ulps higher still accepts the record.
    /// </summary>
    public const double RebuildTolerance = 1e-12;

    /// <summary>P = offset − ⟨C, X̂⟩ exactly, or the reason X̃ is not a feasible PSD point of the box problem.</summary>
    internal static (Rational? Pguess, string Reason) Prove(TwoSidedGuessingProblem box, IReadOnlyList<double> point, CancellationToken cancel)
    {
        var (x, reason) = ExactDualPoint.Check(box.Problem, point, cancel);
        return x is null ? (null, reason) : (x.BoundFor(box.Problem, box.Offset), "");
    }

    /// <summary>α + Σ_k (λ_k c_k + |λ_k| r_k) exactly, less the allowance for evaluating it in double: the value a
    /// report's floating max over the box is guaranteed not to fall below.</summary>
    public static Rational GuaranteedMaximum(double alpha, IReadOnlyList<double> lambda, IReadOnlyList<double> centre, IReadOnlyList<double> radius)
    {
        var sum = Rational.FromDouble(alpha);
        var magnitude = sum.Abs();
        for (var k = 0; k < lambda.Count; k++)
        {
            var l = Rational.FromDouble(lambda[k]);
            var along = l * Rational.FromDouble(centre[k]);
            var across = l.Abs() * Rational.FromDouble(radius[k]);
            sum += along + across;
            magnitude += along.Abs() + across;
        }
        // 2m + 1 products and sums, each rounded once: |computed − exact| ≤ γ_{2m+2}·Σ|terms| ≤ (2m + 3)·2⁻⁵²·Σ|terms|.
        var allowance = new Rational(2 * lambda.Count + 3, System.Numerics.BigInteger.One << 52) * magnitude;
        return sum - allowance;
    }

    /// <summary>The smallest double α (from <paramref name="alpha"/> upward) whose guaranteed maximum over the box is ≥ P + <see cref="RebuildTolerance"/>.</summary>
    public static double RaiseToCover(double alpha, IReadOnlyList<double> lambda, IReadOnlyList<double> centre, IReadOnlyList<double> radius, Rational pguess)
    {
        var target = pguess + Rational.FromDouble(RebuildTolerance);
        for (var i = 0; i < 8; i++)
        {
            var deficit = target - GuaranteedMaximum(alpha, lambda, centre, radius);
            if (deficit.Sign <= 0) return alpha;
            alpha = (Rational.FromDouble(alpha) + deficit).UpperDouble();
        }
        throw new InvalidOperationException("α did not settle above the box optimum"); // the allowance grows by ~1e-16·δα per step
    }
}
