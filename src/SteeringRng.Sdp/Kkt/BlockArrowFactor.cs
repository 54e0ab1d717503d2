using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The Schur complement M of block-arrow shape (see <see cref="BlockArrowPlan"/>), held only by its nonzero blocks, and
/// its factorisation by eliminating the groups first:
/// <code>
///   D_s = L_s L_sᵀ,   W_s = L_s⁻¹ E_s,   S = F − Σ_s W_sᵀ W_s = L_B L_Bᵀ   (S is the Schur complement of the D_s, SPD),
/// </code>
/// and solves M x = r as  u_s = L_s⁻¹ r_s,  x_B = S⁻¹ (r_B − Σ_s W_sᵀ u_s),  x_s = L_s⁻ᵀ (u_s − W_s x_B).
/// S is formed from W_sᵀ W_s, not E_sᵀ D_s⁻¹ E_s: near the optimum D_s is ill-conditioned, and the second form loses
/// a factor κ(D_s) of accuracy (measured: Q2 solves stalled at DIMACS 1e-7 with it, reached 1e-8 without the arrow).
/// <para>
/// Storage (the solver's only copy of M; the m×m matrix is never allocated): one pinned 64-byte-aligned buffer
/// (<see cref="AlignedBuffer"/>) holding, each piece on a 64-byte boundary so the native kernels use it in place,
/// per group D_s (n_s², upper triangle with diagonal = M̃, strict lower = L_s after factoring), E_s (|B|×n_s, M̃[B, G_s],
/// kept for residuals and retries), W_s (|B|×n_s), then F (|B|², upper = M̃[B, B]) and S (|B|², factored):
/// Σ_s n_s² + 2|B|Σ_s n_s + 2|B|² doubles (<see cref="BlockArrowPlan.StorageLength"/>), ≤ m² by the plan's choice.
/// On GHZ3 Q2 unreduced (4 groups of 912, border 192) that is 38 MB against 118 MB for the dense M, which the
/// previous version held beside these blocks.
/// </para>
/// </summary>
internal sealed class BlockArrowFactor
{
    private readonly IDenseKernels _kernels;
    private readonly BlockArrowPlan _plan;
    private readonly AlignedBuffer _buffer;
    private readonly int[] _d, _e, _w;   // per group: index of D_s, E_s, W_s in the buffer's array
    private readonly int _f, _s;         // index of F and of S
    private readonly double[][] _diagD;  // per group: the scaled diagonal of D_s (the factor overwrites it)
    private readonly double[] _diagF;
    private readonly int[] _groupOf;     // position → its group, −1 for the border
    private readonly int[] _local;       // position → its index in its group or in the border

    public BlockArrowFactor(IDenseKernels kernels, BlockArrowPlan plan, int m)
    {
        _kernels = kernels;
        _plan = plan;
        var groups = plan.Groups;
        var nb = plan.Border.Length;
        _buffer = AlignedBuffer.Allocate(checked((int)plan.StorageLength));
        var at = _buffer.Offset;
        int Take(long length)
        {
            var start = at;
            at = checked(at + (int)BlockArrowPlan.Padded(length));
            return start;
        }
        _d = new int[groups.Length];
        _e = new int[groups.Length];
        _w = new int[groups.Length];
        for (var s = 0; s < groups.Length; s++)
        {
            var n = groups[s].Length;
            _d[s] = Take((long)n * n);
            _e[s] = Take((long)nb * n);
            _w[s] = Take((long)nb * n);
        }
        _f = Take((long)nb * nb);
        _s = Take((long)nb * nb);
        _diagD = groups.Select(g => new double[g.Length]).ToArray();
        _diagF = new double[nb];
        _groupOf = new int[m];
        _local = new int[m];
        for (var s = 0; s < groups.Length; s++)
        for (var i = 0; i < groups[s].Length; i++) (_groupOf[groups[s][i]], _local[groups[s][i]]) = (s, i);
        for (var b = 0; b < nb; b++) (_groupOf[plan.Border[b]], _local[plan.Border[b]]) = (-1, b);
    }

    /// <summary>Bytes of the storage (all blocks of M, the factors and W_s; the padding included).</summary>
    public long Bytes => 8L * _buffer.Array.Length;

    private double[] A => _buffer.Array;

    /// <summary>The storage by piece, for the log: "38.5 MB (D_s 26.6, E_s 5.6, W_s 5.6, F and S 0.6 MB)".</summary>
    public string Describe()
    {
        var groups = _plan.Groups;
        long nb = _plan.Border.Length;
        double Mb(long doubles) => doubles * 8 / 1e6;
        var d = groups.Sum(g => BlockArrowPlan.Padded((long)g.Length * g.Length));
        var e = groups.Sum(g => BlockArrowPlan.Padded(nb * g.Length));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Bytes / 1e6:F1} MB (D_s {Mb(d):F1}, E_s {Mb(e):F1}, W_s {Mb(e):F1}, F and S {Mb(2 * BlockArrowPlan.Padded(nb * nb)):F1} MB)");
    }

    /// <summary>
    /// Stores row <paramref name="pos"/> of the upper triangle of M (row[pos'] = M[pos, pos'] for pos' ≥ pos; row has
    /// length m, entries before pos are not read). Rows may be stored concurrently: each entry of M belongs to one row.
    /// </summary>
    public void StoreRow(int pos, double[] row)
    {
        var a = A;
        var groups = _plan.Groups;
        var border = _plan.Border;
        int nb = border.Length, g = _groupOf[pos], i = _local[pos];
        if (g >= 0)
        {
            var members = groups[g];
            var n = members.Length;
            var d = _d[g] + i * n;
            for (var j = i; j < n; j++) a[d + j] = row[members[j]];
            for (var b = 0; b < nb; b++)
                if (border[b] > pos) a[_e[g] + b * n + i] = row[border[b]];
            return;
        }
        for (var b2 = i; b2 < nb; b2++) a[_f + i * nb + b2] = row[border[b2]];
        for (var s = 0; s < groups.Length; s++)
        {
            var members = groups[s];
            var n = members.Length;
            for (var j = 0; j < n; j++)
                if (members[j] > pos) a[_e[s] + i * n + j] = row[members[j]];
        }
    }

    /// <summary>M[pos, pos] as stored (before <see cref="Scale"/>) or scaled (after).</summary>
    public double Diagonal(int pos)
    {
        var (g, i) = (_groupOf[pos], _local[pos]);
        return g >= 0 ? A[_d[g] + i * _plan.Groups[g].Length + i] : A[_f + i * _plan.Border.Length + i];
    }

    public void SetDiagonal(int pos, double value)
    {
        var (g, i) = (_groupOf[pos], _local[pos]);
        if (g >= 0) A[_d[g] + i * _plan.Groups[g].Length + i] = value;
        else A[_f + i * _plan.Border.Length + i] = value;
    }

    /// <summary>M̃ = D M D with D = diag(<paramref name="scale"/>) (position order) on every stored block; the diagonal is saved.</summary>
    public void Scale(double[] scale)
    {
        var a = A;
        var groups = _plan.Groups;
        var border = _plan.Border;
        int nb = border.Length;
        for (var s = 0; s < groups.Length; s++)
        {
            var members = groups[s];
            var n = members.Length;
            for (var i = 0; i < n; i++)
            {
                var si = scale[members[i]];
                for (var j = i; j < n; j++) a[_d[s] + i * n + j] *= si * scale[members[j]];
                _diagD[s][i] = a[_d[s] + i * n + i];
            }
            for (var b = 0; b < nb; b++)
            {
                var sb = scale[border[b]];
                for (var j = 0; j < n; j++) a[_e[s] + b * n + j] *= sb * scale[members[j]];
            }
        }
        for (var b1 = 0; b1 < nb; b1++)
        {
            for (var b2 = b1; b2 < nb; b2++) a[_f + b1 * nb + b2] *= scale[border[b1]] * scale[border[b2]];
            _diagF[b1] = a[_f + b1 * nb + b1];
        }
    }

    /// <summary>Factors M̃ + shift·I (M̃ as scaled; it stays intact for retries and residuals). False if not positive definite.</summary>
    public bool Factor(double shift)
    {
        var a = A;
        var groups = _plan.Groups;
        int nb = _plan.Border.Length;
        var ok = true;
        // Groups are independent: factor them side by side while each factorisation is small enough to run on one
        // BLAS thread (a large one switches the library's thread count, which must not happen concurrently).
        var options = new ParallelOptions { MaxDegreeOfParallelism = groups.All(g => g.Length < NativeLapack.ThreadedCholeskyThreshold) ? CoreShare.Workers : 1 };
        Parallel.For(0, groups.Length, options, s =>
        {
            int n = groups[s].Length, d = _d[s];
            // The lower triangle from the upper one (M̃), the diagonal from the saved copy plus the shift.
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < i; j++) a[d + i * n + j] = a[d + j * n + i];
                a[d + i * n + i] = _diagD[s][i] + shift;
            }
            if (!_kernels.Cholesky(a, d, n)) { ok = false; return; }
            Array.Copy(a, _e[s], a, _w[s], nb * n);
            _kernels.ForwardSolveRows(a, d, n, a, _w[s], nb);
        });
        if (!ok) return false;
        if (nb == 0) return true;
        // S = F + shift·I − Σ_s W_s W_sᵀ (W_s stored |B| × n_s): F's upper triangle onto S's lower one, then one
        // level-3 update per group (dsyrk; the managed dot products before ran at 3.5 GFLOP/s and took more than
        // half of the factorisation on GHZ3 Q2 unreduced), then the upper triangle mirrored.
        for (var b1 = 0; b1 < nb; b1++)
        {
            for (var b2 = 0; b2 < b1; b2++) a[_s + b1 * nb + b2] = a[_f + b2 * nb + b1];
            a[_s + b1 * nb + b1] = _diagF[b1] + shift;
        }
        for (var s = 0; s < groups.Length; s++) _kernels.SubtractGramLower(a, _w[s], nb, groups[s].Length, a, _s);
        for (var b1 = 0; b1 < nb; b1++)
        for (var b2 = 0; b2 < b1; b2++) a[_s + b2 * nb + b1] = a[_s + b1 * nb + b2];
        return _kernels.Cholesky(a, _s, nb);
    }

    /// <summary>
    /// Solves (M̃ + shift·I) x = r in place with the last factorisation, for <paramref name="count"/> right-hand sides stored as rows of length m in
    /// <paramref name="x"/> (position order): every triangular solve and the border's Cholesky solve take all columns
    /// in one dtrsm, so the factors are read once for all of them (level 3 in the number of columns), and the groups,
    /// which are independent until the border, are solved in parallel when they are large.
    /// </summary>
    public void Solve(double[] x, int count = 1)
    {
        var a = A;
        var groups = _plan.Groups;
        var border = _plan.Border;
        var m = _groupOf.Length;
        int nb = border.Length;
        var u = new double[groups.Length][];
        GroupLoop(s =>
        {
            var g = groups[s];
            int n = g.Length;
            var us = u[s] = new double[count * n];
            for (var c = 0; c < count; c++)
            for (var j = 0; j < n; j++) us[c * n + j] = x[c * m + g[j]];
            _kernels.ForwardSolveRows(a, _d[s], n, us, 0, count);
        });
        // x_B = S⁻¹ (r_B − Σ_s W_sᵀ u_s).
        // Each entry of x_B by one thread (rows of W_s read by long dot products), so the bits do not depend on the workers.
        var xb = new double[count * nb];
        BorderLoop(nb, b =>
        {
            for (var c = 0; c < count; c++)
            {
                var v = x[c * m + border[b]];
                for (var s = 0; s < groups.Length; s++) v -= StreamKernels.Dot(a, _w[s] + b * groups[s].Length, u[s], c * groups[s].Length, groups[s].Length);
                xb[c * nb + b] = v;
            }
        });
        if (nb > 0)
        {
            _kernels.ForwardSolveRows(a, _s, nb, xb, 0, count);
            _kernels.BackwardSolveRows(a, _s, nb, xb, 0, count);
        }
        for (var c = 0; c < count; c++)
        for (var b = 0; b < nb; b++) x[c * m + border[b]] = xb[c * nb + b];
        // x_s = L_s⁻ᵀ (u_s − W_s x_B).
        GroupLoop(s =>
        {
            var g = groups[s];
            int n = g.Length;
            var us = u[s];
            for (var c = 0; c < count; c++)
            for (var b = 0; b < nb; b++) StreamKernels.Axpy(-xb[c * nb + b], a, _w[s] + b * n, us, c * n, n);
            _kernels.BackwardSolveRows(a, _d[s], n, us, 0, count);
            for (var c = 0; c < count; c++)
            for (var j = 0; j < n; j++) x[c * m + g[j]] = us[c * n + j];
        });
    }

    /// <summary>Groups of at least this order are solved in parallel (below it a solve takes microseconds and a parallel loop costs more).</summary>
    private const int ParallelSolveOrder = 256;

    /// <summary>Border rows per parallel piece of x_B = r_B − Σ_s W_sᵀ u_s.</summary>
    private const int BorderPiece = 32;

    /// <summary>Runs the step for every border row, in fixed pieces in parallel when the border's part of W is large (≥ 2²⁰ entries).</summary>
    private void BorderLoop(int nb, Action<int> step)
    {
        var entries = (long)nb * _groupOf.Length;
        if (entries < 1 << 20) { for (var b = 0; b < nb; b++) step(b); return; }
        CoreShare.For(0, (nb + BorderPiece - 1) / BorderPiece, p =>
        {
            for (var b = p * BorderPiece; b < Math.Min(nb, (p + 1) * BorderPiece); b++) step(b);
        });
    }

    /// <summary>Runs the per-group step for every group, in parallel when there are several large ones (each writes only its own u_s and positions).</summary>
    private void GroupLoop(Action<int> step)
    {
        var groups = _plan.Groups;
        if (groups.Length > 1 && groups.Min(g => g.Length) >= ParallelSolveOrder) CoreShare.For(0, groups.Length, step);
        else for (var s = 0; s < groups.Length; s++) step(s);
    }

    /// <summary>y = M̃ x (scaled, unshifted) from the stored upper triangles, the saved diagonals and E_s.</summary>
    public void Multiply(double[] x, double[] y)
    {
        var a = A;
        var groups = _plan.Groups;
        var border = _plan.Border;
        int nb = border.Length;
        Array.Clear(y);
        var xb = border.Select(p => x[p]).ToArray();
        var yb = new double[nb];
        for (var s = 0; s < groups.Length; s++)
        {
            var g = groups[s];
            int n = g.Length, d = _d[s];
            var xs = g.Select(p => x[p]).ToArray();
            var ys = new double[n];
            for (var i = 0; i < n; i++)
            {
                ys[i] += _diagD[s][i] * xs[i] + ManagedKernels.Dot(a, d + i * n + i + 1, xs, i + 1, n - i - 1);
                ManagedKernels.Axpy(xs[i], a, d + i * n + i + 1, ys, i + 1, n - i - 1);
            }
            for (var b = 0; b < nb; b++)
            {
                yb[b] += ManagedKernels.Dot(a, _e[s] + b * n, xs, 0, n);
                ManagedKernels.Axpy(xb[b], a, _e[s] + b * n, ys, 0, n);
            }
            for (var i = 0; i < n; i++) y[g[i]] = ys[i];
        }
        for (var b1 = 0; b1 < nb; b1++)
        {
            yb[b1] += _diagF[b1] * xb[b1] + ManagedKernels.Dot(a, _f + b1 * nb + b1 + 1, xb, b1 + 1, nb - b1 - 1);
            ManagedKernels.Axpy(xb[b1], a, _f + b1 * nb + b1 + 1, yb, b1 + 1, nb - b1 - 1);
        }
        for (var b = 0; b < nb; b++) y[border[b]] = yb[b];
    }
}
