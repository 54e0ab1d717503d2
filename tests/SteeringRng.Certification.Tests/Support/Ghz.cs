using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>
/// The paper's running example from SteeringRng.Quantum: ρ_μ = μ|GHZ⟩⟨GHZ| + (1 − μ) I/2^n on qubits, party 0
/// (Alice) trusted, the others measuring the first <c>settings</c> of X, Y, Z (settings 0, 1, 2). The data come
/// from <see cref="AssemblageBuilder"/>, independently of the seesaw's own operator code.
/// </summary>
public sealed record Ghz(QuantumRealisation Realisation, Assemblage Data)
{
    private static readonly Povm[] Paulis = [Measurements.PauliX, Measurements.PauliY, Measurements.PauliZ];

    public static Ghz Create(double mu, int qubits = 3, int settings = 3)
    {
        var state = States.NoisyGhz(qubits, 2, mu);
        var measurements = Enumerable.Range(0, qubits - 1)
            .Select(_ => (IReadOnlyList<Povm>)Paulis.Take(settings).ToArray()).ToArray();
        return new Ghz(QuantumRealisation.From(state, measurements), AssemblageBuilder.Build(state, [0], measurements));
    }
}
