using System.Numerics;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A rigorous lower bound on λ_min of a real symmetric matrix M whose entries are doubles (taken as the exact
/// dyadic rationals they are). A floating-point Cholesky factor L of M − σI is only a hint; what is proven is
/// <code>
///   M − σI = L Lᵀ + R   (R computed exactly)   ⇒   M ⪰ σI + R ⪰ (σ − ‖R‖_F) I ,
/// </code>
/// because L Lᵀ ⪰ 0 for every real L and ‖R‖₂ ≤ ‖R‖_F. L is first rounded to a fixed-point grid 2^−q, so L Lᵀ is
/// an exact integer sum (Int128) over 2^2q; R and ‖R‖_F² are then formed in <see cref="Rational"/> and ‖R‖_F is
/// rounded up. Nothing here depends on the rounding of the Cholesky itself: a poor L only gives a poorer bound.
/// </summary>
public static class PsdLowerBound
{
    /// <summary>
    /// The bound for a shift σ just below a floating-point estimate of λ_min (backed off while the Cholesky breaks
    /// down). Returns −∞ when no shift gives a factor (e.g. NaN entries).
    /// </summary>
    public static double Of(int n, double[] m)
    {
        if (n == 0) return double.PositiveInfinity;
        var d = 0.0;
        for (var i = 0; i < n; i++) d = Math.Max(d, Math.Abs(m[i * n + i]));
        if (!double.IsFinite(d)) return double.NegativeInfinity;
        if (d == 0) d = double.Epsilon;
        // Rounding errors of a Cholesky are about (n+1)·u·max|M_ii| (u = 2⁻⁵³); a shift of a few times that is safe.
        var sigma0 = 8.0 * (n + 1) * Math.ScaleB(1.0, -53) * d;
        // Aim the shift just below a floating-point estimate of λ_min (a hint only), so that the proven bound is close
        // to λ_min; back off by factors of 4 while the Cholesky breaks down.
        var estimate = LinearAlgebra.SymmetricEigen.MinEigenvalue((double[])m.Clone(), n);
        if (!double.IsFinite(estimate)) return double.NegativeInfinity;
        var margin = Math.Max(sigma0, 1e-9 * Math.Abs(estimate));
        var best = double.NegativeInfinity;
        for (var attempt = 0; attempt < 40 && double.IsNegativeInfinity(best); attempt++)
        {
            best = WithShift(n, m, estimate - margin);
            margin *= 4;
        }
        return best;
    }

    /// <summary>σ − ‖R‖_F (rounded down) for one shift σ, or −∞ when the Cholesky of M − σI breaks down.</summary>
    public static double WithShift(int n, double[] m, double sigma)
    {
        var l = Cholesky(n, m, sigma);
        if (l is null) return double.NegativeInfinity;
        var maxL = 0.0;
        foreach (var v in l) maxL = Math.Max(maxL, Math.Abs(v));
        if (maxL == 0 || !double.IsFinite(maxL)) return double.NegativeInfinity;
        // Grid 2^−q with max|L|·2^q < 2^50: every entry of L̂ is a long, every product < 2^100, and a sum of n ≤ 2^26
        // of them stays below 2^126 (Int128).
        var q = 50 - Math.ILogB(maxL) - 1;
        var lq = new long[l.Length];
        for (var k = 0; k < l.Length; k++) lq[k] = (long)Math.Round(Math.ScaleB(l[k], q));
        // R_jk = M_jk − (L̂ L̂ᵀ)_jk − σ δ_jk is dyadic (doubles and an integer over 2^2q): each entry and the sum of squares
        // are exact integers over a power of two (ExactSum), no gcd in the n² loop.
        var sumSquares = new ExactSum();
        for (var j = 0; j < n; j++)
        for (var k = j; k < n; k++)
        {
            Int128 dot = 0;
            for (var i = 0; i <= j; i++) dot += (Int128)lq[j * n + i] * lq[k * n + i];
            var r = new ExactSum();
            r.Add(m[j * n + k]);
            r.Add(-(BigInteger)dot, -2 * q);
            if (j == k) r.Add(-sigma);
            r.TryDyadic(out var rm, out var re);
            if (rm.IsZero) continue;
            sumSquares.AddSquare(rm, re, j == k ? 1 : 2);
        }
        var sigmaExact = Rational.FromDouble(sigma);
        // ‖R‖_F rounded up: sqrt of an upper bound, then one more step up for the rounding of Math.Sqrt.
        var norm = Math.BitIncrement(Math.Sqrt(sumSquares.Value.UpperDouble()));
        return (sigmaExact - Rational.FromDouble(norm)).LowerDouble();
    }

    /// <summary>Lower-triangular L (row-major n×n, zeros above the diagonal) with L Lᵀ ≈ M − σI, or null on breakdown.</summary>
    private static double[]? Cholesky(int n, double[] m, double sigma)
    {
        // The solver's own dense Cholesky (LinearAlgebra.ManagedKernels, in place on the lower triangle); only a hint here.
        var l = (double[])m.Clone();
        for (var i = 0; i < n; i++) l[i * n + i] -= sigma;
        if (!LinearAlgebra.ManagedKernels.Instance.Cholesky(l, n)) return null;
        // The upper triangle still holds M: clear it, L̂ is rounded entry by entry below.
        for (var i = 0; i < n; i++) Array.Clear(l, i * n + i + 1, n - i - 1);
        return l;
    }
}
