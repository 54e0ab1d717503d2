using System.Numerics;

namespace SteeringRng.Certification.Gaussian.Realisation;

/// <summary>
/// Fock matrix elements of the displacement operator D(β) = exp(βa† − β̄a) (continuous-variables.md §9.2):
/// <code>
///   ⟨m|D(β)|n⟩ = √(n!/m!) β^{m−n} e^{−|β|²/2} L_n^{(m−n)}(|β|²)          (m ≥ n)
///   ⟨m|D(β)|n⟩ = √(m!/n!) (−β̄)^{n−m} e^{−|β|²/2} L_m^{(n−m)}(|β|²)       (m &lt; n)
/// </code>
/// with L_k^{(α)} the generalised Laguerre polynomials (three-term recurrence). These are exact matrix elements of the
/// unitary D(β) on the infinite Fock space, not of a truncated exponential.
/// </summary>
public static class DisplacementElements
{
    /// <summary>⟨m|D(β)|n⟩ for m, n &lt; <paramref name="dimension"/>.</summary>
    public static Complex[,] Of(Complex beta, int dimension)
    {
        double x = beta.Magnitude * beta.Magnitude;
        double gauss = Math.Exp(-x / 2);
        var result = new Complex[dimension, dimension];
        for (int m = 0; m < dimension; m++)
            for (int n = 0; n < dimension; n++)
            {
                int low = Math.Min(m, n), gap = Math.Abs(m - n);
                // √(low!/high!) = 1/√((low+1)(low+2)…(high)).
                double ratio = 1;
                for (int k = low + 1; k <= low + gap; k++) ratio /= Math.Sqrt(k);
                var power = Complex.Pow(m >= n ? beta : -Complex.Conjugate(beta), gap);
                result[m, n] = ratio * power * gauss * Laguerre(low, gap, x);
            }
        return result;
    }

    /// <summary>L_k^{(α)}(x): L_0 = 1, L_1 = 1 + α − x, (j+1) L_{j+1} = (2j + 1 + α − x) L_j − (j + α) L_{j−1}.</summary>
    public static double Laguerre(int k, int alpha, double x)
    {
        if (k == 0) return 1;
        double previous = 1, current = 1 + alpha - x;
        for (int j = 1; j < k; j++)
        {
            double next = ((2 * j + 1 + alpha - x) * current - (j + alpha) * previous) / (j + 1);
            (previous, current) = (current, next);
        }
        return current;
    }
}
