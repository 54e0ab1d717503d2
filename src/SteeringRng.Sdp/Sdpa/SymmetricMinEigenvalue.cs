namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// Smallest eigenvalue of a dense real symmetric matrix: Householder reduction to tridiagonal form T = QᵀAQ
/// (same spectrum), then bisection on T with Sturm counts. O(4/3 n³) for the reduction, O(n) per bisection step.
/// </summary>
public static class SymmetricMinEigenvalue
{
    /// <summary>λmin of the symmetric n×n row-major matrix (only its lower triangle is read; not modified).</summary>
    public static double Compute(double[] matrix, int n)
    {
        if (n == 0) return double.PositiveInfinity;
        var (d, e) = Tridiagonalize((double[])matrix.Clone(), n);
        return SmallestByBisection(d, e);
    }

    /// <summary>
    /// Reflects column k below the subdiagonal to zero with H = I − 2vvᵀ and updates the trailing block:
    /// H A H = A − 2(v wᵀ + w vᵀ), with p = A v, w = p − (vᵀp) v. Returns the diagonal d and subdiagonal e.
    /// </summary>
    private static (double[] D, double[] E) Tridiagonalize(double[] a, int n)
    {
        var d = new double[n];
        var e = new double[Math.Max(n - 1, 0)];
        var v = new double[n];
        var p = new double[n];
        for (var k = 0; k < n - 2; k++)
        {
            double norm = 0;
            for (var i = k + 1; i < n; i++) norm += a[i * n + k] * a[i * n + k];
            norm = Math.Sqrt(norm);
            d[k] = a[k * n + k];
            if (norm == 0) { e[k] = 0; continue; }
            var x0 = a[(k + 1) * n + k];
            var alpha = x0 >= 0 ? -norm : norm;
            // v = x − α e1, normalised; ‖v‖² = 2(‖x‖² − α x0) = 2‖x‖(‖x‖ + |x0|).
            var vNorm = Math.Sqrt(2 * norm * (norm + Math.Abs(x0)));
            for (var i = k + 1; i < n; i++) v[i] = a[i * n + k] / vNorm;
            v[k + 1] = (x0 - alpha) / vNorm;
            double kappa = 0;
            for (var i = k + 1; i < n; i++)
            {
                double s = 0;
                for (var j = k + 1; j <= i; j++) s += a[i * n + j] * v[j];
                for (var j = i + 1; j < n; j++) s += a[j * n + i] * v[j];
                p[i] = s;
                kappa += v[i] * s;
            }
            for (var i = k + 1; i < n; i++) p[i] -= kappa * v[i];
            for (var i = k + 1; i < n; i++)
            for (var j = k + 1; j <= i; j++)
                a[i * n + j] -= 2 * (v[i] * p[j] + p[i] * v[j]);
            e[k] = alpha;
        }
        if (n >= 2)
        {
            d[n - 2] = a[(n - 2) * n + n - 2];
            e[n - 2] = a[(n - 1) * n + n - 2];
        }
        d[n - 1] = a[(n - 1) * n + n - 1];
        return (d, e);
    }

    /// <summary>Bisection for the smallest eigenvalue of the tridiagonal (d, e) inside its Gershgorin interval.</summary>
    private static double SmallestByBisection(double[] d, double[] e)
    {
        var n = d.Length;
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var radius = (i > 0 ? Math.Abs(e[i - 1]) : 0) + (i < n - 1 ? Math.Abs(e[i]) : 0);
            lo = Math.Min(lo, d[i] - radius);
            hi = Math.Max(hi, d[i] + radius);
        }
        var scale = Math.Max(Math.Abs(lo), Math.Abs(hi));
        if (scale == 0) return 0;
        lo -= 1e-14 * scale;
        hi += 1e-14 * scale;
        for (var iteration = 0; iteration < 200 && hi - lo > 4e-16 * scale; iteration++)
        {
            var mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (CountBelow(d, e, mid, scale) >= 1) hi = mid; else lo = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>Sturm count: the number of eigenvalues below x is the number of negative pivots of T − xI.</summary>
    private static int CountBelow(double[] d, double[] e, double x, double scale)
    {
        var tiny = 1e-300 + 1e-30 * scale;
        var count = 0;
        double q = 1;
        for (var i = 0; i < d.Length; i++)
        {
            q = d[i] - x - (i > 0 ? e[i - 1] * e[i - 1] / q : 0);
            if (q == 0) q = -tiny;
            if (q < 0) count++;
        }
        return count;
    }
}
