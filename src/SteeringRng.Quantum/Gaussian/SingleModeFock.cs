using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum.Gaussian;

/// <summary>
/// Fock matrix elements ⟨m|ρ|n⟩, m, n ≤ K, of a single-mode Gaussian state with covariance V (2×2, vacuum I/2) and mean r̄.
/// From the Husimi function: with σ_Q = V + I/2 and S = σ_Q⁻¹, ⟨α|ρ|α⟩ = exp(−½(r − r̄)ᵀS(r − r̄))/√det σ_Q at
/// r = √2(Re α, Im α) = L z, z = (α, ᾱ), L = (1/√2)[[1, 1], [−i, i]]. The analytic function
/// F(ᾱ, β) = e^{(|α|²+|β|²)/2}⟨α|ρ|β⟩ = Σ ⟨m|ρ|n⟩ ᾱ^m β^n/√(m!n!) equals e^{|α|²}⟨α|ρ|α⟩ on the diagonal, hence with
/// u = ᾱ, v = β, z = (v, u):
///   F(u, v) = exp(uv − ½ zᵀ LᵀSL z + r̄ᵀSL z − ½ r̄ᵀSr̄) / √det σ_Q       (continuous-variables.md eq. 3.1)
/// and ⟨m|ρ|n⟩ = √(m!n!) [u^m v^n] F (<see cref="FockCoefficients"/>).
/// </summary>
public static class SingleModeFock
{
    internal static readonly Matrix<Complex> L = Matrix<Complex>.Build.DenseOfArray(new Complex[,]
    {
        { 1 / Math.Sqrt(2), 1 / Math.Sqrt(2) },
        { new Complex(0, -1 / Math.Sqrt(2)), new Complex(0, 1 / Math.Sqrt(2)) },
    });

    /// <summary>⟨m|ρ|n⟩ for m, n ≤ <paramref name="cutoff"/> of the Gaussian state (V, r̄).</summary>
    public static Complex[,] Elements(double[,] covariance, double meanX, double meanP, int cutoff)
    {
        var sigmaQ = Matrix<double>.Build.DenseOfArray(covariance) + 0.5 * Matrix<double>.Build.DenseIdentity(2);
        var s = sigmaQ.Inverse();
        var sc = s.Map(x => new Complex(x, 0));
        var n = L.Transpose() * sc * L;
        var mean = Vector<Complex>.Build.Dense([meanX, meanP]);
        var w = L.Transpose() * sc * mean; // LᵀS r̄ (S symmetric)
        var c = -0.5 * (mean * (sc * mean));
        var prefactor = Complex.Exp(c) / Math.Sqrt(sigmaQ.Determinant());
        var e = FockCoefficients.Elements(cutoff, auu: -0.5 * n[1, 1], auv: 1 - n[0, 1], avv: -0.5 * n[0, 0], bu: w[1], bv: w[0]);
        for (int i = 0; i <= cutoff; i++)
            for (int j = 0; j <= cutoff; j++) e[i, j] *= prefactor;
        return e;
    }
}
