using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The HKM Schur complement  M_ij = ⟨A_i, X A_j Z⁻¹⟩ = tr(A_i X A_j Z⁻¹)  (symmetric positive definite), formed from the
/// sparsity of the A_i as in Fujisawa–Kojima–Nakata (1997). Per constraint i and block, the cheaper of two formulas:
/// <list type="bullet">
/// <item>dense ("F1/F2"): W = X A_i Z⁻¹ computed as (X A_i) restricted to the K distinct columns of A_i, times the
/// matching rows of Z⁻¹ (≈ 2n²K flops, SIMD row updates), then M_ij = Σ_(c,d) A_j[c,d] W[c,d];</item>
/// <item>sparse ("F3"): M_ij = Σ_(a,b)∈A_i Σ_(c,d)∈A_j A_i[a,b] A_j[c,d] X[b,c] Z⁻¹[d,a] (nnz_i·nnz_j gathers).</item>
/// </list>
/// Constraints are ordered by decreasing nnz and row i computes only M_ij with j at or after i in that order, so dense
/// constraints, which have many partners, take the dense formula and the sparse tail takes F3. Rows run in parallel.
/// Nonnegative blocks: M_ij += Σ_k A_i[k] A_j[k] x_k / z_k.
/// </summary>
internal sealed class SchurComplement
{
    private readonly InternalProblem _p;
    private readonly int[] _order;     // constraints by decreasing nnz
    private readonly BlockPlan[] _plans;
    private readonly List<(int Block, int Slot)>[] _slotsOf; // per constraint: its slot in each block plan

    public SchurComplement(InternalProblem p)
    {
        _p = p;
        var m = p.M;
        _order = Enumerable.Range(0, m).OrderByDescending(i => p.A[i].UpperCount).ThenBy(i => i).ToArray();
        _slotsOf = Enumerable.Range(0, m).Select(_ => new List<(int, int)>()).ToArray();
        _plans = new BlockPlan[p.Layout.Length];
        for (var b = 0; b < _plans.Length; b++) _plans[b] = new BlockPlan(p, b, _order, _slotsOf);
        MaxDim = p.Layout.Max(l => l.Dim);
    }

    private int MaxDim { get; }

    /// <summary>How many (constraint, block) pairs use the dense formula (for the log).</summary>
    public int DenseCount => _plans.Sum(pl => pl.Dense.Count(d => d));

    /// <summary>Fills the full symmetric m×m matrix (row-major) for the current X and Z⁻¹ (x/z for diagonal blocks).</summary>
    public void Form(double[][] x, double[][] zInv, double[] mat)
    {
        var m = _p.M;
        Array.Clear(mat, 0, m * m);
        Parallel.For(0, m, () => new Workspace(MaxDim, _plans.Max(pl => pl.Count)), (pos, _, ws) =>
        {
            var i = _order[pos];
            foreach (var (blk, slot) in _slotsOf[i]) _plans[blk].AddRow(slot, x[blk], zInv[blk], mat, m, ws);
            // Mirror row i onto column i for the partners after i.
            for (var q = pos + 1; q < m; q++)
            {
                var j = _order[q];
                mat[j * m + i] = mat[i * m + j];
            }
            return ws;
        }, _ => { });
    }

    private sealed class Workspace(int n, int slots)
    {
        public readonly double[] W = new double[n * n];
        public readonly double[] T = new double[n * n];
        public readonly double[] D = new double[n];
        public readonly double[] Acc = new double[slots];
    }

    /// <summary>The constraints that touch one block, in the global order, with their full patterns flattened.</summary>
    private sealed class BlockPlan
    {
        private readonly BlockLayout _layout;
        private readonly int[] _owner;    // slot → constraint index
        private readonly int[] _start;    // slot → first flattened entry (length Count + 1)
        private readonly int[] _r, _c;    // flattened full pattern
        private readonly double[] _v;
        private readonly int[][] _cols;   // slot → distinct columns (dense formula)
        private readonly int[] _colSlot;  // flattened entry → position of its column in _cols of its slot

        public BlockPlan(InternalProblem p, int block, int[] order, List<(int, int)>[] slotsOf)
        {
            _layout = p.Layout[block];
            var owners = new List<int>();
            var parts = new List<SparsePart>();
            foreach (var i in order)
            {
                var part = p.A[i].Parts.FirstOrDefault(pt => pt.Block == block);
                if (part is null) continue;
                slotsOf[i].Add((block, owners.Count));
                owners.Add(i);
                parts.Add(part);
            }
            _owner = owners.ToArray();
            Count = _owner.Length;
            _start = new int[Count + 1];
            for (var s = 0; s < Count; s++) _start[s + 1] = _start[s] + (_layout.IsDiagonal ? parts[s].Rows.Length : parts[s].FullCount);
            _r = new int[_start[Count]];
            _c = new int[_start[Count]];
            _v = new double[_start[Count]];
            _cols = new int[Count][];
            _colSlot = new int[_start[Count]];
            Dense = new bool[Count];
            var n = (double)_layout.Dim;
            for (var s = 0; s < Count; s++)
            {
                var (r, c, v) = _layout.IsDiagonal ? (parts[s].Rows, parts[s].Cols, parts[s].Values) : parts[s].Full();
                Array.Copy(r, 0, _r, _start[s], r.Length);
                Array.Copy(c, 0, _c, _start[s], c.Length);
                Array.Copy(v, 0, _v, _start[s], v.Length);
                if (_layout.IsDiagonal) continue;
                _cols[s] = parts[s].DistinctColumns();
                for (var e = _start[s]; e < _start[s + 1]; e++) _colSlot[e] = Array.BinarySearch(_cols[s], _c[e]);
                // Cost model (flop-equivalents): F3 gathers cost ~1 per pair, dense SIMD updates ~1/4 per flop.
                double remaining = _start[Count] - _start[s];
                var f3 = (double)r.Length * remaining;
                var dense = 0.5 * n * n * _cols[s].Length + n * r.Length + remaining;
                Dense[s] = dense < f3;
            }
        }

        public int Count { get; }

        public bool[] Dense { get; }

        /// <summary>Adds block contributions to M[i, j] for the slot's constraint i and every later slot's j.</summary>
        public void AddRow(int slot, double[] x, double[] zInv, double[] mat, int m, Workspace ws)
        {
            var i = _owner[slot];
            var acc = ws.Acc;
            Array.Clear(acc, slot, Count - slot);
            if (_layout.IsDiagonal) DiagonalRow(slot, x, zInv, acc, ws);
            else if (Dense[slot]) DenseRow(slot, x, zInv, acc, ws);
            else SparseRow(slot, x, zInv, acc);
            for (var s = slot; s < Count; s++) mat[i * m + _owner[s]] += acc[s];
        }

        /// <summary>M_ij += Σ_k a_ik a_jk d_k with d_k = x_k / z_k (zInv holds 1/z_k on a diagonal block).</summary>
        private void DiagonalRow(int slot, double[] x, double[] zInv, double[] acc, Workspace ws)
        {
            var w = ws.D;
            for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] += _v[e] * x[_r[e]] * zInv[_r[e]];
            for (var s = slot; s < Count; s++)
            {
                var sum = 0.0;
                for (var e = _start[s]; e < _start[s + 1]; e++) sum += _v[e] * w[_r[e]];
                acc[s] += sum;
            }
            for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] = 0;
        }

        /// <summary>F3: Σ_p v_p Σ_q v_q X[b_p, c_q] Z⁻¹[a_p, d_q] over full entries p = (a_p, b_p) of A_i and q = (c_q, d_q) of A_j.</summary>
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

        /// <summary>W = X A_i Z⁻¹: T_k = (X A_i)[:, k] = Σ_(a,k,v) v X[a, :] for the distinct columns k, W[r,:] = Σ_k T_k[r] Z⁻¹[k,:].</summary>
        private void DenseRow(int slot, double[] x, double[] zInv, double[] acc, Workspace ws)
        {
            var n = _layout.Dim;
            var cols = _cols[slot];
            var t = ws.T;
            var w = ws.W;
            Array.Clear(t, 0, cols.Length * n);
            for (var e = _start[slot]; e < _start[slot + 1]; e++)
                ManagedKernels.Axpy(_v[e], x, _r[e] * n, t, _colSlot[e] * n, n);
            Array.Clear(w, 0, n * n);
            for (var r = 0; r < n; r++)
            for (var k = 0; k < cols.Length; k++)
            {
                var trk = t[k * n + r];
                if (trk != 0) ManagedKernels.Axpy(trk, zInv, cols[k] * n, w, r * n, n);
            }
            for (var s = slot; s < Count; s++)
            {
                var sum = 0.0;
                for (var q = _start[s]; q < _start[s + 1]; q++) sum += _v[q] * w[_r[q] * n + _c[q]];
                acc[s] += sum;
            }
        }
    }
}
