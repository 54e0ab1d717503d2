using System.Runtime.CompilerServices;
using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The HKM Schur complement  M_ij = ⟨A_i, X A_j Z⁻¹⟩ = tr(A_i X A_j Z⁻¹)  (symmetric positive definite), formed from the
/// sparsity of the A_i as in Fujisawa–Kojima–Nakata (1997). Per constraint i and block, the cheapest of four formulas
/// (see <see cref="SchurBlockPlan"/>):
/// <list type="bullet">
/// <item>dense ("F1/F2"): W = X A_i Z⁻¹ on the trailing submatrix that the later constraints occupy, as a SIMD
/// product of the rows of X and Z⁻¹ that A_i touches, then M_ij = Σ_(c,d) A_j[c,d] W[c,d];</item>
/// <item>gathered: the same W with A_i's entries grouped by column, T = A_i[B, ·] Z⁻¹ then W = X[·, B] T (g_i·L² instead
/// of nnz_i·L², g_i the distinct columns of A_i: symmetry-reduced constraints crowd into few columns);</item>
/// <item>product ("F1"): W = X (A_i Z⁻¹) by two dense products, for nearly dense A_i (≈ n³ instead of nnz_i·n²);</item>
/// <item>sparse ("F3"): M_ij = Σ_(a,b)∈A_i Σ_(c,d)∈A_j A_i[a,b] A_j[c,d] X[b,c] Z⁻¹[d,a] (nnz_i·nnz_j gathers).</item>
/// </list>
/// M is built in a permuted order ("positions"): constraints sorted by the first row their matrix touches, so that the
/// partners j after i live in a trailing submatrix and row i needs W only there. Row i computes M_ij for the
/// partners at or after it (the upper triangle in position order), rows run in parallel; the lower triangle is
/// filled by the factorisation's scaling pass. Nonnegative blocks: M_ij += Σ_k A_i[k] A_j[k] x_k / z_k.
/// </summary>
internal sealed class SchurComplement
{
    private readonly InternalProblem _p;
    private readonly SchurBlockPlan[] _plans;
    private readonly List<(int Block, int Slot)>[] _slotsAt; // per position: its slot in each block plan
    private readonly int _maxDim;
    private readonly int _maxSlots;
    private readonly int _maxEntries;
    private readonly int _maxGroups;
    private readonly NativeLapack? _native;

    // Workspaces kept between formations: a formation's parallel loop borrows one per worker and returns it, so an
    // iteration allocates none (each holds n×n scratch matrices, pinned ones for the native product: allocated per
    // formation they were large-object and pinned-heap garbage that forced full collections on small problems).
    // At most one worker per processor, so at most that many workspaces (the pool may add threads while rows run);
    // fewer while other solves run (Internal/CoreShare), one when the sweep already runs a solve per core.
    private readonly System.Collections.Concurrent.ConcurrentBag<SchurWorkspace> _workspaces = [];

    /// <param name="p">The problem.</param>
    /// <param name="formula">Auto picks per constraint by cost; any other value forces that formula (tests).</param>
    /// <param name="native">OpenBLAS, when the solver uses it: the gathered formula's W = X[·, B] T is then one dgemm per row.</param>
    public SchurComplement(InternalProblem p, SchurFormula formula = SchurFormula.Auto, NativeLapack? native = null)
    {
        _p = p;
        _native = native;
        var m = p.M;
        Order = Enumerable.Range(0, m).OrderBy(i => OrderKey(p, i)).ThenBy(i => i).ToArray();
        _slotsAt = Enumerable.Range(0, m).Select(_ => new List<(int, int)>()).ToArray();
        _plans = new SchurBlockPlan[p.Layout.Length];
        for (var b = 0; b < _plans.Length; b++) _plans[b] = new SchurBlockPlan(p, b, Order, _slotsAt, formula);
        _maxDim = p.Layout.Max(l => l.Dim);
        _maxSlots = _plans.Max(pl => pl.Count);
        _maxEntries = _plans.Max(pl => pl.MaxEntries);
        _maxGroups = _plans.Max(pl => pl.MaxGroups);
    }

    /// <summary>Order[position] = constraint index. M, its right-hand sides and solutions live in position order.</summary>
    public int[] Order { get; }

    /// <summary>Estimated cost of one <see cref="Form(double[][], double[][], double[], int)"/> in rough cycles (the sum of the block plans' cost models).</summary>
    public double EstimatedCycles => _plans.Sum(pl => pl.EstimatedCycles);

    /// <summary>Floating-point operations of one <see cref="Form(double[][], double[][], double[], int)"/> (the block plans' formula counts).</summary>
    public double FlopsPerForm => _plans.Sum(pl => pl.Flops);

    /// <summary>The part of <see cref="FlopsPerForm"/> done on gathered operands (<see cref="SchurBlockPlan.GatherFlops"/>).</summary>
    public double GatherFlopsPerForm => _plans.Sum(pl => pl.GatherFlops);

    /// <summary>How many (constraint, block) pairs use the dense formula (for the log).</summary>
    public int DenseCount => _plans.Sum(pl => pl.DenseCount);

    /// <summary>First row touched, relative to the block size, in the constraint's largest dense block.</summary>
    private static double OrderKey(InternalProblem p, int i)
    {
        var best = (Dim: -1, Key: 0.0);
        foreach (var part in p.A[i].Parts)
        {
            var l = p.Layout[part.Block];
            if (l.IsDiagonal || l.Dim <= best.Dim) continue;
            best = (l.Dim, (double)part.Rows.Min() / l.Dim);
        }
        return best.Key;
    }

    /// <summary>
    /// Fills the upper triangle with diagonal (M[pos, pos'] for pos ≤ pos', row-major m×m, position order) for X and
    /// Z⁻¹ (1/z on diagonal blocks); the strict lower triangle is left as it was (<see cref="CholeskyFactor.Factor"/>
    /// mirrors the upper one there while it scales it). M[pos, pos'] is mat[offset + pos·m + pos'].
    /// </summary>
    public void Form(double[][] x, double[][] zInv, double[] mat, int offset = 0)
    {
        var m = _p.M;
        if (CoreShare.Workers == 1)
        {
            var ws = Borrow();
            for (var pos = 0; pos < m; pos++) FormRow(pos, x, zInv, mat, offset + pos * m, ws);
            _workspaces.Add(ws);
            return;
        }
        Parallel.For(0, m, CoreShare.Options(), Borrow, (pos, _, ws) =>
        {
            FormRow(pos, x, zInv, mat, offset + pos * m, ws);
            return ws;
        }, _workspaces.Add);
    }

    /// <summary>
    /// The same upper triangle stored straight into the block-arrow storage (no m×m array): each row is formed in a
    /// per-thread row of length m, then its nonzero blocks are copied out (<see cref="BlockArrowFactor.StoreRow"/>).
    /// </summary>
    public void Form(double[][] x, double[][] zInv, BlockArrowFactor arrow)
    {
        var m = _p.M;
        Parallel.For(0, m, CoreShare.Options(), Borrow, (pos, _, ws) =>
        {
            var row = ws.Row(m);
            FormRow(pos, x, zInv, row, 0, ws);
            arrow.StoreRow(pos, row);
            return ws;
        }, _workspaces.Add);
    }

    /// <summary>A workspace for one worker of a formation: a returned one, or a new one.</summary>
    private SchurWorkspace Borrow() => _workspaces.TryTake(out var ws) ? ws : new SchurWorkspace(_maxDim, _maxSlots, _maxEntries, _native, _maxGroups);

    /// <summary>Row <paramref name="pos"/> of the upper triangle: cleared, then each block's contributions added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FormRow(int pos, double[][] x, double[][] zInv, double[] mat, int rowBase, SchurWorkspace ws)
    {
        var m = _p.M;
        Array.Clear(mat, rowBase + pos, m - pos);
        foreach (var (blk, slot) in _slotsAt[pos]) _plans[blk].AddRow(slot, x[blk], zInv[blk], mat, rowBase, ws);
    }

    /// <summary>v in constraint order → position order.</summary>
    public double[] ToPositions(double[] v) => Order.Select(i => v[i]).ToArray();

    /// <summary>v in position order → constraint order.</summary>
    public double[] FromPositions(double[] v)
    {
        var r = new double[v.Length];
        for (var pos = 0; pos < v.Length; pos++) r[Order[pos]] = v[pos];
        return r;
    }
}

/// <summary>Which formula forms the dense-block contributions: by cost (default), or forced (for tests).</summary>
internal enum SchurFormula
{
    Auto,

    /// <summary>W = X A_i Z⁻¹ on the trailing submatrix, row by row from the rows of Z⁻¹ that A_i touches (nnz_i·L²).</summary>
    Dense,

    /// <summary>F3: entry pairs of A_i and A_j (nnz_i·nnz_j).</summary>
    Sparse,

    /// <summary>The dense formula with A_i's entries grouped by column: T = A_i[B, ·] Z⁻¹ then W = X[·, B] T (nnz_i·L + g_i·L²).</summary>
    Gathered,

    /// <summary>F1: W = X (A_i Z⁻¹) by two matrix products (nnz_i·n + n³), for nearly dense A_i.</summary>
    Product,
}

/// <summary>Per-thread scratch space for forming rows of the Schur complement.</summary>
internal sealed class SchurWorkspace(int n, int slots, int entries, NativeLapack? native = null, int groups = 0)
{
    /// <summary>The native kernels for the gathered formula's product, or null (managed SIMD rows).</summary>
    public readonly NativeLapack? Native = native;
    public readonly double[] W = new double[n * n];
    public readonly double[] D = new double[n];
    public readonly double[] Acc = new double[slots];
    public readonly double[] Coef = new double[4 * entries];
    public readonly int[] ZRows = new int[entries];
    private double[]? _a, _t, _row;
    private AlignedBuffer? _nativeT, _nativeX, _nativeW;

    /// <summary>One row of M (length m) for the block-arrow formation, allocated on first use.</summary>
    public double[] Row(int m) => _row ??= new double[m];

    /// <summary>Dense A_i and A_i Z⁻¹ for the product formula, allocated on first use (n² each).</summary>
    public double[] DenseA => _a ??= new double[W.Length];

    public double[] Temp => _t ??= new double[W.Length];

    /// <summary>The gathered formula's T (g × len), rows of X (g × len) and W (len × len, stride n) for dgemm: 64-byte aligned, so the bits do not depend on where the arrays land.</summary>
    public AlignedBuffer NativeT => _nativeT ??= AlignedBuffer.Allocate(groups * n);

    public AlignedBuffer NativeX => _nativeX ??= AlignedBuffer.Allocate(groups * n);

    public AlignedBuffer NativeW => _nativeW ??= AlignedBuffer.Allocate(W.Length);
}
