using SteeringRng.Relaxation;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Reads the affine bound P_g(w) ≤ α + λ·w off a solved guessing relaxation whose data enter only its constants
/// (docs/formulations/finite-size.md §3). The relaxation is value(w) = offset(w) − opt(D(w)), D(w): min bᵀy s.t.
/// Σ y_i A_i − C(w) ⪰ 0 with A, b independent of w. The solver's X is certified by <see cref="LowerSide"/> (the check
/// every certified row uses); the X̃ it started from is re-checked by <see cref="ExactDualPoint"/> (X̂ on A(X) = b
/// exactly, PSD proven), and any such X̂ gives opt(D(w)) ≥ ⟨C(w), X̂⟩ for every w (weak duality).
/// <para>
/// The data's affine dependence is made exact by anchoring: the constants are built at the points of an
/// <see cref="AnchorPlan"/> (the same code that builds the solved problem), and the relaxation family is DEFINED as their
/// exact affine interpolation (rationals; it agrees with the built problem at each anchor exactly and elsewhere up to the
/// rounding of the floating construction, the limit stated in docs/formulations/certificates.md). Then
/// g(w) = offset(w) − ⟨C(w), X̂⟩ = α + λ·w with α, λ exact rationals (<see cref="ExactAffineBound"/>), rounded outward
/// only at the end.
/// </para>
/// </summary>
internal static class DualReader
{
    /// <summary>Largest |α + λ·v − (certified value of the built problem at v)| accepted: larger means the data do not enter affinely.</summary>
    public const double AffinityTolerance = 1e-6;

    /// <param name="relaxation">The relaxation at the reference v.</param>
    /// <param name="constantsAt">(C(w), offset(w)) of the relaxation with data w (the same A, b and blocks as at v).</param>
    /// <param name="anchors">Where the constants are built to read α, λ exactly (<see cref="AnchorPlan"/>).</param>
    /// <param name="domain">W_k ≥ |w_k| for every statistic a test round can produce (the rounding of λ is paid on it).</param>
    public static AffineGuessingBound Read(IRelaxation relaxation, IReadOnlyList<double> reference,
        Func<double[], (SdpMatrix C, double Offset)> constantsAt, AnchorPlan anchors, IReadOnlyList<double> domain, ISdpSolver solver, CancellationToken cancel)
    {
        var problem = relaxation.Problem;
        var solution = solver.Solve(problem, null, cancel);
        if (solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the guessing relaxation at the reference statistic did not solve ({solution.Status}: {solution.Message})");
        var raw = Math.Min(1.0, relaxation.Read(solution).Bound);
        var offset = relaxation.Read(solution with { PrimalObjective = 0.0, DualObjective = 0.0 }).Bound;
        if (!RelaxationReductions.isExact(relaxation.Reduction))
            return Uncertified(reference, raw, $"solved on a numerically exposed face ({relaxation.Reduction})");
        var real = new RealProblem(problem);
        var x = real.FlattenX(solution.X, problem.Blocks);
        if (x is null) return Uncertified(reference, raw, "the solver reported no primal X");
        var side = LowerSide.Certify(real, x, traceBoundZ: null, findInterior: true);
        if (!side.Certified || side.Hint is null) return Uncertified(reference, raw, side.Reason);
        var (point, reason) = ExactDualPoint.Check(problem, side.Hint, cancel);
        if (point is null) return Uncertified(reference, raw, reason);
        var exact = Affine(problem, point, constantsAt, anchors, cancel);
        // The family agrees with the built problem at v up to rounding; a larger gap means C is not affine in the data.
        var gap = (exact.At(reference) - point.BoundFor(problem, offset)).Abs().UpperDouble();
        if (gap > AffinityTolerance)
            return Uncertified(reference, raw, $"the affine family misses the built relaxation's certified value at v by {gap:G3}: the data do not enter the constants affinely");
        var method = $"{Method(point)} ({side.Method})";
        return Rounded(reference, exact, domain, raw, method, side.Hint);
    }

    /// <summary>
    /// <c>steer verify</c>: the recorded point X̃ re-checked on the rebuilt relaxation (no solver), α and λ recomputed.
    /// Uncertified (with the reason) when X̃ does not give a feasible PSD X̂.
    /// </summary>
    public static AffineGuessingBound Recheck(SdpProblem problem, IReadOnlyList<double> reference,
        IReadOnlyList<double> pointApproximate, Func<double[], (SdpMatrix C, double Offset)> constantsAt, AnchorPlan anchors, IReadOnlyList<double> domain, CancellationToken cancel)
    {
        var (point, reason) = ExactDualPoint.Check(problem, pointApproximate, cancel);
        if (point is null) return Uncertified(reference, double.NaN, reason);
        var exact = Affine(problem, point, constantsAt, anchors, cancel);
        return Rounded(reference, exact, domain, double.NaN, Method(point), pointApproximate.ToArray());
    }

    /// <summary>The printed method: what is proven.</summary>
    private static string Method(ExactDualPoint point) =>
        $"exact rational: X̂ on A(X) = b, PSD (λ_min ≥ {point.MinEigenvalue:G3}); α, λ exact inner products with the anchored data, rounded outward";

    /// <summary>
    /// g(w) = offset(w) − ⟨C(w), X̂⟩ exactly at the anchors b and a_j = b + e_{plus} − e_{minus}: λ_plus = g(a_j) − g(b)
    /// (coordinates that are no step's plus keep λ = 0), α = g(b) − λ·b (exact; <see cref="AnchorPlan"/>).
    /// </summary>
    private static ExactAffineBound Affine(SdpProblem problem, ExactDualPoint point, Func<double[], (SdpMatrix C, double Offset)> constantsAt,
        AnchorPlan anchors, CancellationToken cancel)
    {
        Rational G(double[] w)
        {
            cancel.ThrowIfCancellationRequested();
            var (c, o) = constantsAt(w);
            return point.BoundFor(new SdpProblem(problem.Blocks, c, problem.A, problem.B), o);
        }
        var atBase = G(anchors.Base.ToArray());
        var lambda = Enumerable.Repeat(Rational.Zero, anchors.Base.Count).ToArray();
        foreach (var (plus, minus) in anchors.Steps)
        {
            var w = anchors.Base.ToArray();
            w[plus] += 1;
            if (minus >= 0) w[minus] -= 1;
            lambda[plus] = G(w) - atBase;
        }
        var alpha = atBase;
        for (var k = 0; k < lambda.Length; k++)
            if (anchors.Base[k] != 0) alpha -= lambda[k] * Rational.FromDouble(anchors.Base[k]);
        return new ExactAffineBound(alpha, lambda);
    }

    /// <summary>The double bound of an exact one: λ̃ near λ, α̃ = α + Σ|λ − λ̃|·W rounded up (<see cref="ExactAffineBound.Round"/>).</summary>
    public static AffineGuessingBound Rounded(IReadOnlyList<double> reference, ExactAffineBound exact, IReadOnlyList<double> domain, double raw, string method, double[] point)
    {
        var (alpha, lambda, term) = exact.Round(domain);
        return new AffineGuessingBound(reference.ToArray(), alpha, lambda, raw, true, method, term) { Point = point, Exact = exact };
    }

    private static AffineGuessingBound Uncertified(IReadOnlyList<double> reference, double raw, string reason) =>
        new(reference.ToArray(), raw, new double[reference.Count], raw, false, reason, 0);
}
