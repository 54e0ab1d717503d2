using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

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
    private readonly int[] _rc;       // flattened r·n + c (dense blocks), the entry's offset in a row-major n×n matrix
    private readonly int[] _region;   // slot → first row of the trailing submatrix the later slots live in
    private readonly SchurFormula[] _formula;
    private readonly ColumnGroups _groups; // per slot, its entries grouped by column (the gathered formula)
    private readonly int[] _upperStart;    // slot → first upper-triangle entry (length Count + 1); blocks of order ≥ SymmetricSumMinDim
    private readonly int[] _upperRc;       // flattened upper-triangle pattern (r ≤ c) as r·n + c
    private readonly double[] _upperV;
    private readonly bool[] _fold;         // slot → its later-entry sums run over the upper triangle of the folded W

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
        _rc = _layout.IsDiagonal ? [] : _r.Zip(_c, (r, c) => r * _layout.Dim + c).ToArray();
        // Upper-triangle entries (r ≤ c) of slots ≥ s all lie in rows and columns ≥ min_{t≥s} minRow_t.
        _region = new int[Count];
        var suffixMin = _layout.Dim;
        for (var s = Count - 1; s >= 0; s--)
        {
            suffixMin = Math.Min(suffixMin, parts[s].Rows.Min());
            _region[s] = suffixMin;
        }
        _groups = _layout.IsDiagonal ? ColumnGroups.Empty : new ColumnGroups(_c, _start);
        SymmetricSums = !_layout.IsDiagonal && _layout.Dim >= SymmetricSumMinDim;
        _upperStart = new int[SymmetricSums ? Count + 1 : 1];
        for (var s = 0; s < Count && SymmetricSums; s++) _upperStart[s + 1] = _upperStart[s] + parts[s].Rows.Length;
        _upperRc = new int[_upperStart[^1]];
        _upperV = new double[_upperStart[^1]];
        for (var s = 0; s < Count && SymmetricSums; s++)
        for (var k = 0; k < parts[s].Rows.Length; k++)
        {
            _upperRc[_upperStart[s] + k] = parts[s].Rows[k] * _layout.Dim + parts[s].Cols[k];
            _upperV[_upperStart[s] + k] = parts[s].Values[k];
        }
        // Cost model in rough cycles: F3 ≈ 1.5 per (entry of A_i) × (entry of a later A_j) gather pair;
        // dense ≈ nnz_i·L² FMAs at ~6 per cycle (SIMD) plus one gather per later entry;
        // gathered ≈ (nnz_i·L + g_i·L²) FMAs (g_i the distinct columns of A_i) plus the gathers;
        // product ≈ (nnz_i·n + n³) FMAs at ~6 per cycle plus the gathers.
        _formula = new SchurFormula[Count];
        _fold = new bool[Count];
        for (var s = 0; s < Count && !_layout.IsDiagonal; s++)
        {
            double nnz = _start[s + 1] - _start[s];
            double g = _groups.Count(s);
            double later = total - _start[s];
            double side = _layout.Dim - _region[s];
            // Fold W when the gathers it saves (the later entries below the diagonal) outweigh its side²/2 strided
            // additions, about two cycles each: on the symmetry-reduced problems (hundreds of entries per constraint),
            // not on unreduced NPA matrices (I3322 level 4: a few entries per constraint, and 25 % slower folded).
            double laterUpper = SymmetricSums ? _upperStart[Count] - _upperStart[s] : later;
            _fold[s] = SymmetricSums && later - laterUpper > FoldCyclesPerEntry * side * side / 2;
            // What the sums over the later entries execute: 2 flops per full-pattern entry, or (folded) 2 per
            // upper-triangle entry plus the side²/2 additions that fold W onto its upper triangle.
            var sums = _fold[s] ? 2 * laterUpper + side * side / 2 : 2 * later;
            double n = _layout.Dim;
            var f3 = 1.5 * nnz * later;
            var dense = nnz * side * side / 6 + later;
            var gathered = (nnz * side + g * side * side) / 6 + later;
            var product = (nnz * n + n * n * n) / 6 + later;
            _formula[s] = formula != SchurFormula.Auto ? formula
                : f3 <= Math.Min(Math.Min(dense, gathered), product) ? SchurFormula.Sparse
                : product < Math.Min(dense, gathered) ? SchurFormula.Product
                : gathered < dense && n >= GatheredMinDim ? SchurFormula.Gathered : SchurFormula.Dense;
            EstimatedCycles += _formula[s] switch
            {
                SchurFormula.Sparse => f3, SchurFormula.Dense => dense, SchurFormula.Gathered => gathered, _ => product,
            };
            // Flops executed (docs/peers.md "Per-phase rates"): F3 3 per gather pair (two products, one sum); dense
            // 2·nnz_i·L² (the rows of W over the trailing L×L square); gathered 2·nnz_i·L (T) + 2·g_i·L² (W = X T);
            // product 2 n³ twice (A_i Z⁻¹ is formed densely); all four then 2 per later entry (M_ij += Σ_q v_q W[c_q, d_q]),
            // on blocks of order ≥ SymmetricSumMinDim the three dense ones over the upper triangle only (see SumLater).
            Flops += _formula[s] switch
            {
                SchurFormula.Sparse => 3 * nnz * later,
                SchurFormula.Dense => 2 * nnz * side * side + sums,
                SchurFormula.Gathered => 2 * nnz * side + 2 * g * side * side + sums,
                _ => 4 * n * n * n + (_fold[s] ? 2 * laterUpper + n * n / 2 : 2 * later),
            };
            // The part of them that reads scattered entries (one index, one value and one entry of W per multiply–add;
            // F3's pairs read two): its rate is set by the loads, not by the FMA units (docs/peers.md "Ceilings"). The
            // fold's additions stream and are not counted here.
            GatherFlops += _formula[s] == SchurFormula.Sparse ? 3 * nnz * later : _fold[s] ? 2 * laterUpper : 2 * later;
        }
        // Nonnegative block: one pass over the later slots' entries per slot.
        for (var s = 0; s < Count && _layout.IsDiagonal; s++)
        {
            EstimatedCycles += total - _start[s];
            Flops += 3.0 * (_start[s + 1] - _start[s]) + 2.0 * (total - _start[s]);
            GatherFlops += 3.0 * (_start[s + 1] - _start[s]) + 2.0 * (total - _start[s]);
        }
    }

    /// <summary>
    /// Smallest block for the gathered formula. On small blocks it saves nothing measurable, and it changes the last
    /// bits of every solve that has them: the W-like counts sample at N = 10⁷, whose repaired data sit on the boundary
    /// of the NS set (no interior), then ended two rows in numerical failure that the dense formula ends near-optimal.
    /// </summary>
    private const int GatheredMinDim = 32;

    /// <summary>
    /// Smallest block whose later-entry sums run over the upper triangle (<see cref="SumLater"/>). The sums are the
    /// larger half of a formation on the symmetry-reduced problems, and folding W costs L²/2 additions, nothing beside
    /// them on large blocks. On small blocks the bound keeps the summation order, and so the last bits, as they were
    /// (the boundary-data rows that <see cref="GatheredMinDim"/> protects).
    /// </summary>
    private const int SymmetricSumMinDim = 32;

    /// <summary>The cost of one addition of the fold in cycles (a strided read), against one cycle per gather saved.</summary>
    private const double FoldCyclesPerEntry = 2;

    /// <summary>Whether this block keeps the upper-triangle pattern, so that its slots may fold (see <see cref="SumLater"/>).</summary>
    private bool SymmetricSums { get; }

    public int Count { get; }

    /// <summary>The cost model's estimate of one formation of this block's rows, in rough cycles (see constructor).</summary>
    public double EstimatedCycles { get; }

    public int MaxEntries { get; }

    /// <summary>The most distinct columns of one slot (the gathered formula's g), on dense blocks.</summary>
    public int MaxGroups => _layout.IsDiagonal ? 0 : Enumerable.Range(0, Count).Select(_groups.Count).DefaultIfEmpty(0).Max();

    /// <summary>Floating-point operations of one formation of this block's rows, from the formulas chosen (see constructor).</summary>
    public double Flops { get; }

    /// <summary>The part of <see cref="Flops"/> done on gathered operands (the later-entry sums; all of F3 and of nonnegative blocks).</summary>
    public double GatherFlops { get; }

    public int DenseCount => _formula.Count(f => f != SchurFormula.Sparse) - (_layout.IsDiagonal ? Count : 0);

    /// <summary>Adds this block's part of M[row, j] for the slot's constraint and every later slot's constraint j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRow(int slot, double[] x, double[] zInv, double[] mat, int rowBase, SchurWorkspace ws)
    {
        var acc = ws.Acc;
        Array.Clear(acc, slot, Count - slot);
        if (_layout.IsDiagonal) DiagonalRow(slot, x, zInv, acc, ws.D);
        else if (_formula[slot] == SchurFormula.Dense) DenseRow(slot, x, zInv, acc, ws);
        else if (_formula[slot] == SchurFormula.Gathered) GatheredRow(slot, x, zInv, acc, ws);
        else if (_formula[slot] == SchurFormula.Product) ProductRow(slot, x, zInv, acc, ws);
        else SparseRow(slot, x, zInv, acc);
        for (var s = slot; s < Count; s++) mat[rowBase + _ownerPos[s]] += acc[s];
    }

    /// <summary>M_ij += Σ_k a_ik a_jk x_k / z_k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DiagonalRow(int slot, double[] x, double[] zInv, double[] acc, double[] w)
    {
        for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] += _v[e] * x[_r[e]] * zInv[_r[e]];
        AddSlotSums(slot, _start, _r, _v, w, 0, acc);
        for (var e = _start[slot]; e < _start[slot + 1]; e++) w[_r[e]] = 0;
    }

    /// <summary>F3: M_ij += Σ_p v_p Σ_q v_q X[b_p, c_q] Z⁻¹[a_p, d_q], p = (a_p, b_p) over A_i, q = (c_q, d_q) over A_j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>F1: T = A_i Z⁻¹ (row updates skip the zeros of A_i), W = X T, then M_ij += Σ_q v_q W[c_q, d_q].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProductRow(int slot, double[] x, double[] zInv, double[] acc, SchurWorkspace ws)
    {
        var n = _layout.Dim;
        var a = ws.DenseA;
        var t = ws.Temp;
        var w = ws.W;
        for (var p = _start[slot]; p < _start[slot + 1]; p++) a[_r[p] * n + _c[p]] = _v[p];
        ManagedKernels.Instance.Multiply(a, zInv, t, n);
        ManagedKernels.Instance.Multiply(x, t, w, n);
        for (var p = _start[slot]; p < _start[slot + 1]; p++) a[_r[p] * n + _c[p]] = 0;
        SumLater(slot, w, 0, 0, n, n, acc);
    }

    /// <summary>
    /// W = (X A_i Z⁻¹)[R.., R..] with R the slot's region: W[c, :] = Σ_p (v_p X[b_p, R+c]) · Z⁻¹[a_p, R..] (rows of W
    /// n apart), then M_ij += Σ_q v_q W[c_q − R, d_q − R].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DenseRow(int slot, double[] x, double[] zInv, double[] acc, SchurWorkspace ws)
    {
        var n = _layout.Dim;
        var r0 = _region[slot];
        var len = n - r0;
        var w = ws.W;
        var coef = ws.Coef;
        var (p0, p1) = (_start[slot], _start[slot + 1]);
        var count = p1 - p0;
        var zRows = ws.ZRows;
        for (var k = 0; k < count; k++) zRows[k] = _r[p0 + k] * n + r0;
        CombineRows(count, _c.AsSpan(p0, count), _v.AsSpan(p0, count), x, r0, zInv, zRows, len, n, w, coef);
        // W is stored with the block's stride n, so entry (c, d) of the block sits at c·n + d − origin.
        SumLater(slot, w, 0, r0, len, n, acc);
    }

    /// <summary>
    /// The dense formula with A_i's entries grouped by column: with B the g distinct columns b of A_i,
    /// T[j, d] = Σ_(a, b_j, v)∈A_i v · Z⁻¹[a, R+d] (g × L, 2·nnz_i·L flops) and W[c, d] = Σ_j X[b_j, R+c] · T[j, d]
    /// (2·g·L² flops instead of 2·nnz_i·L²; X is symmetric). After a symmetry reduction the block entries of one
    /// constraint crowd into few columns (2.7 entries per column on GHZ4, 3–7 per block on the qutrit GHZ problem).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatheredRow(int slot, double[] x, double[] zInv, double[] acc, SchurWorkspace ws)
    {
        var n = _layout.Dim;
        var r0 = _region[slot];
        var len = n - r0;
        if (ws.Native is { } native)
        {
            NativeGatheredRow(native, slot, x, zInv, acc, ws);
            return;
        }
        var w = ws.W;
        var t = ws.Temp;
        var coef = ws.Coef;
        var tRows = ws.ZRows;
        var g = _groups.Count(slot);
        var first = _groups.First(slot);
        for (var j = 0; j < g; j++)
        {
            tRows[j] = j * len;
            var row = t.AsSpan(j * len, len);
            row.Clear();
            foreach (var e in _groups.Entries(first + j))
                AddScaled(row, _v[e], zInv.AsSpan(_r[e] * n + r0, len));
        }
        CombineRows(g, _groups.Columns(first, g), [], x, r0, t, tRows, len, n, w, coef);
        SumLater(slot, w, 0, r0, len, n, acc);
    }

    /// <summary>
    /// M_ij += ⟨A_j, W⟩ for every later slot j, with W the len×len trailing square from row and column
    /// <paramref name="r0"/> (rows n apart). On large blocks by symmetry of A_j: ⟨A_j, W⟩ = Σ_(c≤d) A_j[c,d]·S[c,d] with
    /// S[c,d] = W[c,d] + W[d,c] for c &lt; d and S[c,c] = W[c,c], so W is folded onto its upper triangle once (len²/2
    /// additions) and each later constraint is read over its stored upper triangle: half the gathers of the full pattern.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SumLater(int slot, double[] w, int at, int r0, int len, int n, double[] acc)
    {
        var origin = r0 * n + r0 - at;
        if (!_fold[slot])
        {
            AddSlotSums(slot, _start, _rc, _v, w, origin, acc);
            return;
        }
        FoldUpper(w, at, len, n);
        AddSlotSums(slot, _upperStart, _upperRc, _upperV, w, origin, acc);
    }

    /// <summary>W[c, d] += W[d, c] for c &lt; d &lt; len (W at w[at ..], rows n apart), in 8×8 tiles so the transposed reads stay in cache lines.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FoldUpper(double[] w, int at, int len, int n)
    {
        const int tile = 8;
        for (var c0 = 0; c0 < len; c0 += tile)
        {
            var c1 = Math.Min(c0 + tile, len);
            for (var d0 = c0; d0 < len; d0 += tile)
            {
                var d1 = Math.Min(d0 + tile, len);
                for (var c = c0; c < c1; c++)
                for (var d = Math.Max(d0, c + 1); d < d1; d++)
                    w[at + c * n + d] += w[at + d * n + c];
            }
        }
    }

    /// <summary>
    /// The gathered formula with W = X[·, B] T as one single-threaded dgemm (OpenBLAS runs the product's L²·g flops
    /// several times faster than <see cref="CombineRows"/>), on 64-byte-aligned copies of T and of the g rows of X.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private unsafe void NativeGatheredRow(NativeLapack native, int slot, double[] x, double[] zInv, double[] acc, SchurWorkspace ws)
    {
        var n = _layout.Dim;
        var r0 = _region[slot];
        var len = n - r0;
        var (t, xRows, w) = (ws.NativeT, ws.NativeX, ws.NativeW);
        var g = _groups.Count(slot);
        var first = _groups.First(slot);
        for (var j = 0; j < g; j++)
        {
            var row = t.Array.AsSpan(t.Offset + j * len, len);
            row.Clear();
            foreach (var e in _groups.Entries(first + j))
                AddScaled(row, _v[e], zInv.AsSpan(_r[e] * n + r0, len));
            x.AsSpan(_groups.Column(first + j) * n + r0, len).CopyTo(xRows.Array.AsSpan(xRows.Offset + j * len, len));
        }
        native.TransposedProduct((double*)xRows.Address, (double*)t.Address, (double*)w.Address, len, g, n);
        SumLater(slot, w.Array, w.Offset, r0, len, n, acc);
    }

    /// <summary>y += a·v, vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> v)
    {
        var vw = Vector<double>.Count;
        var f = new Vector<double>(a);
        var i = 0;
        for (; i + vw <= y.Length; i += vw)
            ManagedKernels.Fmadd(f, new Vector<double>(v[i..]), new Vector<double>(y[i..])).CopyTo(y[i..]);
        for (; i < y.Length; i++) y[i] += a * v[i];
    }

    /// <summary>
    /// W[c, d] = Σ_k s_k · X[b_k, R+c] · src[srcRows[k] + d] for c, d &lt; len (rows of W n apart; s_k = 1 when
    /// <paramref name="scale"/> is empty). Four rows of W per pass share every load of a source row (eight independent
    /// accumulators keep both FMA pipes busy), then pairs and single rows for the rest.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CombineRows(int count, ReadOnlySpan<int> xRows, ReadOnlySpan<double> scale, double[] x, int r0,
        double[] src, int[] srcRows, int len, int n, double[] w, double[] coef)
    {
        var c = 0;
        for (; c + 3 < len; c += 4)
        {
            for (var k = 0; k < count; k++)
            {
                var xo = xRows[k] * n + r0 + c;
                var v = scale.IsEmpty ? 1.0 : scale[k];
                coef[4 * k] = v * x[xo];
                coef[4 * k + 1] = v * x[xo + 1];
                coef[4 * k + 2] = v * x[xo + 2];
                coef[4 * k + 3] = v * x[xo + 3];
            }
            RowQuadCombination(coef, count, src, srcRows, len, n, w, c * n);
        }
        for (; c + 1 < len; c += 2)
        {
            for (var k = 0; k < count; k++)
            {
                var xo = xRows[k] * n + r0 + c;
                var v = scale.IsEmpty ? 1.0 : scale[k];
                coef[2 * k] = v * x[xo];
                coef[2 * k + 1] = v * x[xo + 1];
            }
            RowPairCombination(coef, count, src, srcRows, len, n, w, c * n);
        }
        for (; c < len; c++)
        for (var d = 0; d < len; d++)
        {
            var sum = 0.0;
            for (var k = 0; k < count; k++) sum += (scale.IsEmpty ? 1.0 : scale[k]) * x[xRows[k] * n + r0 + c] * src[srcRows[k] + d];
            w[c * n + d] = sum;
        }
    }

    /// <summary>
    /// acc[s] += Σ_q v_q · w[index_q − offset] over the entries q of every slot s ≥ <paramref name="slot"/>. A slot has
    /// ≈ 10 entries, so one running sum would be a chain of dependent multiply–adds (4 cycles each); four independent
    /// sums keep the loads and FMAs in flight.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddSlotSums(int slot, int[] start, int[] index, double[] v, double[] w, int offset, double[] acc)
    {
        for (var s = slot; s < Count; s++)
        {
            var (q, end) = (start[s], start[s + 1]);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (; q + 3 < end; q += 4)
            {
                s0 += v[q] * w[index[q] - offset];
                s1 += v[q + 1] * w[index[q + 1] - offset];
                s2 += v[q + 2] * w[index[q + 2] - offset];
                s3 += v[q + 3] * w[index[q + 3] - offset];
            }
            for (; q < end; q++) s0 += v[q] * w[index[q] - offset];
            acc[s] += (s0 + s1) + (s2 + s3);
        }
    }

    /// <summary>
    /// Rows at + t·stride (t = 0..3) of W: w[at + t·stride + d] = Σ_k coef[4k + t]·Z⁻¹[zRows[k] + d], two vectors per row in
    /// eight accumulators (each Z⁻¹ load feeds four FMAs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowQuadCombination(double[] coef, int count, double[] zInv, int[] zRows, int len, int stride, double[] w, int at)
    {
        var vw = Vector<double>.Count;
        ref var z = ref MemoryMarshal.GetArrayDataReference(zInv);
        ref var cf = ref MemoryMarshal.GetArrayDataReference(coef);
        _ = coef[4 * count - 1];
        _ = w[at + 3 * stride + len - 1];
        for (var k = 0; k < count; k++) _ = zInv[zRows[k] + len - 1]; // bounds of every row once
        var j = 0;
        for (; j + 2 * vw <= len; j += 2 * vw)
        {
            Vector<double> a0 = default, a1 = default, b0 = default, b1 = default;
            Vector<double> c0 = default, c1 = default, d0 = default, d1 = default;
            for (var k = 0; k < count; k++)
            {
                var o = (nuint)(zRows[k] + j);
                var z0 = Vector.LoadUnsafe(ref z, o);
                var z1 = Vector.LoadUnsafe(ref z, o + (nuint)vw);
                var f = new Vector<double>(Unsafe.Add(ref cf, 4 * k));
                a0 = ManagedKernels.Fmadd(f, z0, a0); a1 = ManagedKernels.Fmadd(f, z1, a1);
                f = new Vector<double>(Unsafe.Add(ref cf, 4 * k + 1));
                b0 = ManagedKernels.Fmadd(f, z0, b0); b1 = ManagedKernels.Fmadd(f, z1, b1);
                f = new Vector<double>(Unsafe.Add(ref cf, 4 * k + 2));
                c0 = ManagedKernels.Fmadd(f, z0, c0); c1 = ManagedKernels.Fmadd(f, z1, c1);
                f = new Vector<double>(Unsafe.Add(ref cf, 4 * k + 3));
                d0 = ManagedKernels.Fmadd(f, z0, d0); d1 = ManagedKernels.Fmadd(f, z1, d1);
            }
            a0.CopyTo(w, at + j); a1.CopyTo(w, at + j + vw);
            b0.CopyTo(w, at + stride + j); b1.CopyTo(w, at + stride + j + vw);
            c0.CopyTo(w, at + 2 * stride + j); c1.CopyTo(w, at + 2 * stride + j + vw);
            d0.CopyTo(w, at + 3 * stride + j); d1.CopyTo(w, at + 3 * stride + j + vw);
        }
        for (; j < len; j++)
        {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (var k = 0; k < count; k++)
            {
                var zv = zInv[zRows[k] + j];
                s0 += coef[4 * k] * zv;
                s1 += coef[4 * k + 1] * zv;
                s2 += coef[4 * k + 2] * zv;
                s3 += coef[4 * k + 3] * zv;
            }
            w[at + j] = s0;
            w[at + stride + j] = s1;
            w[at + 2 * stride + j] = s2;
            w[at + 3 * stride + j] = s3;
        }
    }

    /// <summary>
    /// Rows at and at+stride of W: w[at + d] = Σ_k coef[2k]·Z⁻¹[zRows[k] + d], w[at + stride + d] = Σ_k coef[2k+1]·Z⁻¹[zRows[k] + d],
    /// two vectors per row in four accumulators (each Z⁻¹ load feeds two FMAs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowPairCombination(double[] coef, int count, double[] zInv, int[] zRows, int len, int stride, double[] w, int at)
    {
        var vw = Vector<double>.Count;
        ref var z = ref MemoryMarshal.GetArrayDataReference(zInv);
        ref var cf = ref MemoryMarshal.GetArrayDataReference(coef);
        _ = coef[2 * count - 1];
        for (var k = 0; k < count; k++) _ = zInv[zRows[k] + len - 1]; // bounds of every row once
        var j = 0;
        for (; j + 2 * vw <= len; j += 2 * vw)
        {
            Vector<double> a0 = default, a1 = default, b0 = default, b1 = default;
            for (var k = 0; k < count; k++)
            {
                var o = (nuint)(zRows[k] + j);
                var z0 = Vector.LoadUnsafe(ref z, o);
                var z1 = Vector.LoadUnsafe(ref z, o + (nuint)vw);
                var f = new Vector<double>(Unsafe.Add(ref cf, 2 * k));
                var g = new Vector<double>(Unsafe.Add(ref cf, 2 * k + 1));
                a0 = ManagedKernels.Fmadd(f, z0, a0); a1 = ManagedKernels.Fmadd(f, z1, a1);
                b0 = ManagedKernels.Fmadd(g, z0, b0); b1 = ManagedKernels.Fmadd(g, z1, b1);
            }
            a0.CopyTo(w, at + j);
            a1.CopyTo(w, at + j + vw);
            b0.CopyTo(w, at + stride + j);
            b1.CopyTo(w, at + stride + j + vw);
        }
        for (; j < len; j++)
        {
            double s0 = 0, s1 = 0;
            for (var k = 0; k < count; k++)
            {
                var zv = zInv[zRows[k] + j];
                s0 += coef[2 * k] * zv;
                s1 += coef[2 * k + 1] * zv;
            }
            w[at + j] = s0;
            w[at + stride + j] = s1;
        }
    }
}
