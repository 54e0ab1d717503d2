using System.Runtime.CompilerServices;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// Factors the Schur complement M = L Lᵀ and solves M dy = r with safeguards:
/// <list type="bullet">
/// <item>symmetric diagonal scaling M̃ = D M D, D = diag(M_ii^(−1/2)), so pivots are judged relative to a unit
/// diagonal (M spans many orders of magnitude near the optimum);</item>
/// <item>on a Cholesky breakdown (M̃ loses definiteness to rounding near the optimum), retry with M̃ + δI,
/// δ = 10⁻¹³ growing ×10 per attempt (at most 8);</item>
/// <item>iterative refinement against the unshifted M̃: dy ← dy + (M̃ + δI)⁻¹(r − M̃ dy) while the residual halves.</item>
/// </list>
/// Only the upper triangle of M is read; the scaling pass mirrors it into the lower one, which the kernels factor.
/// The scaled M̃ survives factorisation: the kernels only overwrite the lower triangle, the diagonal is saved.
/// M is the one m×m array of the solve: formed, scaled and factored in place in the same 64-byte-aligned buffer
/// (<see cref="AlignedBuffer"/>), every iteration, so the native kernels never copy it. On the block-arrow path there
/// is no m×m array: M lives in its nonzero blocks only (<see cref="BlockArrowFactor"/>), formed into them row by row.
/// </summary>
internal sealed class CholeskyFactor
{
    private readonly IDenseKernels _kernels;
    private readonly int _m;
    private readonly double[] _diag;
    private readonly double[] _scale;

    private readonly BlockArrowFactor? _arrow;
    private readonly AlignedBuffer? _buffer;

    /// <param name="kernels">Dense kernels for the factorisations.</param>
    /// <param name="m">Order of M.</param>
    /// <param name="arrow">When given, M is held in block-arrow form and factored by block elimination (<see cref="BlockArrowFactor"/>).</param>
    public CholeskyFactor(IDenseKernels kernels, int m, BlockArrowPlan? arrow = null)
    {
        _kernels = kernels;
        _m = m;
        if (arrow is not null) _arrow = new BlockArrowFactor(kernels, arrow, m);
        else _buffer = AlignedBuffer.Allocate((long)m * m <= AlignedBuffer.MaxLength ? m * m : throw new InsufficientMemoryException($"Schur complement {m}×{m} is too large."));
        _diag = new double[m];
        _scale = new double[m];
        _factorFlops = arrow?.FactorFlops ?? Math.Pow(m, 3) / 3;
        _solveFlops = arrow?.SolveFlops ?? 2.0 * m * m;
        _solveBytes = arrow?.SolveBytes ?? 8.0 * m * m;
    }

    /// <summary>
    /// The dense storage of the matrix to be filled before <see cref="Factor"/>: M_ij is Matrix[<see cref="Offset"/> + i·m + j];
    /// its upper triangle with diagonal (row-major) is read, the strict lower triangle is overwritten. Null on the
    /// block-arrow path (fill <see cref="Arrow"/> instead).
    /// </summary>
    public double[]? Matrix => _buffer?.Array;

    /// <summary>Index of M_00 in <see cref="Matrix"/> (the first element on a 64-byte boundary).</summary>
    public int Offset => _buffer?.Offset ?? 0;

    /// <summary>The block-arrow storage of M (fill it with <see cref="BlockArrowFactor.StoreRow"/>), or null on the dense path.</summary>
    public BlockArrowFactor? Arrow => _arrow;

    /// <summary>Bytes of the arrays that grow with m²: M (m² doubles, with padding) or the block-arrow storage.</summary>
    public long Bytes => _arrow?.Bytes ?? 8L * _buffer!.Array.Length;

    /// <summary>What <see cref="Bytes"/> holds, for the log (the per-buffer accounting of the Schur storage).</summary>
    public string DescribeStorage() => _arrow is not null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"block arrow {_arrow.Describe()}, no m×m matrix (it would be {8.0 * _m * _m / 1e6:F1} MB)")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dense m×m {Bytes / 1e6:F1} MB");

    /// <summary>Flops of the factorisations done so far (m³/3 each dense attempt, <see cref="BlockArrowPlan.FactorFlops"/> each arrow one).</summary>
    public double FactorFlopsDone { get; private set; }

    /// <summary>Flops of the solves with the factors done so far (2m² each dense, <see cref="BlockArrowPlan.SolveFlops"/> each arrow one).</summary>
    public double SolveFlopsDone { get; private set; }

    /// <summary>
    /// Bytes of the factors read by the solves so far: one pass over them per call, whatever its number of columns
    /// (dense 8m², both sweeps over the triangle; arrow <see cref="BlockArrowPlan.SolveBytes"/>). A solve's time cannot
    /// be less than this over the machine's memory bandwidth.
    /// </summary>
    public double SolveBytesDone { get; private set; }

    private readonly double _factorFlops, _solveFlops, _solveBytes;

    /// <summary>The shift δ (relative to the unit scaled diagonal) of the last factorisation; 0 when none was needed.</summary>
    public double Regularization { get; private set; }

    /// <summary>False if even the regularised matrix cannot be factored (non-finite entries or a hopeless M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Factor()
    {
        var m = _m;
        for (var i = 0; i < m; i++)
        {
            var d = Diagonal(i);
            if (!double.IsFinite(d) || d < 0) return false;
            // M_ii = ⟨A_i, X A_i Z⁻¹⟩ = 0 only for an empty A_i: its row and column are zero, so the row is decoupled
            // and a unit pivot gives dy_i = rhs_i = −b_i (y_i then certifies infeasibility when b_i ≠ 0).
            if (d == 0) SetDiagonal(i, d = 1);
            _scale[i] = 1 / Math.Sqrt(d);
        }
        Regularization = 0;
        if (_arrow is not null)
        {
            _arrow.Scale(_scale);
            return FactorArrow();
        }
        var (a, o) = (Matrix!, Offset);
        ScaleAndMirror();
        for (var i = 0; i < m; i++) _diag[i] = a[o + i * m + i];
        FactorFlopsDone += _factorFlops;
        if (_kernels.Cholesky(a, o, m)) return true;
        var delta = 1e-13;
        for (var attempt = 0; attempt < 8; attempt++, delta *= 10)
        {
            RestoreLower();
            for (var i = 0; i < m; i++) a[o + i * m + i] = _diag[i] + delta;
            FactorFlopsDone += _factorFlops;
            if (!_kernels.Cholesky(a, o, m)) continue;
            Regularization = delta;
            return true;
        }
        return false;
    }

    private double Diagonal(int i) => _arrow?.Diagonal(i) ?? _buffer!.Array[_buffer.Offset + (long)i * _m + i];

    private void SetDiagonal(int i, double value)
    {
        if (_arrow is not null) _arrow.SetDiagonal(i, value);
        else _buffer!.Array[_buffer.Offset + (long)i * _m + i] = value;
    }

    /// <summary>The same shifts as the dense path, on the block elimination (which keeps M̃ beside its factors).</summary>
    private bool FactorArrow()
    {
        FactorFlopsDone += _factorFlops;
        if (_arrow!.Factor(0)) return true;
        var delta = 1e-13;
        for (var attempt = 0; attempt < 8; attempt++, delta *= 10)
        {
            FactorFlopsDone += _factorFlops;
            if (!_arrow.Factor(delta)) continue;
            Regularization = delta;
            return true;
        }
        return false;
    }

    /// <summary>x ← (L Lᵀ)⁻¹ x with the last factorisation, dense or block-arrow.</summary>
    private void SolveFactored(double[] x)
    {
        SolveFlopsDone += _solveFlops;
        SolveBytesDone += _solveBytes;
        if (_arrow is not null) _arrow.Solve(x);
        else if (_m >= ParallelTriangularSolve.MinOrder) ParallelTriangularSolve.Solve(Matrix!, Offset, _m, x, 0, 1);
        else _kernels.CholeskySolve(Matrix!, Offset, _m, x);
    }

    /// <summary>Rows (and columns) per tile of the scaling pass: a 64×64 tile of doubles (32 KB) stays in cache.</summary>
    private const int Tile = 64;

    /// <summary>
    /// M̃_ij = M_ij / √(M_ii M_jj) on the upper triangle, and M̃_ji = M̃_ij: one pass in 64×64 tiles (a cache-friendly
    /// transpose). Sequential: ≈ 0.6 ms at m = 867 against ≈ 8 ms for the factorisation, and a parallel loop loses more
    /// than that whenever the machine is busy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScaleAndMirror()
    {
        var m = _m;
        var (a, o) = (Matrix!, Offset);
        var s = _scale;
        for (var i0 = 0; i0 < m; i0 += Tile)
        for (var j0 = i0; j0 < m; j0 += Tile)
        for (var i = i0; i < Math.Min(m, i0 + Tile); i++)
        {
            var si = s[i];
            for (var j = Math.Max(i, j0); j < Math.Min(m, j0 + Tile); j++)
            {
                var v = a[o + i * m + j] * si * s[j];
                a[o + i * m + j] = v;
                a[o + j * m + i] = v;
            }
        }
    }

    /// <summary>
    /// Solves M dy = r (r is not modified) through the scaled system. After a regularised factorisation, up to three
    /// refinement steps (while the residual halves) recover the solution of the unshifted system; otherwise the
    /// caller refines against the exact operator instead (InteriorPointSolver.RefinePrimal), which also catches
    /// errors made in forming M, so a refinement here would only cost two more passes over M.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Solve(double[] rhs)
    {
        // M dy = r  ⇔  M̃ (D⁻¹ dy) = D r.
        var r = new double[_m];
        for (var i = 0; i < _m; i++) r[i] = _scale[i] * rhs[i];
        var x = (double[])r.Clone();
        SolveFactored(x);
        if (Regularization == 0) return Unscale(x);
        var best = ResidualNorm(r, x, out var res);
        for (var step = 0; step < 3 && best > 0; step++)
        {
            SolveFactored(res);
            var trial = new double[_m];
            for (var i = 0; i < _m; i++) trial[i] = x[i] + res[i];
            var norm = ResidualNorm(r, trial, out var nextRes);
            if (!(norm < 0.5 * best)) break;
            (x, best, res) = (trial, norm, nextRes);
        }
        return Unscale(x);
    }

    /// <summary>
    /// Solves M dy_c = r_c for several right-hand sides known together (none is modified) with one pass over the
    /// factor: the columns go to the triangular solves as one m×k block (dtrsm), so reading L — 8m² bytes, the cost of
    /// a solve — is shared. After a regularised factorisation each column takes <see cref="Solve(double[])"/>'s
    /// refinement instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[][] Solve(IReadOnlyList<double[]> rhs)
    {
        var k = rhs.Count;
        if (k == 1 || Regularization != 0) return rhs.Select(Solve).ToArray();
        var m = _m;
        var rows = new double[k * m];
        for (var c = 0; c < k; c++)
        for (var i = 0; i < m; i++) rows[c * m + i] = _scale[i] * rhs[c][i];
        SolveFlopsDone += k * _solveFlops;
        SolveBytesDone += _solveBytes;
        if (_arrow is not null) _arrow.Solve(rows, k);
        else if (m >= ParallelTriangularSolve.MinOrder) ParallelTriangularSolve.Solve(Matrix!, Offset, m, rows, 0, k);
        else
        {
            _kernels.ForwardSolveRows(Matrix!, Offset, m, rows, 0, k);
            _kernels.BackwardSolveRows(Matrix!, Offset, m, rows, 0, k);
        }
        var x = new double[k][];
        for (var c = 0; c < k; c++) x[c] = Unscale(rows.AsSpan(c * m, m).ToArray());
        return x;
    }

    /// <summary>dy = D x.</summary>
    private double[] Unscale(double[] x)
    {
        for (var i = 0; i < _m; i++) x[i] *= _scale[i];
        return x;
    }

    /// <summary>‖r − M̃ x‖₂ with M̃ read from the untouched strict upper triangle and the saved diagonal (dense or arrow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ResidualNorm(double[] r, double[] x, out double[] res)
    {
        var m = _m;
        var mx = new double[m];
        if (_arrow is not null) _arrow.Multiply(x, mx);
        else
        {
            var (a, o) = (Matrix!, Offset);
            for (var i = 0; i < m; i++)
            {
                var s = _diag[i] * x[i] + ManagedKernels.Dot(a, o + i * m + i + 1, x, i + 1, m - i - 1);
                mx[i] += s;
                // Upper row i also holds column i of the lower part: M_ji = M_ij for j > i.
                ManagedKernels.Axpy(x[i], a, o + i * m + i + 1, mx, i + 1, m - i - 1);
            }
        }
        res = new double[m];
        var norm = 0.0;
        for (var i = 0; i < m; i++)
        {
            res[i] = r[i] - mx[i];
            norm += res[i] * res[i];
        }
        return Math.Sqrt(norm);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RestoreLower()
    {
        var (a, o) = (Matrix!, Offset);
        for (var i = 0; i < _m; i++)
        for (var j = 0; j < i; j++) a[o + i * _m + j] = a[o + j * _m + i];
    }
}
