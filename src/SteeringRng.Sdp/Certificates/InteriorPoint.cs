namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A positive definite X₀ with A(X₀) ≈ 0, found by an auxiliary SDP when the least-squares direction of
/// <see cref="InteriorDirection"/> is not definite:
/// <code>
///   max t   s.t.   ⟨A_i, X' + t I⟩ = 0 (all i),   Tr(X' + t I) = 1,   X' ⪰ 0,   t ≥ 0 ,
/// </code>
/// and X₀ = X' + t I ⪰ t I. It exists with t &gt; 0 exactly when no y ≠ 0 has Σ y_i A_i ⪰ 0, i.e. when the feasible
/// set of the moment form is bounded (theorem of alternatives), as it is for every relaxation of a normalised
/// assemblage. A depends only on the relaxation's shape, so a sweep solves this once (cached on A). Only a hint:
/// the certificate moves X̃ + εX₀ exactly onto A(X) = b and proves positivity itself, so a poor X₀ only fails.
/// </summary>
public static class InteriorPoint
{
    private static readonly ShapeCache<double[]?> Cache = new();

    /// <summary>X₀ at the positions of <paramref name="problem"/>, or null when the auxiliary solve does not give t &gt; 0.</summary>
    /// <remarks>Not cancellable: the result is shared by the sweep, and a cancelled solve would be remembered as "no X₀".</remarks>
    public static double[]? Of(RealProblem problem) => Cache.Get(problem, p => Solve(p, CancellationToken.None));

    private static double[]? Solve(RealProblem problem, CancellationToken cancellation)
    {
        var source = problem.Source;
        var blocks = source.Blocks.Append(SdpBlock.Nonnegative(1)).ToArray();
        var tBlock = blocks.Length - 1;
        var identityTrace = 0.0;
        foreach (var shape in source.Blocks) identityTrace += shape.Size;
        var a = new List<SdpMatrix>(source.A.Count + 1);
        foreach (var ai in source.A)
        {
            // ⟨A_i, I⟩ = Σ of the diagonal entries, the coefficient of t.
            var trace = ai.Entries.Where(e => e.Row == e.Col).Sum(e => e.Value);
            a.Add(new SdpMatrix(trace == 0 ? ai.Entries : [.. ai.Entries, new SdpEntry(tBlock, 0, 0, trace)]));
        }
        var traceRow = new List<SdpEntry>();
        for (var k = 0; k < source.Blocks.Count; k++)
            for (var r = 0; r < source.Blocks[k].Size; r++) traceRow.Add(new SdpEntry(k, r, r, 1.0));
        traceRow.Add(new SdpEntry(tBlock, 0, 0, identityTrace));
        a.Add(new SdpMatrix(traceRow));
        var b = new double[a.Count];
        b[^1] = 1;
        SdpSolution solution;
        try
        {
            var auxiliary = new SdpProblem(blocks, new SdpMatrix([new SdpEntry(tBlock, 0, 0, 1.0)]), a, b);
            solution = new InteriorPointSolver().Solve(auxiliary, SdpSettings.Default, cancellation);
        }
        catch (ArgumentException) { return null; }
        if (solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal) || solution.X.Count != blocks.Length) return null;
        var t = solution.X[tBlock].Re[0];
        if (!(t > 0)) return null;
        var x0 = problem.FlattenX(solution.X.Take(source.Blocks.Count).ToArray(), source.Blocks);
        if (x0 is null) return null;
        foreach (var p in LowerSide.DiagonalPositions(problem)) x0[p] += t;
        return x0;
    }
}
