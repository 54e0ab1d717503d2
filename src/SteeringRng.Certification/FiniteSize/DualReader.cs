using SteeringRng.Relaxation;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Reads the affine bound P_g(w) ≤ α + λ·w off a solved guessing relaxation whose data enter only its constants
/// (docs/formulations/finite-size.md §3). The relaxation is value(w) = offset(w) − opt(D(w)), D(w): min bᵀy s.t.
/// Σ y_i A_i − C(w) ⪰ 0 with A, b independent of w. The solver's X is proven feasible and PSD in exact arithmetic by
/// <see cref="LowerSide"/> (the check every certified row uses); any such X̂ gives opt(D(w)) ≥ ⟨C(w), X̂⟩ for every w
/// (weak duality), so value(w) ≤ g(w) := offset(w) − ⟨C(w), X̂⟩, affine in w. λ is fitted exactly from g at v and at
/// v + d_j for directions spanning the possible statistics (g is affine, so the fit has no error but rounding), and
/// α = g(v) − λ·v. g is evaluated in floating point from the X the exact check started from (X̂ differs from it by the
/// exact least-norm correction, ≈ 1e-15 relative); α is raised by <see cref="Margin"/> plus any amount by which
/// α + λ·v falls short of the exactly certified bound at v.
/// </summary>
internal static class DualReader
{
    /// <summary>Added to α for the floating-point evaluation of g (entries of C and X are O(1); sums of ≤ 10⁶ terms).</summary>
    public const double Margin = 1e-9;

    /// <param name="relaxation">The relaxation at the reference v.</param>
    /// <param name="constantsAt">(C(w), offset(w)) at w = v + d_j (the same A, b and blocks as at v).</param>
    /// <param name="directions">Directions d_j that span the statistics the relaxation accepts around v (e.g. e_k for
    /// Bell values; projections of e_k onto the normalised no-signalling statistics for a steering test).</param>
    public static AffineGuessingBound Read(IRelaxation relaxation, IReadOnlyList<double> reference, Func<double[], (SdpMatrix C, double Offset)> constantsAt,
        IReadOnlyList<double[]> directions, ISdpSolver solver, CancellationToken cancel)
    {
        var problem = relaxation.Problem;
        var solution = solver.Solve(problem, null, cancel);
        if (solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the guessing relaxation at the reference statistic did not solve ({solution.Status}: {solution.Message})");
        var raw = Math.Min(1.0, relaxation.Read(solution).Bound);
        var offset = relaxation.Read(solution with { PrimalObjective = 0.0, DualObjective = 0.0 }).Bound;
        var m = reference.Count;
        if (!RelaxationReductions.isExact(relaxation.Reduction))
            return Uncertified(reference, raw, $"solved on a numerically exposed face ({relaxation.Reduction})");
        var real = new RealProblem(problem);
        var x = real.FlattenX(solution.X, problem.Blocks);
        if (x is null) return Uncertified(reference, raw, "the solver reported no primal X");
        var side = LowerSide.Certify(real, x, traceBoundZ: null, findInterior: true);
        if (!side.Certified || side.Hint is null) return Uncertified(reference, raw, side.Reason);
        var hint = side.Hint;
        var certifiedAtV = (Rational.FromDouble(offset) - side.Exact).UpperDouble();
        double G(double[] w)
        {
            cancel.ThrowIfCancellationRequested();
            var (c, o) = constantsAt(w);
            var at = new RealProblem(new SdpProblem(problem.Blocks, c, problem.A, problem.B));
            var inner = 0.0;
            foreach (var (position, coefficient) in at.Objective) inner += coefficient * hint[position];
            return o - inner;
        }
        // g is affine; its slope along each probe direction d_j is g(v + d_j) − g(v). λ is the least-norm solution of
        // λ·d_j = slope_j (exact when the d_j span the statistics the relaxation can see), α = g(v) − λ·v.
        var atReference = G(reference.ToArray());
        var rows = directions.Count;
        var d = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(rows, m);
        var slopes = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(rows);
        for (var j = 0; j < rows; j++)
        {
            var w = new double[m];
            for (var k = 0; k < m; k++) { w[k] = reference[k] + directions[j][k]; d[j, k] = directions[j][k]; }
            slopes[j] = G(w) - atReference;
        }
        var lambda = LeastNorm(d, slopes);
        var alpha = atReference;
        for (var k = 0; k < m; k++) alpha -= lambda[k] * reference[k];
        var atV = alpha;
        for (var k = 0; k < m; k++) atV += lambda[k] * reference[k];
        var shortfall = Math.Max(0, certifiedAtV - atV);
        if (shortfall > 1e-6)
            return Uncertified(reference, raw, $"the affine bound at v ({atV:R}) misses the certified value ({certifiedAtV:R}) by {shortfall:G3}: the data do not enter the constants affinely");
        return new AffineGuessingBound(reference.ToArray(), alpha + Margin + shortfall, lambda, raw, true, side.Method, Margin + shortfall);
    }

    /// <summary>The least-norm least-squares solution of D λ = r (singular values below 1e-10 of the largest dropped:
    /// the directions span a subspace of the statistics, λ is kept inside it).</summary>
    private static double[] LeastNorm(MathNet.Numerics.LinearAlgebra.Matrix<double> d, MathNet.Numerics.LinearAlgebra.Vector<double> r)
    {
        var svd = d.Svd(true);
        var s = svd.S;
        var cut = 1e-10 * (s.Count > 0 ? s[0] : 0);
        var ut = svd.U.TransposeThisAndMultiply(r);
        var z = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(d.ColumnCount);
        for (var i = 0; i < s.Count; i++)
            if (s[i] > cut) z[i] = ut[i] / s[i];
        return svd.VT.TransposeThisAndMultiply(z).ToArray();
    }

    private static AffineGuessingBound Uncertified(IReadOnlyList<double> reference, double raw, string reason) =>
        new(reference.ToArray(), raw, new double[reference.Count], raw, false, reason, 0);
}
