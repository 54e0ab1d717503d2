using System.Numerics;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Input;

/// <summary>
/// The physical check of a state for the scenario checker (<c>CheckOptions.StateValidator</c>): ρ must be a
/// density matrix (Hermitian, positive semidefinite, trace 1) as SteeringRng.Quantum defines it, so that a
/// non-physical state is a located diagnostic (SR2044) instead of a failure deep inside a relaxation.
/// </summary>
public static class StateValidation
{
    public static string? Validate(Complex[,] rho)
    {
        try
        {
            DensityMatrix.Create(rho, [rho.GetLength(0)]);
            return null;
        }
        catch (QuantumValidationException e) { return e.Message; }
    }
}
