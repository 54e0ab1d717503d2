using System.Runtime.CompilerServices;
namespace SteeringRng.Sdp.Internal;

/// <summary>The part of a sparse constraint matrix inside one internal block: upper-triangle entries (Row ≤ Col).</summary>
internal sealed class SparsePart
{
    public SparsePart(int block, int[] rows, int[] cols, double[] values)
    {
        Block = block;
        Rows = rows;
        Cols = cols;
        Values = values;
        var n = 0;
        for (var k = 0; k < rows.Length; k++) n += rows[k] == cols[k] ? 1 : 2;
        FullCount = n;
    }

    public int Block { get; }
    public int[] Rows { get; }
    public int[] Cols { get; }
    public double[] Values { get; }

    /// <summary>Number of entries of the full symmetric matrix (off-diagonal entries count twice).</summary>
    public int FullCount { get; }

    /// <summary>
    /// Expands to the full symmetric pattern (both triangles), as used by the Schur formulas:
    /// (row, col, value) triples with A[row, col] = value.
    /// </summary>
    public (int[] Rows, int[] Cols, double[] Values) Full()
    {
        var r = new int[FullCount];
        var c = new int[FullCount];
        var v = new double[FullCount];
        var t = 0;
        for (var k = 0; k < Rows.Length; k++)
        {
            r[t] = Rows[k]; c[t] = Cols[k]; v[t++] = Values[k];
            if (Rows[k] == Cols[k]) continue;
            r[t] = Cols[k]; c[t] = Rows[k]; v[t++] = Values[k];
        }
        return (r, c, v);
    }
}

/// <summary>A block-diagonal symmetric matrix in internal coordinates, stored block by block as sparse parts.</summary>
internal sealed class SparseBlockMatrix
{
    public SparseBlockMatrix(SparsePart[] parts) => Parts = parts;

    public SparsePart[] Parts { get; }

    public int UpperCount => Parts.Sum(p => p.Rows.Length);

    /// <summary>⟨A, X⟩ = Σ_blocks tr(A X) for symmetric X (dense blocks full row-major, diagonal blocks as vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Dot(double[][] x, BlockLayout[] layout)
    {
        var s = 0.0;
        foreach (var p in Parts)
        {
            var xb = x[p.Block];
            if (layout[p.Block].IsDiagonal)
            {
                for (var k = 0; k < p.Rows.Length; k++) s += p.Values[k] * xb[p.Rows[k]];
                continue;
            }
            var d = layout[p.Block].Dim;
            for (var k = 0; k < p.Rows.Length; k++)
            {
                var (r, c) = (p.Rows[k], p.Cols[k]);
                s += r == c ? p.Values[k] * xb[r * d + c] : p.Values[k] * (xb[r * d + c] + xb[c * d + r]);
            }
        }
        return s;
    }

    /// <summary>Z += s·A (both triangles of dense blocks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTo(double[][] z, double s, BlockLayout[] layout)
    {
        if (s == 0) return;
        foreach (var p in Parts)
        {
            var zb = z[p.Block];
            if (layout[p.Block].IsDiagonal)
            {
                for (var k = 0; k < p.Rows.Length; k++) zb[p.Rows[k]] += s * p.Values[k];
                continue;
            }
            var d = layout[p.Block].Dim;
            for (var k = 0; k < p.Rows.Length; k++)
            {
                var (r, c) = (p.Rows[k], p.Cols[k]);
                zb[r * d + c] += s * p.Values[k];
                if (r != c) zb[c * d + r] += s * p.Values[k];
            }
        }
    }
}
