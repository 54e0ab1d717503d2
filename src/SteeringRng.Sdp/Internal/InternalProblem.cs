namespace SteeringRng.Sdp.Internal;

/// <summary>
/// The user's <see cref="SdpProblem"/> in the solver's coordinates: Hermitian blocks embedded as real blocks,
/// Nonnegative blocks as vectors, every matrix split into per-block sparse parts. Built once per solve, O(nnz).
/// </summary>
internal sealed class InternalProblem
{
    private InternalProblem(SdpProblem source, BlockLayout[] layout, SparseBlockMatrix c, SparseBlockMatrix[] a, double[] b, double cNorm1)
    {
        Source = source;
        Layout = layout;
        C = c;
        A = a;
        B = b;
        TotalDim = layout.Sum(l => l.Dim);
        BNorm1 = B.Sum(Math.Abs);
        CNorm1 = cNorm1;
    }

    public SdpProblem Source { get; }
    public BlockLayout[] Layout { get; }
    public SparseBlockMatrix C { get; }
    public SparseBlockMatrix[] A { get; }
    public double[] B { get; }
    public int M => B.Length;

    /// <summary>Σ internal block dimensions: the "n" in μ = ⟨X, Z⟩ / n.</summary>
    public int TotalDim { get; }

    /// <summary>‖b‖₁ = Σ|b_i| (DIMACS normalisation).</summary>
    public double BNorm1 { get; }

    /// <summary>‖C‖₁ = Σ over all entries of the full user matrix of |C_jk| (DIMACS normalisation).</summary>
    public double CNorm1 { get; }

    public static InternalProblem From(SdpProblem p)
    {
        var layout = p.Blocks.Select(b => new BlockLayout(b)).ToArray();
        var a = new SparseBlockMatrix[p.A.Count];
        for (var i = 0; i < a.Length; i++) a[i] = Convert(p.A[i], layout);
        return new InternalProblem(p, layout, Convert(p.C, layout), a, p.B, UserNorm1(p.C, p.Blocks));
    }

    /// <summary>
    /// The equilibrated problem of <see cref="ProblemScaling"/> (same layout, new data). Its ‖C‖₁ is taken from the
    /// internal entries, an embedded Hermitian block counting half (E(C) holds each entry twice); it only serves the
    /// solver's own relative tests, never a reported number.
    /// </summary>
    public static InternalProblem Scaled(InternalProblem original, SparseBlockMatrix c, SparseBlockMatrix[] a, double[] b)
    {
        var norm = 0.0;
        foreach (var part in c.Parts)
        {
            var l = original.Layout[part.Block];
            for (var k = 0; k < part.Rows.Length; k++)
                norm += Math.Abs(part.Values[k]) * (part.Rows[k] == part.Cols[k] || l.IsDiagonal ? 1 : 2) / (l.IsHermitian ? 2 : 1);
        }
        return new InternalProblem(original.Source, original.Layout, c, a, b, norm);
    }

    public double[][] NewBlocks() => Layout.Select(l => new double[l.Length]).ToArray();

    /// <summary>Maps user entries into internal upper-triangle entries per block (see <see cref="BlockLayout"/>).</summary>
    private static SparseBlockMatrix Convert(SdpMatrix m, BlockLayout[] layout)
    {
        var rows = new Dictionary<int, (List<int> R, List<int> C, List<double> V)>();
        void Add(int blk, int r, int c, double v)
        {
            if (v == 0) return;
            if (!rows.TryGetValue(blk, out var l)) rows[blk] = l = ([], [], []);
            l.R.Add(r); l.C.Add(c); l.V.Add(v);
        }
        foreach (var e in m.Entries)
        {
            var l = layout[e.Block];
            if (!l.IsHermitian) { Add(e.Block, e.Row, e.Col, e.Value); continue; }
            // E(H) = [[P, −Q], [Q, P]] with H[r,c] = v + iw (r ≤ c): P[r,c] = v, Q[r,c] = w, Q[c,r] = −w.
            // Upper-triangle positions: (r, c) and (r+n, c+n) get v; (r, c+n) holds −Q[r,c] = −w; (c, r+n) holds −Q[c,r] = w.
            var n = l.Shape.Size;
            Add(e.Block, e.Row, e.Col, e.Value);
            Add(e.Block, e.Row + n, e.Col + n, e.Value);
            if (e.Row == e.Col) continue;
            Add(e.Block, e.Row, e.Col + n, -e.Imag);
            Add(e.Block, e.Col, e.Row + n, e.Imag);
        }
        return new SparseBlockMatrix(rows.OrderBy(kv => kv.Key)
            .Select(kv => new SparsePart(kv.Key, kv.Value.R.ToArray(), kv.Value.C.ToArray(), kv.Value.V.ToArray())).ToArray());
    }

    private static double UserNorm1(SdpMatrix c, IReadOnlyList<SdpBlock> blocks)
    {
        var s = 0.0;
        foreach (var e in c.Entries)
        {
            var abs = Math.Sqrt(e.Value * e.Value + e.Imag * e.Imag);
            s += e.Row == e.Col || blocks[e.Block].Kind == SdpConeKind.Nonnegative ? abs : 2 * abs;
        }
        return s;
    }
}
