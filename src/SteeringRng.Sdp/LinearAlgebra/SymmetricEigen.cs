namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Smallest eigenvalue of a dense symmetric matrix: Householder reduction to tridiagonal form T = Qᵀ A Q
/// (Golub–Van Loan §8.3.1, ≈ 4n³/3 flops), then bisection on the Sturm count of T (Golub–Van Loan §8.4.1).
/// Only λmin is needed (maximal steps and DIMACS errors 2 and 4), so no eigenvectors and no QR sweeps.
/// </summary>
internal static class SymmetricEigen
{
    /// <summary>λmin(A) for row-major full symmetric A; A is overwritten.</summary>
    public static double MinEigenvalue(double[] a, int n)
    {
        if (n == 1) return a[0];
        var (d, e) = Tridiagonalize(a, n);
        return SmallestTridiagonal(d, e);
    }

    /// <summary>Returns the diagonal d and off-diagonal e of T (|e| only matters for the Sturm count).</summary>
    internal static (double[] D, double[] E) Tridiagonalize(double[] a, int n)
    {
        var d = new double[n];
        var e = new double[n - 1];
        var v = new double[n];
        var p = new double[n];
        for (var k = 0; k < n - 2; k++)
        {
            // x = A[k+1.., k] (= row k to the right, by symmetry). H = I − β v vᵀ maps x to α e₁ with α = −sign(x₀)‖x‖.
            var m = n - k - 1;
            var off = k + 1;
            var norm = Math.Sqrt(ManagedKernels.Dot(a, k * n + off, a, k * n + off, m));
            d[k] = a[k * n + k];
            if (norm == 0) { e[k] = 0; continue; }
            var x0 = a[k * n + off];
            var alpha = x0 >= 0 ? -norm : norm;
            for (var i = 0; i < m; i++) v[i] = a[k * n + off + i];
            v[0] -= alpha;
            var beta = 1.0 / (alpha * alpha - alpha * x0); // 2 / vᵀv, vᵀv = 2(α² − α x₀)
            // p = β A₂₂ v, w = p − (β pᵀv / 2) v, A₂₂ ← A₂₂ − v wᵀ − w vᵀ.
            for (var i = 0; i < m; i++) p[i] = beta * ManagedKernels.Dot(a, (off + i) * n + off, v, 0, m);
            var kk = 0.5 * beta * ManagedKernels.Dot(p, 0, v, 0, m);
            for (var i = 0; i < m; i++) p[i] -= kk * v[i];
            for (var i = 0; i < m; i++)
            {
                var row = (off + i) * n + off;
                ManagedKernels.Axpy(-v[i], p, 0, a, row, m);
                ManagedKernels.Axpy(-p[i], v, 0, a, row, m);
            }
            e[k] = alpha;
        }
        d[n - 2] = a[(n - 2) * n + n - 2];
        d[n - 1] = a[(n - 1) * n + n - 1];
        e[n - 2] = a[(n - 1) * n + n - 2];
        return (d, e);
    }

    /// <summary>Bisection on the Sturm count: #(eigenvalues &lt; x) = #(negative pivots of T − xI = LDLᵀ).</summary>
    internal static double SmallestTridiagonal(double[] d, double[] e)
    {
        var n = d.Length;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var r = (i > 0 ? Math.Abs(e[i - 1]) : 0) + (i < n - 1 ? Math.Abs(e[i]) : 0);
            lo = Math.Min(lo, d[i] - r);
            hi = Math.Max(hi, d[i] + r);
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return double.NaN;
        var scale = Math.Max(Math.Abs(lo), Math.Abs(hi));
        if (scale == 0) return 0;
        var tiny = double.Epsilon * 1e10 + 1e-300;
        for (var iter = 0; iter < 200 && hi - lo > 4e-16 * scale; iter++)
        {
            var x = 0.5 * (lo + hi);
            var count = 0;
            var q = d[0] - x;
            if (q < 0) count++;
            for (var i = 1; i < n && count == 0; i++)
            {
                if (q == 0) q = tiny;
                q = d[i] - x - e[i - 1] * e[i - 1] / q;
                if (q < 0) count++;
            }
            if (count >= 1) hi = x; else lo = x;
        }
        return 0.5 * (lo + hi);
    }
}
