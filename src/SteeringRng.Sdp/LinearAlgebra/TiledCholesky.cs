using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// The large Schur factorisation on every core, as a right-looking tiled Cholesky whose tile operations are
/// single-threaded BLAS calls handed out dynamically. In LAPACK's column-major 'U' form (a row-major lower triangle,
/// as <see cref="NativeLapack"/> uses it) with tiles A_ij (i ≤ j), for k = 0, 1, …:
/// <code>
///   U_kk = chol(A_kk)                   A_kk = U_kkᵀ U_kk               (dpotrf)
///   U_kj = U_kk⁻ᵀ A_kj                  j > k, in parallel              (dtrsm)
///   A_ij ← A_ij − U_kiᵀ U_kj            k &lt; i ≤ j, in parallel          (dgemm; dsyrk on the diagonal)
/// </code>
/// Why not OpenBLAS's own threads: they split each call statically, so with one core busy with other work the
/// factorisation waited for the slower half (GHZ4 level 2, m = 1552: 2.1–2.3× its quiet time beside one busy core,
/// against 1.2× for the dynamically scheduled Schur formation). Tiles go to whichever thread is free. Each tile is
/// written by one task per step and the steps run in order, so the result does not depend on the scheduling: it is
/// the same bit for bit from run to run. Only the upper triangle (column-major) is touched, as by dpotrf, so a
/// failed factorisation can be restored from the other triangle.
/// </summary>
internal static unsafe class TiledCholesky
{
    /// <summary>Tile edge (a multiple of 8, so tiles start on 64-byte boundaries within a column).</summary>
    private const int Tile = 256;

    public static bool Factor(NativeLapack kernels, double[] a, int offset, int n)
    {
        var tiles = Math.Max(1, (n + Tile / 2) / Tile);
        var edge = new int[tiles + 1];
        for (var t = 1; t < tiles; t++) edge[t] = (int)((long)t * n / tiles) / 8 * 8;
        edge[tiles] = n;
        using var pa = new AlignedOperand(a, offset, n * n, writeBack: true);
        var p = (nint)pa.Pointer;
        var pairs = new List<(int I, int J)>();
        for (var k = 0; k < tiles; k++)
        {
            var (k0, kn) = (edge[k], edge[k + 1] - edge[k]);
            if (!kernels.PotrfUpper(At(p, n, k0, k0), kn, n)) return false;
            if (k == tiles - 1) break;
            CoreShare.For(k + 1, tiles, j =>
                kernels.SolveUpperTransposed(At(p, n, k0, k0), kn, edge[j + 1] - edge[j], At(p, n, k0, edge[j]), n));
            pairs.Clear();
            for (var j = k + 1; j < tiles; j++)
            for (var i = k + 1; i <= j; i++) pairs.Add((i, j));
            CoreShare.For(0, pairs.Count, q =>
            {
                var (i, j) = pairs[q];
                var (i0, ni, j0, nj) = (edge[i], edge[i + 1] - edge[i], edge[j], edge[j + 1] - edge[j]);
                if (i == j) kernels.SubtractTransposedSquare(At(p, n, k0, i0), At(p, n, i0, i0), ni, kn, n);
                else kernels.SubtractTransposedProduct(At(p, n, k0, i0), At(p, n, k0, j0), At(p, n, i0, j0), ni, nj, kn, n);
            });
        }
        return true;
    }

    /// <summary>Address of element (row r, column c) of the column-major n×n matrix at p.</summary>
    private static double* At(nint p, int n, int r, int c) => (double*)p + r + (long)c * n;
}
