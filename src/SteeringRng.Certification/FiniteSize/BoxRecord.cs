using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The relaxation over the box solved and certified (any guessing program whose data enter only its constants:
/// <see cref="SteeringRegionProgram"/>, <see cref="DeviceIndependentGuessingProgram"/>), and its i.i.d. record, proven exactly (docs/formulations/finite-size.md §4.1, "Its
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

    /// <summary>Solves the box problem, certifies its optimum and reads the record (finite-size.md §4.1).</summary>
    /// <exception cref="FiniteSizeInputException">SR1224 when the relaxation over the box does not solve.</exception>
    internal static RegionGuessingBound Solve(TwoSidedGuessingProblem box, ISdpSolver solver, IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel)
    {
        var problem = box.Problem;
        var solution = solver.Solve(problem, null, cancel);
        if (solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the guessing relaxation over the confidence box did not solve ({solution.Status}: {solution.Message})");
        var raw = Math.Min(1.0, box.Offset - solution.PrimalObjective);
        var real = new RealProblem(problem);
        var x = real.FlattenX(solution.X, problem.Blocks);
        var side = x is null ? SideCertificate.Failed("the solver reported no primal X") : LowerSide.Certify(real, x, traceBoundZ: null, findInterior: true);
        if (!side.Certified || side.Hint is null)
            return new RegionGuessingBound(raw, raw, false, side.Reason, Uncertified(box.Centre, raw, side.Reason));
        // P from X̃ = the certifier's point by the verifier's own path (ExactDualPoint), so `steer verify` re-derives the same P.
        var (exact, reason) = Prove(box, side.Hint, cancel);
        if (exact is not { } pguess)
            return new RegionGuessingBound(raw, raw, false, $"the box point does not re-prove: {reason}", Uncertified(box.Centre, raw, reason));
        var dual = AffineFromSlacks(real, side.Hint, box, centre, radius, pguess) with { Method = side.Method, Point = side.Hint };
        return new RegionGuessingBound(pguess.UpperDouble(), raw, true, side.Method, dual with { PguessAtReference = raw });
    }

    /// <summary>
    /// <c>steer verify</c>: the recorded box point X̃ re-proven on the rebuilt box problem and the recorded (α, λ) required
    /// to cover the proven optimum: null when it holds, otherwise what failed.
    /// </summary>
    internal static string? Fault(TwoSidedGuessingProblem box, double alpha, IReadOnlyList<double> lambda, IReadOnlyList<double>? point,
        IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel)
    {
        if (point is null) return "the box relaxation's dual claims a certificate but records no point X̃ to re-prove";
        var (exact, reason) = Prove(box, point, cancel);
        if (exact is not { } pguess) return $"its point X̃ does not re-prove on the box relaxation: {reason}";
        var covered = GuaranteedMaximum(alpha, lambda, centre, radius);
        return covered >= pguess ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the recorded α, λ reach at most {covered.UpperDouble():R} over the box, below the re-proven optimum {pguess.UpperDouble():R}");
    }

    /// <summary>
    /// The affine record of the same X̂: its inner part is feasible for the equality relaxation at every w, so
    /// g(w) = offset(w) − ⟨C(w), X̂_inner⟩ ≥ P_g(w), and along the box program's directions e_i its constraints give
    /// g(v_c + e) − g(v_c) = λ·e with λ_j = x⁻_j − x⁺_j. g(v_c) = P − Σ_j [(v_c − lo)_j x⁺_j + (hi − v_c)_j x⁻_j].
    /// α is the larger of the two values that make α + λ·v_c ≥ g(v_c) and max_box(α + λ·w) ≥ P (floating; the latter is
    /// the larger in exact arithmetic, as x⁺ + x⁻ ≥ |λ|), then raised until the exact maximum over the box, less the
    /// allowance for its floating evaluation, is ≥ P (<see cref="RaiseToCover"/>): the claim verify re-proves.
    /// </summary>
    private static AffineGuessingBound AffineFromSlacks(RealProblem real, double[] hint, TwoSidedGuessingProblem box,
        IReadOnlyList<double> centre, IReadOnlyList<double> radius, Rational pguess)
    {
        var m = centre.Count;
        var certified = pguess.UpperDouble();
        var lambda = new double[m];
        var gAtCentre = certified;
        for (var q = 0; q < box.Rows.Length; q++)
        {
            var j = box.Rows[q];
            var plus = Math.Max(0, hint[real.Position(box.SlackBlock, 2 * q, 2 * q)]);
            var minus = Math.Max(0, hint[real.Position(box.SlackBlock, 2 * q + 1, 2 * q + 1)]);
            lambda[j] = minus - plus;
            gAtCentre -= (box.Centre[j] - (centre[j] - radius[j])) * plus + (centre[j] + radius[j] - box.Centre[j]) * minus;
        }
        var overBox = certified;
        var atCentre = gAtCentre;
        for (var j = 0; j < m; j++)
        {
            overBox -= lambda[j] * centre[j] + Math.Abs(lambda[j]) * radius[j];
            atCentre -= lambda[j] * box.Centre[j];
        }
        var alpha = RaiseToCover(Math.Max(overBox, atCentre), lambda, centre, radius, pguess);
        var margin = alpha - Math.Max(overBox, atCentre);
        return new AffineGuessingBound(box.Centre, alpha, lambda, double.NaN, true, "", margin);
    }

    private static AffineGuessingBound Uncertified(double[] reference, double raw, string reason) =>
        new(reference, raw, new double[reference.Length], raw, false, reason, 0);

}
