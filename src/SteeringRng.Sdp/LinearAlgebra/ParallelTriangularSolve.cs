using System.Runtime.CompilerServices;
using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// L Lᵀ x = b for a few right-hand sides on every core, with L the row-major lower triangle of an m×m array (as
/// <see cref="IDenseKernels.Cholesky(double[], int, int)"/> leaves it) and the right-hand sides stored as rows of
/// length m. A solve with one column reads the triangle twice for 2m² flops, so its time is the time to stream L from
/// memory: OpenBLAS's dtrsm with one column runs on one thread at about 10 GB/s here (I3322 L4, m = 4491: 15.8 ms for
/// the 161 MB of both sweeps), while the machine streams 34–46 GB/s on two cores (numpy's dgemv 36.7 GB/s at that
/// order; docs/peers.md "Ceilings of the phases"). Both sweeps are therefore split into panels of <see cref="Panel"/> rows
/// whose off-diagonal part is a matrix–vector product over rows in parallel:
/// <code>
///   forward,  rows I = [k, k+P):  y_I = L_II⁻¹ (b_I − L[I, 0:k] y[0:k])      (one dot product per row of I)
///   backward, rows J = [k, k+P):  x_J = L_JJ⁻ᵀ y_J,  then  y[0:k] −= L[J, 0:k]ᵀ x_J   (the rows of J read once)
/// </code>
/// Both read L by long row segments (a column of L is m doubles apart). Every entry of the result is computed by one
/// thread in a fixed order (the forward sweep's dot products per row; the backward update per fixed piece of
/// <see cref="RowPiece"/> rows into its own partial vector, the partials subtracted in order), so the bits do not depend on the number of workers.
/// </summary>
internal static class ParallelTriangularSolve
{
    /// <summary>
    /// Orders from which the solver's dense Schur solves take this path. Measured against dtrsm (one column, both
    /// sweeps, best of 12): m = 1552 0.78 against 0.85 ms, two columns 1.33 against 0.94 (at 19 MB the factor still
    /// streams well on one thread); m = 2048 0.8 against 2.4 ms; m = 4491 7.0–7.6 against 14–15 ms.
    /// </summary>
    public const int MinOrder = 2048;

    /// <summary>Rows per diagonal panel: a panel's triangle (256²/2 doubles, 256 KB) stays in the core's cache.</summary>
    private const int Panel = 256;

    /// <summary>Rows per parallel piece of either sweep's products (fixed: the bits must not depend on the core count).</summary>
    private const int RowPiece = 32;

    /// <summary>x ← (L Lᵀ)⁻¹ x for <paramref name="count"/> right-hand sides stored as rows x[xo + c·m ..].</summary>
    public static void Solve(double[] a, int o, int m, double[] x, int xo, int count)
    {
        Forward(a, o, m, x, xo, count);
        Backward(a, o, m, x, xo, count);
    }

    /// <summary>x ← L⁻¹ x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(double[] a, int o, int m, double[] x, int xo, int count)
    {
        for (var k = 0; k < m; k += Panel)
        {
            var end = Math.Min(m, k + Panel);
            if (k > 0)
            {
                var start = k;
                CoreShare.For(0, (end - start + RowPiece - 1) / RowPiece, p =>
                {
                    for (var i = start + p * RowPiece; i < Math.Min(end, start + (p + 1) * RowPiece); i++)
                        SubtractRowDots(a, o + i * m, x, xo, m, i, start, count);
                });
            }
            for (var i = k; i < end; i++)
            {
                var lii = a[o + i * m + i];
                for (var c = 0; c < count; c++)
                {
                    var at = xo + c * m;
                    x[at + i] = (x[at + i] - StreamKernels.Dot(a, o + i * m + k, x, at + k, i - k)) / lii;
                }
            }
        }
    }

    /// <summary>x ← L⁻ᵀ x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(double[] a, int o, int m, double[] x, int xo, int count)
    {
        double[]? partial = null;
        for (var k = (m - 1) / Panel * Panel; k >= 0; k -= Panel)
        {
            var end = Math.Min(m, k + Panel);
            // The panel's own triangle, from its last row up (the panels below have already been subtracted): x_i is
            // final once the rows below it in the panel are, then row i's segment L[i, k..i) carries x_i upwards.
            for (var i = end - 1; i >= k; i--)
            {
                var lii = a[o + i * m + i];
                for (var c = 0; c < count; c++)
                {
                    var at = xo + c * m;
                    var xi = x[at + i] /= lii;
                    StreamKernels.Axpy(-xi, a, o + i * m + k, x, at + k, i - k);
                }
            }
            if (k == 0) break;
            // x[0..k) −= Σ_(i in panel) x_i · L[i, 0..k): each piece of RowPiece rows sums its rows (long contiguous
            // segments, which the prefetcher streams) into its own partial vector, and the partials are subtracted in
            // piece order.
            var (start, stop) = (k, end);
            var pieces = (stop - start + RowPiece - 1) / RowPiece;
            if (partial is null || partial.Length < pieces * count * start) partial = new double[pieces * count * start];
            var part = partial;
            CoreShare.For(0, pieces, p =>
            {
                Array.Clear(part, p * count * start, count * start);
                for (var i = start + p * RowPiece; i < Math.Min(stop, start + (p + 1) * RowPiece); i++)
                    AddScaledRow(a, o + i * m, x, xo, m, i, part, p * count * start, start, count);
            });
            for (var p = 0; p < pieces; p++)
            for (var c = 0; c < count; c++)
                StreamKernels.Axpy(-1, part, (p * count + c) * start, x, xo + c * m, start);
        }
    }

    /// <summary>x_c[i] −= L[i, 0..len) · x_c[0..len) for every column c (pairs of columns share the row's loads).</summary>
    private static void SubtractRowDots(double[] a, int row, double[] x, int xo, int m, int i, int len, int count)
    {
        var c = 0;
        for (; c + 1 < count; c += 2)
        {
            var (d0, d1) = StreamKernels.Dot2(a, row, x, xo + c * m, x, xo + (c + 1) * m, len);
            x[xo + c * m + i] -= d0;
            x[xo + (c + 1) * m + i] -= d1;
        }
        if (c < count) x[xo + c * m + i] -= StreamKernels.Dot(a, row, x, xo + c * m, len);
    }

    /// <summary>part_c[0..len) += x_c[i] · L[i, 0..len) for every column c (part_c at part[at + c·len ..]).</summary>
    private static void AddScaledRow(double[] a, int row, double[] x, int xo, int m, int i, double[] part, int at, int len, int count)
    {
        var c = 0;
        for (; c + 1 < count; c += 2)
            StreamKernels.Axpy2(x[xo + c * m + i], x[xo + (c + 1) * m + i], a, row, part, at + c * len, part, at + (c + 1) * len, len);
        if (c < count) StreamKernels.Axpy(x[xo + c * m + i], a, row, part, at + c * len, len);
    }
}
