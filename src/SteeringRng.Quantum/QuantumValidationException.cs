namespace SteeringRng.Quantum;

/// <summary>
/// Thrown when numbers given as a state, a measurement or an assemblage are not one: the message names
/// what failed, where, and by how much (e.g. "not Hermitian: |ρ − ρ†| = 0.2 at (0,1)").
/// </summary>
public sealed class QuantumValidationException : ArgumentException
{
    public QuantumValidationException(string message, double violation = double.NaN) : base(message) => Violation = violation;

    /// <summary>The size of the violation (e.g. the most negative eigenvalue), NaN when not a number.</summary>
    public double Violation { get; }
}
