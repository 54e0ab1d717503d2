using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Managed dense kernels on <see cref="Vector{T}"/>: a blocked right-looking Cholesky whose trailing update
/// A22 −= L21 L21ᵀ runs a 4×(2·W) register-tiled micro-kernel (W = Vector&lt;double&gt;.Count) over a packed copy of
/// the panel, parallel over row tiles; row-axpy triangular solves; a tiled product; Householder tridiagonalisation
/// with Sturm bisection for the smallest eigenvalue (<see cref="SymmetricEigen"/>).
/// </summary>
internal sealed class ManagedKernels : IDenseKernels
{
    public static readonly ManagedKernels Instance = new();
    private const int PanelWidth = 64;
    private const int ParallelThreshold = 192;
    private static readonly bool UseFma = Vector.IsHardwareAccelerated && Fma.IsSupported;
    private static readonly int W = Vector<double>.Count;

    public string Name => "managed";

    public bool Cholesky(double[] a, int n) => Cholesky(a, 0, n);

    /// <summary>The matrix is a[o + i·n + j]: every index below is shifted by the offset o.</summary>
    public bool Cholesky(double[] a, int o, int n)
    {
        for (var k0 = 0; k0 < n; k0 += PanelWidth)
        {
            var kb = Math.Min(PanelWidth, n - k0);
            if (!FactorDiagonalBlock(a, o, n, k0, kb)) return false;
            var start = k0 + kb;
            if (start >= n) break;
            SolvePanel(a, o, n, k0, kb, start);
            UpdateTrailing(a, o, n, k0, kb, start);
        }
        return true;
    }

    /// <summary>L_ij = (A_ij − Σ_{k0≤k&lt;j} L_ik L_jk) / L_jj on the kb×kb diagonal block (earlier panels already subtracted).</summary>
    private static bool FactorDiagonalBlock(double[] a, int o, int n, int k0, int kb)
    {
        for (var i = k0; i < k0 + kb; i++)
        for (var j = k0; j <= i; j++)
        {
            var s = a[o + i * n + j] - Dot(a, o + i * n + k0, a, o + j * n + k0, j - k0);
            if (i == j)
            {
                if (!(s > 0) || !double.IsFinite(s)) return false;
                a[o + i * n + i] = Math.Sqrt(s);
            }
            else a[o + i * n + j] = s / a[o + j * n + j];
        }
        return true;
    }

    /// <summary>L21 L11ᵀ = A21, one row at a time (rows independent).</summary>
    private static void SolvePanel(double[] a, int o, int n, int k0, int kb, int start)
    {
        void Row(int i)
        {
            for (var j = k0; j < k0 + kb; j++)
                a[o + i * n + j] = (a[o + i * n + j] - Dot(a, o + i * n + k0, a, o + j * n + k0, j - k0)) / a[o + j * n + j];
        }
        if (n - start >= ParallelThreshold) CoreShare.For(start, n, Row);
        else for (var i = start; i < n; i++) Row(i);
    }

    /// <summary>A22[i, j] −= Σ_k L21[i, k] L21[j, k] for start ≤ j ≤ i (lower triangle only).</summary>
    private static void UpdateTrailing(double[] a, int o, int n, int k0, int kb, int start)
    {
        var rem = n - start;
        var chunk = 2 * W;
        var chunks = (rem + chunk - 1) / chunk;
        // Panel packed by column chunks: pp[(c·kb + k)·chunk + t] = L[start + c·chunk + t, k0 + k] (zero past the end),
        // so the micro-kernel streams one contiguous kb×chunk slab per chunk of columns.
        var pp = new double[chunks * kb * chunk];
        for (var jj = 0; jj < rem; jj++)
        {
            var (c, t) = (jj / chunk, jj % chunk);
            var row = o + (start + jj) * n + k0;
            for (var k = 0; k < kb; k++) pp[(c * kb + k) * chunk + t] = a[row + k];
        }
        var tiles = (rem + 3) / 4;
        void Tile(int tile)
        {
            var i0 = start + 4 * tile;
            var rows = Math.Min(4, n - i0);
            // Columns [start, i0) are strictly below the diagonal for every row of the tile: vector micro-kernel.
            var full = rows == 4 ? (i0 - start) / chunk : 0;
            if (full > 0)
            {
                // The tile's four panel rows interleaved: ar[4k + r] = L[i0 + r, k0 + k].
                var ar = new double[4 * kb];
                for (var r = 0; r < 4; r++)
                for (var k = 0; k < kb; k++) ar[4 * k + r] = a[o + (i0 + r) * n + k0 + k];
                for (var c = 0; c < full; c++) MicroKernel(a, o, n, pp, c * kb * chunk, ar, kb, i0, start + c * chunk);
            }
            // The rest of each row up to its diagonal: scalar.
            for (var r = 0; r < rows; r++)
            {
                var i = i0 + r;
                for (var j = start + full * chunk; j <= i; j++)
                {
                    var (c, t) = ((j - start) / chunk, (j - start) % chunk);
                    var s = 0.0;
                    for (var k = 0; k < kb; k++) s += a[o + i * n + k0 + k] * pp[(c * kb + k) * chunk + t];
                    a[o + i * n + j] -= s;
                }
            }
        }
        if (rem >= ParallelThreshold) CoreShare.For(0, tiles, Tile);
        else for (var t = 0; t < tiles; t++) Tile(t);
    }

    /// <summary>C[i0..i0+4, j..j+2W) −= Σ_k ar[4k + r] · slab[k, :], accumulated in eight vector registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MicroKernel(double[] a, int o, int n, double[] pp, int slab, double[] ar, int kb, int i0, int j)
    {
        Vector<double> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<double> c20 = default, c21 = default, c30 = default, c31 = default;
        ref var b = ref MemoryMarshal.GetArrayDataReference(pp);
        ref var x = ref MemoryMarshal.GetArrayDataReference(ar);
        _ = pp[slab + kb * 2 * W - 1]; // one bounds check for the whole slab
        _ = ar[4 * kb - 1];
        for (var k = 0; k < kb; k++)
        {
            var b0 = Vector.LoadUnsafe(ref b, (nuint)(slab + 2 * W * k));
            var b1 = Vector.LoadUnsafe(ref b, (nuint)(slab + 2 * W * k + W));
            ref var xk = ref Unsafe.Add(ref x, 4 * k);
            var x0 = new Vector<double>(xk);
            var x1 = new Vector<double>(Unsafe.Add(ref xk, 1));
            var x2 = new Vector<double>(Unsafe.Add(ref xk, 2));
            var x3 = new Vector<double>(Unsafe.Add(ref xk, 3));
            c00 = Fmadd(x0, b0, c00); c01 = Fmadd(x0, b1, c01);
            c10 = Fmadd(x1, b0, c10); c11 = Fmadd(x1, b1, c11);
            c20 = Fmadd(x2, b0, c20); c21 = Fmadd(x2, b1, c21);
            c30 = Fmadd(x3, b0, c30); c31 = Fmadd(x3, b1, c31);
        }
        Sub(a, o + i0 * n + j, c00, c01);
        Sub(a, o + (i0 + 1) * n + j, c10, c11);
        Sub(a, o + (i0 + 2) * n + j, c20, c21);
        Sub(a, o + (i0 + 3) * n + j, c30, c31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Fmadd(Vector<double> x, Vector<double> y, Vector<double> acc) =>
        UseFma ? Vector.FusedMultiplyAdd(x, y, acc) : acc + x * y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sub(double[] a, int at, Vector<double> v0, Vector<double> v1)
    {
        (new Vector<double>(a, at) - v0).CopyTo(a, at);
        (new Vector<double>(a, at + W) - v1).CopyTo(a, at + W);
    }

    public void SubtractGramLower(double[] a, int aOffset, int rows, int k, double[] c, int cOffset)
    {
        void Row(int i)
        {
            for (var j = 0; j <= i; j++) c[cOffset + i * rows + j] -= Dot(a, aOffset + i * k, a, aOffset + j * k, k);
        }
        // Each row of C is written by one iteration only, so the rows may run in parallel with the same bits.
        if ((long)rows * rows * k >= 1L << 22) CoreShare.For(0, rows, Row);
        else for (var i = 0; i < rows; i++) Row(i);
    }

    /// <summary>Σ_{k&lt;len} x[xi + k]·y[yi + k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double Dot(double[] x, int xi, double[] y, int yi, int len)
    {
        var acc = Vector<double>.Zero;
        var k = 0;
        for (; k + W <= len; k += W) acc = Fmadd(new Vector<double>(x, xi + k), new Vector<double>(y, yi + k), acc);
        var s = Vector.Sum(acc);
        for (; k < len; k++) s += x[xi + k] * y[yi + k];
        return s;
    }

    /// <summary>y[yi..yi+len) += α·x[xi..xi+len).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Axpy(double alpha, double[] x, int xi, double[] y, int yi, int len)
    {
        var va = new Vector<double>(alpha);
        var k = 0;
        for (; k + W <= len; k += W) Fmadd(va, new Vector<double>(x, xi + k), new Vector<double>(y, yi + k)).CopyTo(y, yi + k);
        for (; k < len; k++) y[yi + k] += alpha * x[xi + k];
    }

    public void CholeskySolve(double[] l, int n, double[] b) => CholeskySolve(l, 0, n, b);

    public void CholeskySolve(double[] l, int o, int n, double[] b)
    {
        // L u = b (forward), then Lᵀ x = u (backward, column-oriented on the row-major L).
        for (var i = 0; i < n; i++) b[i] = (b[i] - Dot(l, o + i * n, b, 0, i)) / l[o + i * n + i];
        for (var i = n - 1; i >= 0; i--)
        {
            b[i] /= l[o + i * n + i];
            var bi = b[i];
            for (var k = 0; k < i; k++) b[k] -= l[o + i * n + k] * bi;
        }
    }

    public void ForwardSolveRows(double[] l, int n, double[] rows, int count) => ForwardSolveRows(l, 0, n, rows, 0, count);

    public void BackwardSolveRows(double[] l, int n, double[] rows, int count) => BackwardSolveRows(l, 0, n, rows, 0, count);

    public void ForwardSolveRows(double[] l, int lo, int n, double[] rows, int ro, int count)
    {
        for (var r = 0; r < count; r++)
        {
            var o = ro + r * n;
            for (var i = 0; i < n; i++) rows[o + i] = (rows[o + i] - Dot(l, lo + i * n, rows, o, i)) / l[lo + i * n + i];
        }
    }

    public void BackwardSolveRows(double[] l, int lo, int n, double[] rows, int ro, int count)
    {
        for (var r = 0; r < count; r++)
        {
            var o = ro + r * n;
            for (var i = n - 1; i >= 0; i--)
            {
                var xi = rows[o + i] /= l[lo + i * n + i];
                Axpy(-xi, l, lo + i * n, rows, o, i);
            }
        }
    }

    public void CholeskyInverse(double[] l, int n, double[] inv)
    {
        // T = L⁻¹ (rows: T_i = (e_i − Σ_{k<i} L_ik T_k)/L_ii), then inv = L⁻ᵀ T (rows from the bottom).
        var t = new double[n * n];
        ForwardRows(l, n, t, identity: true);
        for (var i = n - 1; i >= 0; i--)
        {
            Array.Copy(t, i * n, inv, i * n, n);
            for (var k = i + 1; k < n; k++) Axpy(-l[k * n + i], inv, k * n, inv, i * n, n);
            var d = 1.0 / l[i * n + i];
            for (var j = 0; j < n; j++) inv[i * n + j] *= d;
        }
        // Rounding leaves the two triangles slightly different; the Schur formulas and the search direction must see
        // one symmetric Z⁻¹ (as LAPACK's dpotri gives), or M and the exact operator disagree near the optimum.
        Symmetrize(inv, n);
    }

    /// <summary>s ← L⁻¹ s (row-oriented forward substitution); with identity=true s starts as I.</summary>
    private static void ForwardRows(double[] l, int n, double[] s, bool identity)
    {
        if (identity) { Array.Clear(s); for (var i = 0; i < n; i++) s[i * n + i] = 1; }
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                var lik = l[i * n + k];
                if (lik != 0) Axpy(-lik, s, k * n, s, i * n, n);
            }
            var d = 1.0 / l[i * n + i];
            for (var j = 0; j < n; j++) s[i * n + j] *= d;
        }
    }

    public void CongruenceByInverseFactor(double[] l, int n, double[] s)
    {
        // T = L⁻¹ S; since S is symmetric, L⁻¹ S L⁻ᵀ = L⁻¹ Tᵀ.
        ForwardRows(l, n, s, identity: false);
        Transpose(s, n);
        ForwardRows(l, n, s, identity: false);
        Symmetrize(s, n);
    }

    public void Multiply(double[] a, double[] b, double[] c, int n)
    {
        // c_i = Σ_k a_ik b_k (row axpys over contiguous rows of b).
        void Row(int i)
        {
            Array.Clear(c, i * n, n);
            for (var k = 0; k < n; k++)
            {
                var aik = a[i * n + k];
                if (aik != 0) Axpy(aik, b, k * n, c, i * n, n);
            }
        }
        if (n >= ParallelThreshold) CoreShare.For(0, n, Row);
        else for (var i = 0; i < n; i++) Row(i);
    }

    public double MinEigenvalue(double[] s, int n) => SymmetricEigen.MinEigenvalue(s, n);

    internal static void Transpose(double[] s, int n)
    {
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++) (s[i * n + j], s[j * n + i]) = (s[j * n + i], s[i * n + j]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Symmetrize(double[] s, int n)
    {
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++) s[i * n + j] = s[j * n + i] = 0.5 * (s[i * n + j] + s[j * n + i]);
    }
}
