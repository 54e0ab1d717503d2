using System.Numerics;

namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// Taylor coefficients of a Gaussian generating function G(u, v) = exp(a_uu u² + a_uv u v + a_vv v² + b_u u + b_v v):
/// g_{m,n} = [u^m v^n] G, from ∂_u G = (2a_uu u + a_uv v + b_u) G and ∂_v G = (2a_vv v + a_uv u + b_v) G:
///   (m+1) g_{m+1,n} = b_u g_{m,n} + 2 a_uu g_{m−1,n} + a_uv g_{m,n−1},
///   (n+1) g_{0,n+1} = b_v g_{0,n} + 2 a_vv g_{0,n−1}.
/// With u ↔ ᾱ (bra) and v ↔ β (ket), ⟨m|ρ|n⟩ = √(m! n!) g_{m,n} · prefactor (docs/formulations/continuous-variables.md §3).
/// </summary>
public static class FockCoefficients
{
    /// <summary>√(m! n!) g_{m,n} for m, n ≤ K: the Fock matrix elements up to the common prefactor.</summary>
    public static Complex[,] Elements(int cutoff, Complex auu, Complex auv, Complex avv, Complex bu, Complex bv)
    {
        var g = Coefficients(cutoff, auu, auv, avv, bu, bv);
        var sqrtFactorial = SqrtFactorials(cutoff);
        for (int m = 0; m <= cutoff; m++)
            for (int n = 0; n <= cutoff; n++) g[m, n] *= sqrtFactorial[m] * sqrtFactorial[n];
        return g;
    }

    /// <summary>g_{m,n}, m, n ≤ K.</summary>
    public static Complex[,] Coefficients(int cutoff, Complex auu, Complex auv, Complex avv, Complex bu, Complex bv)
    {
        var g = new Complex[cutoff + 1, cutoff + 1];
        g[0, 0] = 1;
        for (int n = 0; n < cutoff; n++)
            g[0, n + 1] = (bv * g[0, n] + (n > 0 ? 2 * avv * g[0, n - 1] : 0)) / (n + 1);
        for (int m = 0; m < cutoff; m++)
            for (int n = 0; n <= cutoff; n++)
                g[m + 1, n] = (bu * g[m, n] + (m > 0 ? 2 * auu * g[m - 1, n] : 0) + (n > 0 ? auv * g[m, n - 1] : 0)) / (m + 1);
        return g;
    }

    /// <summary>A majorant of |g_{m,n}|: the same recursion on |a|, |b| bounds (every term's magnitude only grows).</summary>
    public static double[,] Majorant(int cutoff, double auu, double auv, double avv, double bu, double bv)
    {
        var g = Coefficients(cutoff, auu, auv, avv, bu, bv);
        var r = new double[cutoff + 1, cutoff + 1];
        var sqrtFactorial = SqrtFactorials(cutoff);
        for (int m = 0; m <= cutoff; m++)
            for (int n = 0; n <= cutoff; n++) r[m, n] = g[m, n].Real * sqrtFactorial[m] * sqrtFactorial[n];
        return r;
    }

    private static double[] SqrtFactorials(int cutoff)
    {
        var s = new double[cutoff + 1];
        s[0] = 1;
        for (int k = 1; k <= cutoff; k++) s[k] = s[k - 1] * Math.Sqrt(k);
        return s;
    }
}
