namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A direction D with A(D) ≈ 0 that is, one hopes, positive definite: the identity minus its least-squares part
/// in the row space of A, D = I − Σ_i λ_i A_i with G λ = A(I), G_ij = ⟨A_i, A_j⟩. An interior-point X̃ is nearly
/// singular at the optimum, so the exact correction onto A(X) = b (of the size of the solver's residual) can make
/// it slightly indefinite; X̃ + εD is further inside the cone and changes the residual by only ε·A(D) ≈ 0, which the
/// exact correction absorbs. D is a hint computed in floating point: nothing proven depends on it.
/// Bounded moment problems have such a D (if Σ y_i A_i ⪰ 0 only for y = 0, some X₀ ≻ 0 has A(X₀) = 0), but the
/// least-squares one need not be definite; the caller falls back to I.
/// </summary>
public static class InteriorDirection
{
    private static readonly ShapeCache<Gram> Cache = new();

    /// <summary>The Cholesky factor of G = [⟨A_i, A_j⟩] (plus a tiny regularisation), the weights w_p, and D.</summary>
    private sealed record Gram(int M, double[]? Factor, double[] Weight, double[]? D);

    /// <summary>Above this many constraints the dense m×m factorisation costs more than the certificate is worth.</summary>
    public const int MaxConstraints = 1500;

    /// <summary>D at the positions of <paramref name="problem"/>, or null when G cannot be factored or D is not definite.</summary>
    public static double[]? Of(RealProblem problem) => GramOf(problem).D;

    /// <summary>
    /// The least-Frobenius-norm change ΔX with A(x + ΔX) ≈ b in floating point (ΔX = Σ λ_i A_i, G λ = b − A(x)), or
    /// null when G is not available. A hint only: it makes the exact correction that follows tiny.
    /// </summary>
    public static double[]? LeastNormStep(RealProblem problem, double[] x)
    {
        var gram = GramOf(problem);
        if (gram.Factor is null) return null;
        var m = gram.M;
        var residual = new double[m];
        for (var i = 0; i < m; i++)
        {
            var s = problem.B[i];
            foreach (var (p, a) in problem.Rows[i]) s -= a * x[p];
            residual[i] = s;
        }
        Substitute(m, gram.Factor, residual);
        var step = new double[problem.PositionCount];
        for (var i = 0; i < m; i++)
            foreach (var (p, a) in problem.Rows[i]) step[p] += residual[i] * a / gram.Weight[p];
        return step;
    }

    private static Gram GramOf(RealProblem problem) => Cache.Get(problem, Compute);

    private static Gram Compute(RealProblem problem)
    {
        var m = problem.Rows.Length;
        var weight = new double[problem.PositionCount];
        var identity = new double[problem.PositionCount];
        foreach (var p in LowerSide.DiagonalPositions(problem)) identity[p] = 1;
        for (var k = 0; k < problem.Blocks.Count; k++)
        for (var r = 0; r < problem.Blocks[k].Size; r++)
        {
            if (problem.Blocks[k].Kind == SdpConeKind.Nonnegative) { weight[problem.Position(k, r, r)] = 1; continue; }
            for (var c = r; c < problem.Blocks[k].Size; c++) weight[problem.Position(k, r, c)] = RealProblem.Weight(problem.Blocks[k], r, c);
        }
        if (m == 0) return new Gram(0, null, weight, identity);
        if (m > MaxConstraints) return new Gram(m, null, weight, null);
        // G_ij = Σ_p (w A_i)_p (w A_j)_p / w_p, accumulated per position over the rows that hold it.
        var holders = new List<(int Row, double Value)>[problem.PositionCount];
        for (var i = 0; i < m; i++)
            foreach (var (p, a) in problem.Rows[i]) (holders[p] ??= []).Add((i, a));
        var g = new double[m * m];
        for (var p = 0; p < holders.Length; p++)
        {
            if (holders[p] is not { } list) continue;
            foreach (var (i, ai) in list)
            foreach (var (j, aj) in list)
                if (j <= i) g[i * m + j] += ai * aj / weight[p];
        }
        var scale = 0.0;
        for (var i = 0; i < m; i++) scale = Math.Max(scale, g[i * m + i]);
        for (var i = 0; i < m; i++) g[i * m + i] += 1e-13 * scale; // dependent constraints: a tiny regularisation
        if (!Factor(m, g)) return new Gram(m, null, weight, null);
        var rhs = new double[m];
        for (var i = 0; i < m; i++)
            foreach (var (p, a) in problem.Rows[i]) rhs[i] += a * identity[p];
        Substitute(m, g, rhs);
        var d = (double[])identity.Clone();
        for (var i = 0; i < m; i++)
            foreach (var (p, a) in problem.Rows[i]) d[p] -= rhs[i] * a / weight[p];
        // Only a definite D helps; otherwise the caller shifts along I.
        var definite = BlockMatrices.MinEigenvalueLowerBound(problem, d, null, null) > 0;
        return new Gram(m, g, weight, definite ? d : null);
    }

    /// <summary>In-place Cholesky of the lower triangle of G (row-major), by the solver's dense kernel; false on breakdown.</summary>
    private static bool Factor(int n, double[] g) => LinearAlgebra.ManagedKernels.Instance.Cholesky(g, n);

    /// <summary>Solves L Lᵀ x = b in place with the factor from <see cref="Factor"/>.</summary>
    private static void Substitute(int n, double[] g, double[] b) => LinearAlgebra.ManagedKernels.Instance.CholeskySolve(g, n, b);
}
