using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Turns a solver's approximate POVM into an exact one: clip each effect to PSD, then M_b ← S^{−1/2} M_b S^{−1/2}
/// with S = Σ_b M_b, so that Σ_b M_b = I exactly (up to rounding). Interior-point output is feasible only to
/// the solver tolerance; the attack must be a valid measurement.
/// </summary>
internal static class PovmRepair
{
    public static IReadOnlyList<Matrix<Complex>> Repair(IReadOnlyList<Matrix<Complex>> effects)
    {
        var clipped = effects.Select(DenseOps.ClipToPsd).ToArray();
        var sum = AttackAlgebra.Sum(clipped);
        if (DenseOps.MinEigenvalue(sum) <= 1e-12)
            throw new InvalidOperationException("The effects do not sum to an invertible operator; cannot rescale them to a POVM.");
        var inverseRoot = DenseOps.SpectralMap(sum, l => 1 / Math.Sqrt(l));
        return clipped.Select(m => DenseOps.HermitianPart(inverseRoot * m * inverseRoot)).ToArray();
    }
}
