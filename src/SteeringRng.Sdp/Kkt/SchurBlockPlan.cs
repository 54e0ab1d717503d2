using System.Numerics;
using System.Runtime.CompilerServices;
using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The constraints that touch one block, in position order ("slots"), with their full symmetric patterns flattened,
/// and per slot the formula that forms its contributions to M_ij (j at or after it) most cheaply.
/// </summary>
internal sealed class SchurBlockPlan
{
    private readonly BlockLayout _layout;
    private readonly int[] _ownerPos; // slot → position of its constraint
    private readonly int[] _start;    // slot → first flattened entry (length Count + 1)
    private readonly int[] _r, _c;    // flattened full pattern: A[_r, _c] = _v
    private readonly double[] _v;
    private readonly int[] _region;   // slot → first row of the trailing submatrix the later slots live in
    private readonly bool[] _dense;

    public SchurBlockPlan(InternalProblem p, int block, int[] order, List<(int, int)>[] slotsAt, SchurFormula formula)
    {
        _layout = p.Layout[block];
        var owners = new List<int>();
        var parts = new List<SparsePart>();
        for (var pos = 0; pos < order.Length; pos++)
        {
            var part = p.A[order[pos]].Parts.FirstOrDefault(pt => pt.Block == block);
            if (part is null) continue;
            slotsAt[pos].Add((block, owners.Count));
            owners.Add(pos);
            parts.Add(part);
        }
        _ownerPos = owners.ToArray();
        Count = _ownerPos.Length;
        _start = new int[Count + 1];
        for (var s = 0; s < Count; s++) _start[s + 1] = _start[s] + (_layout.IsDiagonal ? parts[s].Rows.Length : parts[s].FullCount);
        var total = _start[Count];
        _r = new int[total];
        _c = new int[total];
        _v = new double[total];
        for (var s = 0; s < Count; s++)
        {
            var (r, c, v) = _layout.IsDiagonal ? (parts[s].Rows, parts[s].Cols, parts[s].Values) : parts[s].Full();
            r.CopyTo(_r, _start[s]);
            c.CopyTo(_c, _start[s]);
            v.CopyTo(_v, _start[s]);
            MaxEntries = Math.Max(MaxEntries, r.Length);
        }
        // Upper-triangle entries (r ≤ c) of slots ≥ s all lie in rows and columns ≥ min_{t≥s} minRow_t.
        _region = new int[Count];
        var suffixMin = _layout.Dim;
        for (var s = Count - 1; s >= 0; s--)
        {
            suffixMin = Math.Min(suffixMin, parts[s].Rows.Min());
            _region[s] = suffixMin;
        }
        // Cost model in rough cycles: F3 ≈ 1.5 per (entry of A_i) × (entry of a later A_j) gather pair;
        // dense ≈ nnz_i·L² FMAs at ~6 per cycle (SIMD) plus one gather per later entry.
        _dense = new bool[Count];
        for (var s = 0; s < Count && !_layout.IsDiagonal; s++)
        {
            double nnz = _start[s + 1] - _start[s];
            double later = total - _start[s];
            double side = _layout.Dim - _region[s];
            _dense[s] = formula switch
            {
                SchurFormula.Dense => true,
                SchurFormula.Sparse => false,
                _ => nnz * side * side / 6 + later < 1.5 * nnz * later,
            };
        }
    }

    public int Count { get; }

    public int MaxEntries { get; }

    public int DenseCount => _dense.Count(d => d);

    /// <summary>Adds this block's part of M[row, j] for the slot's constraint and every later slot's constraint j.</summary>
    public void AddRow(int slot, double[] x, double[] zInv, double[] mat, int rowBase, SchurWorkspace ws)
    {
        var acc = ws.Acc;
        Array.Clear(acc, slot, Count - slot);
        if (_layout.IsDiagonal) DiagonalRow(slot, x, zInv, acc, ws.D);
        else if (_dense[slot]) DenseRow(slot, x, zInv, acc, ws);
        else SparseRow(slot, x, zInv, acc);
        for (var s = slot; s < Count; s++) mat[rowBase + _ownerPos[s]] += acc[s];
    }

    /// <summary>M_ij += Σ_k a_ik a_jk x_k / z_k.</summary>
    private void DiagonalRow(int slot, double[] x, double[] zInv, double[] acc, double[] w)
    {
        for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] += _v[e] * x[_r[e]] * zInv[_r[e]];
        for (var s = slot; s < Count; s++)
        {
            var sum = 0.0;
            for (var e = _start[s]; e < _start[s + 1]; e++) sum += _v[e] * w[_r[e]];
            acc[s] += sum;
        }
        for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] = 0;
    }

    /// <summary>F3: M_ij += Σ_p v_p Σ_q v_q X[b_p, c_q] Z⁻¹[a_p, d_q], p = (a_p, b_p) over A_i, q = (c_q, d_q) over A_j.</summary>
    private void SparseRow(int slot, double[] x, double[] zInv, double[] acc)
    {
        var n = _layout.Dim;
        for (var p = _start[slot]; p < _start[slot + 1]; p++)
        {
            var xo = _c[p] * n;  // row b_p of X
            var zo = _r[p] * n;  // row a_p of Z⁻¹
            var vp = _v[p];
            for (var s = slot; s < Count; s++)
            {
                var sum = 0.0;
                for (var q = _start[s]; q < _start[s + 1]; q++) sum += _v[q] * x[xo + _r[q]] * zInv[zo + _c[q]];
                acc[s] += vp * sum;
            }
        }
    }

    /// <summary>
    /// W = (X A_i Z⁻¹)[R.., R..] with R the slot's region: W[c, :] = Σ_p (v_p X[b_p, R+c]) · Z⁻¹[a_p, R..], then
    /// M_ij += Σ_q v_q W[c_q − R, d_q − R].
    /// </summary>
    private void DenseRow(int slot, double[] x, double[] zInv, double[] acc, SchurWorkspace ws)
    {
        var n = _layout.Dim;
        var r0 = _region[slot];
        var len = n - r0;
        var w = ws.W;
        var coef = ws.Coef;
        var (p0, p1) = (_start[slot], _start[slot + 1]);
        for (var c = 0; c < len; c++)
        {
            for (var p = p0; p < p1; p++) coef[p - p0] = _v[p] * x[_c[p] * n + r0 + c];
            RowCombination(coef, p1 - p0, zInv, p0, n, r0, len, w, c * len);
        }
        for (var s = slot; s < Count; s++)
        {
            var sum = 0.0;
            for (var q = _start[s]; q < _start[s + 1]; q++) sum += _v[q] * w[(_r[q] - r0) * len + _c[q] - r0];
            acc[s] += sum;
        }
    }

    /// <summary>w[at..at+len) = Σ_k coef[k] · zInv[a_k·n + r0 ..] (a_k = _r[p0 + k]), four vectors at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RowCombination(double[] coef, int count, double[] zInv, int p0, int n, int r0, int len, double[] w, int at)
    {
        var vw = Vector<double>.Count;
        var j = 0;
        for (; j + 4 * vw <= len; j += 4 * vw)
        {
            Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
            for (var k = 0; k < count; k++)
            {
                var f = new Vector<double>(coef[k]);
                var o = _r[p0 + k] * n + r0 + j;
                a0 += f * new Vector<double>(zInv, o);
                a1 += f * new Vector<double>(zInv, o + vw);
                a2 += f * new Vector<double>(zInv, o + 2 * vw);
                a3 += f * new Vector<double>(zInv, o + 3 * vw);
            }
            a0.CopyTo(w, at + j);
            a1.CopyTo(w, at + j + vw);
            a2.CopyTo(w, at + j + 2 * vw);
            a3.CopyTo(w, at + j + 3 * vw);
        }
        for (; j < len; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < count; k++) sum += coef[k] * zInv[_r[p0 + k] * n + r0 + j];
            w[at + j] = sum;
        }
    }
}
