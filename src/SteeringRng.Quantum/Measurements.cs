using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Quantum;

/// <summary>
/// Measurements for untrusted parties: Pauli X, Y, Z; computational and mutually unbiased qudit bases;
/// projective qubit measurements from Bloch vectors or angles. Outcome 0 is the +1 eigenvector for Paulis.
/// </summary>
public static class Measurements
{
    /// <summary>X: outcome 0 = |+⟩, outcome 1 = |−⟩.</summary>
    public static Povm PauliX => FromBlochVector(1, 0, 0, "X");

    /// <summary>Y: outcome 0 = |+i⟩, outcome 1 = |−i⟩.</summary>
    public static Povm PauliY => FromBlochVector(0, 1, 0, "Y");

    /// <summary>Z: outcome 0 = |0⟩, outcome 1 = |1⟩.</summary>
    public static Povm PauliZ => FromBlochVector(0, 0, 1, "Z");

    /// <summary>The computational basis {|j⟩⟨j|} of C^d.</summary>
    public static Povm Computational(int dimension) => MutuallyUnbiased(dimension, 0);

    /// <summary>
    /// The Fourier basis f_j = d^{−1/2} Σ_n ω^{j n} |n⟩, ω = e^{2πi/d}, outcome j ↔ f_j (basis k = 1 of
    /// <see cref="MutuallyUnbiased"/>); for d = 2 it is the X eigenbasis, outcome 0 = |+⟩.
    /// </summary>
    public static Povm Fourier(int dimension) => MutuallyUnbiased(dimension, 1);

    /// <summary>
    /// Basis k of a complete set of d+1 mutually unbiased bases (Wootters–Fields). k = 0 is the computational
    /// basis; for k ≥ 1, |e^k_j⟩ = d^{−1/2} Σ_n ω^{(k−1) n² + j n} |n⟩ with ω = e^{2πi/d} (k = 1 is the Fourier basis).
    /// For d = 2 the quadratic phase degenerates, so k = 1, 2 are the X and Y eigenbases.
    /// k = 0, 1 exist for every d; k ≥ 2 needs d prime (the construction is only unbiased then).
    /// </summary>
    public static Povm MutuallyUnbiased(int dimension, int k)
    {
        if (dimension < 2) throw new ArgumentOutOfRangeException(nameof(dimension), $"The dimension must be at least 2, got {dimension}.");
        if (k < 0 || k > dimension) throw new ArgumentOutOfRangeException(nameof(k), $"Basis index k must be in 0..{dimension} for d = {dimension}, got {k}.");
        if (k >= 2 && !IsPrime(dimension))
            throw new ArgumentOutOfRangeException(nameof(k), $"Bases k ≥ 2 are built for prime d only; d = {dimension} is not prime.");
        string name = k == 0 ? $"computational basis (d={dimension})" : $"MUB {k} (d={dimension})";
        if (k == 0) return Povm.FromBasis(Matrix<Complex>.Build.DenseIdentity(dimension), name);
        if (dimension == 2) return k == 1 ? PauliX : PauliY;
        var basis = Matrix<Complex>.Build.Dense(dimension, dimension);
        for (int j = 0; j < dimension; j++)
            for (int n = 0; n < dimension; n++)
            {
                long exponent = ((long)(k - 1) * n * n + (long)j * n) % dimension;
                basis[n, j] = Complex.FromPolarCoordinates(1 / Math.Sqrt(dimension), 2 * Math.PI * exponent / dimension);
            }
        return Povm.FromBasis(basis, name);
    }

    /// <summary>
    /// The qubit measurement M_{0,1} = (I ± n·σ)/2 along a unit Bloch vector n (projective).
    /// </summary>
    /// <exception cref="QuantumValidationException">When |n| ≠ 1 (the message gives |n|).</exception>
    public static Povm FromBlochVector(double nx, double ny, double nz, string name = "Bloch")
    {
        double norm = Math.Sqrt(nx * nx + ny * ny + nz * nz);
        if (!(Math.Abs(norm - 1) <= 1e-9))
            throw new QuantumValidationException($"{name}: a projective measurement needs a unit Bloch vector, got |n| = {norm:G10}.", Math.Abs(norm - 1));
        return BlochPovm(nx, ny, nz, name);
    }

    /// <summary>
    /// The qubit POVM M_{0,1} = (I ± n·σ)/2 for a Bloch vector with |n| ≤ 1 (unsharp when |n| &lt; 1:
    /// the eigenvalues of M_{0,1} are (1 ± |n|)/2, so |n| ≤ 1 is exactly positivity).
    /// </summary>
    /// <exception cref="QuantumValidationException">When |n| &gt; 1 (the message gives |n|).</exception>
    public static Povm FromBlochVectorUnsharp(double nx, double ny, double nz, string name = "Bloch")
    {
        double norm = Math.Sqrt(nx * nx + ny * ny + nz * nz);
        if (!(norm <= 1 + OperatorChecks.DefaultTolerance))
            throw new QuantumValidationException(
                $"{name}: a qubit POVM (I ± n·σ)/2 needs a Bloch vector with |n| ≤ 1, got |n| = {norm:G10}.", norm - 1);
        return BlochPovm(nx, ny, nz, name);
    }

    /// <summary>n = (sin θ cos φ, sin θ sin φ, cos θ), the unit Bloch vector at polar angle θ and azimuth φ.</summary>
    public static (double X, double Y, double Z) BlochVector(double theta, double phi) =>
        (Math.Sin(theta) * Math.Cos(phi), Math.Sin(theta) * Math.Sin(phi), Math.Cos(theta));

    /// <summary>Bloch vector n = (sin θ cos φ, sin θ sin φ, cos θ).</summary>
    public static Povm FromAngles(double theta, double phi, string name = "Bloch")
    {
        var (x, y, z) = BlochVector(theta, phi);
        return FromBlochVector(x, y, z, name);
    }

    /// <summary>{(I + n·σ)/2, (I − n·σ)/2}, n·σ = [[n_z, n_x − i n_y], [n_x + i n_y, −n_z]]; validated by <see cref="Povm.Create(IReadOnlyList{Matrix{Complex}}, string, double)"/>.</summary>
    private static Povm BlochPovm(double nx, double ny, double nz, string name)
    {
        var nSigma = Matrix<Complex>.Build.DenseOfArray(new Complex[,]
        {
            { nz, new Complex(nx, -ny) },
            { new Complex(nx, ny), -nz },
        });
        var identity = Matrix<Complex>.Build.DenseIdentity(2);
        return Povm.Create([(identity + nSigma) / 2, (identity - nSigma) / 2], name);
    }

    /// <summary>Whether n is prime (trial division up to √n): the Wootters–Fields bases k ≥ 2 need a prime d.</summary>
    public static bool IsPrime(int n)
    {
        if (n < 2) return false;
        for (int f = 2; f * f <= n; f++)
            if (n % f == 0) return false;
        return true;
    }
}
