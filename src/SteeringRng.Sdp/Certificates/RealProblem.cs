namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A problem in the form the certificates check: real blocks only (Hermitian blocks replaced by their half-scale
/// real embedding, which has the same optimum, <see cref="Sdpa.HermitianEmbedding"/>), and every symmetric matrix
/// flattened to its upper triangle. A "position" is one free entry of X: (block, row ≤ col) of a PSD block, or one
/// diagonal entry of a Nonnegative block. For a matrix A given by its upper entries,
/// ⟨A, X⟩ = Σ_positions w_p A_p X_p with w_p = 1 on the diagonal and 2 off it (X_rc = X_cr counts twice);
/// <see cref="Rows"/> and <see cref="Objective"/> hold the products w_p A_p, so ⟨A_i, X⟩ = Σ Rows[i] · X.
/// </summary>
public sealed class RealProblem
{
    private readonly int[] _blockStart;

    public RealProblem(SdpProblem problem)
    {
        // The embedded A, its flattened rows and the block layout depend only on (A, b, blocks), which a sweep shares
        // (it swaps C): they are built once per A, so that Source.A is one object for the whole sweep and every cache
        // keyed on it (PivotPlan, InteriorDirection, InteriorPoint) hits. Embedding per point would give a new A list
        // each time and recompute all of them.
        var shape = ShapeOf(problem);
        _blockStart = shape.BlockStart;
        CacheKey = shape;
        Source = ReferenceEquals(shape.Embedded.C, problem.C) ? shape.Embedded
            : shape.Embedded.WithObjective(Sdpa.HermitianEmbedding.Embed(problem.C, problem.Blocks));
        Blocks = Source.Blocks;
        Objective = Flatten(Source.C);
        Rows = shape.Rows;
        B = Source.B;
    }

    /// <summary>What a problem's certificate needs from A, b and the blocks only (shared by a sweep).</summary>
    private sealed record Shape(IReadOnlyList<SdpBlock> OriginalBlocks, double[] OriginalB, SdpProblem Embedded, int[] BlockStart,
        (int Position, double Coefficient)[][] Rows);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<SdpMatrix>, Shape> Shapes = new();

    private RealProblem(IReadOnlyList<SdpBlock> blocks, int[] blockStart)
    {
        // Only for Flatten while a Shape is built.
        Source = null!;
        Blocks = blocks;
        _blockStart = blockStart;
        Objective = [];
        Rows = [];
        B = [];
    }

    private static Shape ShapeOf(SdpProblem problem)
    {
        // A hit must be the same problem up to C: same blocks and the same b (values compared, not references).
        if (Shapes.TryGetValue(problem.A, out var cached) && cached.OriginalBlocks.SequenceEqual(problem.Blocks)
            && cached.OriginalB.AsSpan().SequenceEqual(problem.B))
            return cached;
        var embedded = Sdpa.HermitianEmbedding.ToReal(problem);
        var blocks = embedded.Blocks;
        var blockStart = new int[blocks.Count + 1];
        for (var k = 0; k < blocks.Count; k++)
        {
            var n = blocks[k].Size;
            blockStart[k + 1] = blockStart[k] + (blocks[k].Kind == SdpConeKind.Nonnegative ? n : n * (n + 1) / 2);
        }
        var layout = new RealProblem(blocks, blockStart);
        var shape = new Shape(problem.Blocks.ToArray(), (double[])problem.B.Clone(), embedded, blockStart,
            embedded.A.Select(layout.Flatten).ToArray());
        Shapes.AddOrUpdate(problem.A, shape);
        return shape;
    }

    /// <summary>The real problem the certificate speaks about.</summary>
    public SdpProblem Source { get; }

    public IReadOnlyList<SdpBlock> Blocks { get; }

    /// <summary>
    /// One object per (A, b, blocks), shared by every point of a sweep: the key of the caches of what depends only on
    /// those (<see cref="PivotPlan"/>, <see cref="InteriorDirection"/>, <see cref="InteriorPoint"/>). Keying them on the A
    /// list alone would let a problem with the same A but other blocks read positions of another layout.
    /// </summary>
    internal object CacheKey { get; private init; } = new();

    /// <summary>Number of positions (free entries of X).</summary>
    public int PositionCount => _blockStart[^1];

    /// <summary>Sparse w_p C_p, exact doubles (w_p is a power of two, so the products are exact).</summary>
    public (int Position, double Coefficient)[] Objective { get; }

    /// <summary>Sparse rows w_p (A_i)_p.</summary>
    public (int Position, double Coefficient)[][] Rows { get; }

    public double[] B { get; }

    public int BlockStart(int block) => _blockStart[block];

    /// <summary>Position of (block, row, col), row ≤ col (row = col for Nonnegative blocks).</summary>
    public int Position(int block, int row, int col)
    {
        if (Blocks[block].Kind == SdpConeKind.Nonnegative) return _blockStart[block] + row;
        var n = Blocks[block].Size;
        // Rows 0..row−1 hold n, n−1, …, n−row+1 positions.
        return _blockStart[block] + row * n - row * (row - 1) / 2 + (col - row);
    }

    /// <summary>Weight of a position in ⟨A, X⟩: 2 off the diagonal of a PSD block, else 1.</summary>
    public static double Weight(SdpBlock block, int row, int col) =>
        block.Kind != SdpConeKind.Nonnegative && row != col ? 2.0 : 1.0;

    private (int, double)[] Flatten(SdpMatrix m)
    {
        var list = new List<(int, double)>(m.Entries.Count);
        foreach (var e in m.Entries)
        {
            if (e.Value == 0) continue;
            var coefficient = e.Value * Weight(Blocks[e.Block], e.Row, e.Col);
            if (!double.IsFinite(coefficient)) throw new ArgumentException($"entry {e} overflows when doubled.");
            list.Add((Position(e.Block, e.Row, e.Col), coefficient));
        }
        return list.ToArray();
    }

    /// <summary>
    /// X flattened to positions, from per-block values in the problem's original shapes (Hermitian blocks embedded
    /// as [[Re, −Im], [Im, Re]]). Returns null when the shapes do not match (a solver that reported no X).
    /// </summary>
    public double[]? FlattenX(IReadOnlyList<SdpBlockValue> x, IReadOnlyList<SdpBlock> originalBlocks)
    {
        if (x.Count != Blocks.Count || originalBlocks.Count != Blocks.Count) return null;
        var flat = new double[PositionCount];
        for (var k = 0; k < Blocks.Count; k++)
        {
            var value = x[k];
            var shape = originalBlocks[k];
            var n = shape.Size;
            if (value.Shape != shape) return null;
            switch (shape.Kind)
            {
                case SdpConeKind.Nonnegative:
                    if (value.Re.Length != n) return null;
                    for (var r = 0; r < n; r++) flat[Position(k, r, r)] = value.Re[r];
                    break;
                case SdpConeKind.Psd:
                    if (value.Re.Length != n * n) return null;
                    for (var r = 0; r < n; r++)
                    for (var c = r; c < n; c++) flat[Position(k, r, c)] = value.Re[r * n + c];
                    break;
                default:
                    if (value.Re.Length != n * n || value.Im is null || value.Im.Length != n * n) return null;
                    // M(X) = [[Re, −Im], [Im, Re]] (2n×2n); upper triangle: (r, c), (n+r, n+c), and (r, n+c) = −Im[r, c].
                    for (var r = 0; r < n; r++)
                    for (var c = 0; c < n; c++)
                    {
                        if (c >= r)
                        {
                            flat[Position(k, r, c)] = value.Re[r * n + c];
                            flat[Position(k, n + r, n + c)] = value.Re[r * n + c];
                        }
                        flat[Position(k, r, n + c)] = -value.Im[r * n + c];
                    }
                    break;
            }
        }
        return flat;
    }
}
