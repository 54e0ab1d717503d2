using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>
/// The paper's running example, written out independently of the library: ρ_μ = μ|GHZ⟩⟨GHZ| + (1 − μ) I/8 on
/// A ⊗ B ⊗ C (qubits), Bob and Charlie measuring X, Y, Z (settings 0, 1, 2; outcome 0 is eigenvalue +1).
/// </summary>
internal static class Ghz
{
    private static readonly Complex I = Complex.ImaginaryOne;

    public static Matrix<Complex> Pauli(int setting) => setting switch
    {
        0 => Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, 1 }, { 1, 0 } }),
        1 => Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 0, -I }, { I, 0 } }),
        _ => Matrix<Complex>.Build.DenseOfArray(new Complex[,] { { 1, 0 }, { 0, -1 } }),
    };

    /// <summary>(I ± P)/2 for the Pauli of each setting.</summary>
    public static IReadOnlyList<IReadOnlyList<Matrix<Complex>>> PauliMeasurements(int settings) =>
        Enumerable.Range(0, settings).Select(y => (IReadOnlyList<Matrix<Complex>>)new[]
        {
            (Matrix<Complex>.Build.DenseIdentity(2) + Pauli(y)) / 2,
            (Matrix<Complex>.Build.DenseIdentity(2) - Pauli(y)) / 2,
        }).ToArray();

    /// <summary>GHZ_n = (|0…0⟩ + |1…1⟩)/√2 mixed with white noise at visibility μ.</summary>
    public static Matrix<Complex> NoisyState(int qubits, double mu)
    {
        int d = 1 << qubits;
        var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(d);
        psi[0] = 1 / Math.Sqrt(2);
        psi[d - 1] = 1 / Math.Sqrt(2);
        return mu * psi.OuterProduct(psi.Conjugate()) + (1 - mu) * Matrix<Complex>.Build.DenseIdentity(d) / d;
    }

    /// <summary>Alice trusted, k = qubits − 1 untrusted parties each measuring the first <paramref name="settings"/> Paulis.</summary>
    public static QuantumRealisation Realisation(double mu, int qubits = 3, int settings = 3) =>
        new(NoisyState(qubits, mu), 2, Enumerable.Repeat(2, qubits - 1).ToArray(),
            Enumerable.Range(0, qubits - 1).Select(_ => PauliMeasurements(settings)).ToArray());
}
