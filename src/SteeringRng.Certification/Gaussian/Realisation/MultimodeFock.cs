using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Gaussian.Realisation;

/// <summary>
/// Fock matrix elements ⟨m|ρ|n⟩ of a zero-mean M-mode Gaussian state, mode k cut at c_k photons: the multimode
/// version of continuous-variables.md eq. (3.1), §9.1. With σ_Q = V + I/2 (2M×2M, the Husimi covariance), S = σ_Q⁻¹,
/// and per mode r_k = (x_k, p_k) = L (α_k, ᾱ_k), L = (1/√2)[[1, 1], [−i, i]]:
/// ⟨α|ρ|α⟩ = exp(−½ rᵀSr)/√det σ_Q, and F(ᾱ, β) = e^{(|α|²+|β|²)/2}⟨α|ρ|β⟩ = Σ_{m,n} ⟨m|ρ|n⟩ Π_k ᾱ_k^{m_k} β_k^{n_k}/√(m_k!n_k!)
/// is analytic and equals e^{|α|²}⟨α|ρ|α⟩ on β = α. With u_k = ᾱ_k, v_k = β_k, w = (v_1, u_1, v_2, u_2, …):
/// <code>
///   F = exp(½ wᵀ A w)/√det σ_Q,   A = C − L_Mᵀ S L_M,   C_{v_k u_k} = C_{u_k v_k} = 1,
///   ⟨m|ρ|n⟩ = √(Π m_k! n_k!) [Π u_k^{m_k} v_k^{n_k}] F.
/// </code>
/// The Taylor coefficients g of exp(½ wᵀAw) follow from ∂_i G = (Aw)_i G: n_i g_n = Σ_j A_ij g_{n − e_i − e_j}.
/// Rows and columns of the result are Kronecker-ordered, mode 0 slowest.
/// </summary>
public static class MultimodeFock
{
    /// <summary>Largest number of Taylor coefficients (Π (c_k + 1)²) computed.</summary>
    public const long MaxCoefficients = 20_000_000;

    /// <param name="covariance">V of the M modes, ordering (x_1, p_1, …, x_M, p_M), vacuum I/2.</param>
    /// <param name="cutoffs">c_k: mode k keeps |0⟩ … |c_k⟩.</param>
    public static Matrix<Complex> Elements(double[,] covariance, IReadOnlyList<int> cutoffs)
    {
        int modes = cutoffs.Count;
        if (covariance.GetLength(0) != 2 * modes || covariance.GetLength(1) != 2 * modes)
            throw new ArgumentException($"a covariance matrix of {modes} modes is {2 * modes}×{2 * modes}");
        var sizes = cutoffs.Select(c => c + 1).ToArray();
        long count = sizes.Aggregate(1L, (p, s) => p * s * s);
        if (count > MaxCoefficients)
            throw new ArgumentException($"the Fock truncation needs {count} coefficients; the limit is {MaxCoefficients}");

        var sigmaQ = Matrix<double>.Build.DenseOfArray(covariance) + 0.5 * Matrix<double>.Build.DenseIdentity(2 * modes);
        var s = sigmaQ.Inverse().Map(x => new Complex(x, 0));
        var l = Matrix<Complex>.Build.Dense(2 * modes, 2 * modes);
        var h = 1 / Math.Sqrt(2);
        for (int k = 0; k < modes; k++)
        {
            // r_k = L (v_k, u_k): x = (v + u)/√2, p = (−i v + i u)/√2.
            l[2 * k, 2 * k] = h; l[2 * k, 2 * k + 1] = h;
            l[2 * k + 1, 2 * k] = new Complex(0, -h); l[2 * k + 1, 2 * k + 1] = new Complex(0, h);
        }
        var a = -(l.Transpose() * s * l);
        for (int k = 0; k < modes; k++) { a[2 * k, 2 * k + 1] += 1; a[2 * k + 1, 2 * k] += 1; }

        // Mixed-radix index over the 2M variables w = (v_1, u_1, …): variable i ranges over 0..c_{i/2}.
        int vars = 2 * modes;
        var radix = Enumerable.Range(0, vars).Select(i => sizes[i / 2]).ToArray();
        var stride = new long[vars];
        stride[vars - 1] = 1;
        for (int i = vars - 2; i >= 0; i--) stride[i] = stride[i + 1] * radix[i + 1];
        var g = new Complex[count];
        g[0] = 1;
        var n = new int[vars];
        // Ascending linear index: every n − e_i − e_j is componentwise smaller, so it is already known.
        for (long index = 1; index < count; index++)
        {
            Increment(n, radix);
            int first = Array.FindIndex(n, x => x > 0);
            long lowered = index - stride[first];
            Complex sum = 0;
            for (int j = 0; j < vars; j++)
            {
                int available = n[j] - (j == first ? 1 : 0);
                if (available > 0) sum += a[first, j] * g[lowered - stride[j]];
            }
            g[index] = sum / n[first];
        }

        double prefactor = 1 / Math.Sqrt(sigmaQ.Determinant());
        int dimension = sizes.Aggregate(1, (p, x) => p * x);
        var rho = Matrix<Complex>.Build.Dense(dimension, dimension);
        var bra = new int[modes];
        var ket = new int[modes];
        for (int row = 0; row < dimension; row++)
        {
            Digits(row, sizes, bra);
            for (int col = 0; col < dimension; col++)
            {
                Digits(col, sizes, ket);
                long index = 0;
                double factorials = 1;
                for (int k = 0; k < modes; k++)
                {
                    index += ket[k] * stride[2 * k] + bra[k] * stride[2 * k + 1];
                    factorials *= Factorial(bra[k]) * Factorial(ket[k]);
                }
                rho[row, col] = prefactor * Math.Sqrt(factorials) * g[index];
            }
        }
        return rho;
    }

    private static void Increment(int[] n, int[] radix)
    {
        for (int i = n.Length - 1; i >= 0; i--)
        {
            if (++n[i] < radix[i]) return;
            n[i] = 0;
        }
    }

    private static void Digits(int value, int[] sizes, int[] digits)
    {
        for (int k = sizes.Length - 1; k >= 0; k--) { digits[k] = value % sizes[k]; value /= sizes[k]; }
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int k = 2; k <= n; k++) f *= k;
        return f;
    }
}
