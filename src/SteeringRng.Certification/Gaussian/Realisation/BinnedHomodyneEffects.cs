using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum.Gaussian;

namespace SteeringRng.Certification.Gaussian.Realisation;

/// <summary>
/// The binned homodyne effects compressed to the first d Fock states, P Π_b P with P = Σ_{n&lt;d} |n⟩⟨n|
/// (continuous-variables.md §9.2). With the bins' Fourier series (§4), χ_b(q̂_θ) = Σ_j d_{b,j} e^{iω_j q̂_θ}, and
/// e^{iω q̂_θ} = D(iω e^{iθ}/√2) for q̂_θ = cos θ x̂ + sin θ p̂ ([x̂, p̂] = i), so
/// <code>
///   ⟨m|Π_b|n⟩ = Σ_j d_{b,j} ⟨m|D(iω_j e^{iθ}/√2)|n⟩,   ω_j = 2πj/T.
/// </code>
/// The compressed effects are a POVM on C^d exactly (Σ_b P Π_b P = P, and each is ⪰ 0): Σ_b d_{b,j} = δ_{j0}, so the
/// truncated sums add up to the identity whatever j is kept. The terms decay like e^{−ω_j²/4} times a polynomial of
/// degree ≤ 2(d − 1) in ω_j; the series is cut where that majorant is below 1e-18 (the attack check re-verifies the
/// reproduced data anyway, so this cut is not what the bound rests on).
/// </summary>
public static class BinnedHomodyneEffects
{
    /// <summary>Largest number of Fourier terms per side (a period so small that more are needed is refused).</summary>
    public const int MaxTerms = 100_000;

    /// <summary>Effects[b] = P Π_b P on C^<paramref name="dimension"/>.</summary>
    public static IReadOnlyList<Matrix<Complex>> Of(HomodyneSetting setting, int dimension)
    {
        int terms = TermsFor(setting, dimension);
        var sums = new Complex[setting.Bins][,];
        for (int b = 0; b < setting.Bins; b++) sums[b] = new Complex[dimension, dimension];
        var rotation = Complex.FromPolarCoordinates(1, setting.Angle);
        for (int j = -terms; j <= terms; j++)
        {
            if (j != 0 && j % setting.Bins == 0) continue; // d_{b,j} = 0 for every b
            double omega = setting.Frequency(j);
            var d = DisplacementElements.Of(Complex.ImaginaryOne * omega * rotation / Math.Sqrt(2), dimension);
            for (int b = 0; b < setting.Bins; b++)
            {
                var c = setting.FourierCoefficient(b, j);
                for (int m = 0; m < dimension; m++)
                    for (int n = 0; n < dimension; n++) sums[b][m, n] += c * d[m, n];
            }
        }
        // Terms ±j are adjoint pairs, so each sum is Hermitian; the mean with its adjoint removes rounding.
        return sums.Select(s =>
        {
            var m = Matrix<Complex>.Build.DenseOfArray(s);
            return (m + m.ConjugateTranspose()) / 2;
        }).ToArray();
    }

    /// <summary>
    /// J with |⟨m|D(β)|n⟩| ≤ x^{(m+n)/2} e^{−x/2}/√(m!n!)·C small beyond it (x = ω²/2): the smallest J with
    /// ω_{J+1}²/4 − (d − 1) ln(1 + ω_{J+1}²/2) ≥ 42 (e^{−42} ≈ 6e-19).
    /// </summary>
    public static int TermsFor(HomodyneSetting setting, int dimension)
    {
        for (int j = 0; j < MaxTerms; j++)
        {
            double omega = setting.Frequency(j + 1);
            if (omega * omega / 4 - (dimension - 1) * Math.Log(1 + omega * omega / 2) >= 42) return j;
        }
        throw new ArgumentException($"the binning period {setting.Period:G6} is too large for the Fock-space effects: more than {MaxTerms} Fourier terms needed");
    }
}
