namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// All eigenvalues and eigenvectors of a dense symmetric matrix by the cyclic Jacobi method (Golub–Van Loan §8.5.2–3).
/// Used where an eigenvector is needed, not only λmin (<see cref="SymmetricEigen"/>): the top eigenvector of C is
/// the certificate of an unbounded problem without constraints (<see cref="UnconstrainedSdp"/>). Jacobi is slow
/// (≈ 10 sweeps of 6n³ flops) but small-relative-error accurate and needs no tridiagonal back-transformation.
/// </summary>
internal static class JacobiEigen
{
    private const int MaxSweeps = 60;

    /// <summary>
    /// Returns the eigenvalues λ_k and the row-major matrix V whose column k is the unit eigenvector of λ_k;
    /// A = V diag(λ) Vᵀ to rounding. <paramref name="a"/> (row-major, full, symmetric) is overwritten.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] a, int n)
    {
        var v = new double[n * n];
        for (var i = 0; i < n; i++) v[i * n + i] = 1;
        var total = Math.Sqrt(SumOfSquares(a, n, offDiagonalOnly: false));
        // Stop when the off-diagonal part E is below rounding level of the whole matrix: by Weyl's inequality the
        // diagonal then holds the eigenvalues to |Δλ| ≤ ‖E‖₂ ≤ ‖E‖_F ≲ ε‖A‖_F.
        var target = 1e-17 * total;
        for (var sweep = 0; sweep < MaxSweeps && Math.Sqrt(SumOfSquares(a, n, offDiagonalOnly: true)) > target; sweep++)
        for (var p = 0; p < n - 1; p++)
        for (var q = p + 1; q < n; q++)
            Rotate(a, v, n, p, q);
        var values = new double[n];
        for (var i = 0; i < n; i++) values[i] = a[i * n + i];
        return (values, v);
    }

    /// <summary>
    /// One rotation J(p, q, θ) zeroing a_pq: with θ = (a_qq − a_pp)/(2 a_pq), t = sign(θ)/(|θ| + √(1 + θ²)) (the
    /// smaller root of t² + 2θt − 1 = 0, so |angle| ≤ π/4), c = 1/√(1 + t²), s = t c, A ← Jᵀ A J gives
    /// a_pp ← a_pp − t a_pq, a_qq ← a_qq + t a_pq, and for k ≠ p, q: a_kp ← c a_kp − s a_kq, a_kq ← s a_kp + c a_kq;
    /// V ← V J likewise on its columns.
    /// </summary>
    private static void Rotate(double[] a, double[] v, int n, int p, int q)
    {
        var apq = a[p * n + q];
        if (apq == 0) return;
        var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        // θ = 0: a 45° rotation (t = 1). |θ| so large that θ² overflows: t → 1/(2θ), the limit of the formula.
        var t = theta == 0 ? 1.0
            : double.IsInfinity(theta * theta) ? 1 / (2 * theta)
            : Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(1 + theta * theta));
        var c = 1 / Math.Sqrt(1 + t * t);
        var s = t * c;
        a[p * n + p] -= t * apq;
        a[q * n + q] += t * apq;
        a[p * n + q] = a[q * n + p] = 0;
        for (var k = 0; k < n; k++)
        {
            if (k != p && k != q)
            {
                var akp = a[k * n + p];
                var akq = a[k * n + q];
                a[k * n + p] = a[p * n + k] = c * akp - s * akq;
                a[k * n + q] = a[q * n + k] = s * akp + c * akq;
            }
            var vkp = v[k * n + p];
            var vkq = v[k * n + q];
            v[k * n + p] = c * vkp - s * vkq;
            v[k * n + q] = s * vkp + c * vkq;
        }
    }

    private static double SumOfSquares(double[] a, int n, bool offDiagonalOnly)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            if (!offDiagonalOnly || i != j) sum += a[i * n + j] * a[i * n + j];
        return sum;
    }
}
