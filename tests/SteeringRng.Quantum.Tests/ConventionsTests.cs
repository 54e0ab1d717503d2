using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

/// <summary>
/// The basis conventions the scenario language documents (dsl/grammar.md) and reads from here: outcome j of Z is |j⟩,
/// X and F are the Fourier basis f_j = d^{−1/2} Σ_n ω^{jn}|n⟩, qubit Y outcome 0 is (|0⟩ + i|1⟩)/√2; and the
/// unsharp qubit POVMs (I ± n·σ)/2 with |n| ≤ 1. Expected matrices are written out from the formulas, not copied.
/// </summary>
public class ConventionsTests
{
    private static Matrix<Complex> Projector(params Complex[] v)
    {
        var ket = Vector<Complex>.Build.DenseOfArray(v);
        return ket.OuterProduct(ket.Conjugate());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    public void Fourier_OutcomeJ_IsTheFourierVector(int d)
    {
        var f = Measurements.Fourier(d);
        Assert.Equal(d, f.OutcomeCount);
        for (int j = 0; j < d; j++)
        {
            var v = Enumerable.Range(0, d).Select(n => Complex.FromPolarCoordinates(1 / Math.Sqrt(d), 2 * Math.PI * j * n / d)).ToArray();
            AssertClose(Projector(v), f.Element(j));
        }
    }

    [Fact]
    public void Computational_OutcomeJ_IsKetJ()
    {
        var z = Measurements.Computational(3);
        for (int j = 0; j < 3; j++)
        {
            var v = new Complex[3];
            v[j] = 1;
            AssertClose(Projector(v), z.Element(j));
        }
    }

    [Fact]
    public void QubitY_OutcomeZero_IsPlusI()
    {
        double s = 1 / Math.Sqrt(2);
        AssertClose(Projector(s, new Complex(0, s)), Measurements.PauliY.Element(0));
        AssertClose(Projector(s, new Complex(0, -s)), Measurements.PauliY.Element(1));
        AssertClose(Measurements.PauliY.Element(0), Measurements.MutuallyUnbiased(2, 2).Element(0), 0);
    }

    [Fact]
    public void IsPrime_AgreesWithTrialDivisionByHand()
    {
        int[] primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61];
        for (int n = -1; n <= 64; n++) Assert.Equal(primes.Contains(n), Measurements.IsPrime(n));
    }

    [Fact]
    public void Unsharp_ReproducesTheBlochVector_AndSumsToIdentity()
    {
        double x = 0.48, y = 0.36, z = 0.6; // |n| = √0.72 ≈ 0.85: unsharp
        var m = Measurements.FromBlochVectorUnsharp(x, y, z);
        AssertClose(Matrix<Complex>.Build.DenseIdentity(2), m.Element(0) + m.Element(1));
        // M_0 − M_1 = n·σ, so Tr[(M_0 − M_1) σ_k] = 2 n_k
        var diff = m.Element(0) - m.Element(1);
        var sx = M(new Complex[,] { { 0, 1 }, { 1, 0 } });
        var sy = M(new Complex[,] { { 0, new Complex(0, -1) }, { new Complex(0, 1), 0 } });
        var sz = M(new Complex[,] { { 1, 0 }, { 0, -1 } });
        Assert.Equal(2 * x, (diff * sx).Trace().Real, 14);
        Assert.Equal(2 * y, (diff * sy).Trace().Real, 14);
        Assert.Equal(2 * z, (diff * sz).Trace().Real, 14);
        // eigenvalues (1 ± |n|)/2
        Assert.Equal((1 - Math.Sqrt(0.72)) / 2, OperatorChecks.MinEigenvalue(m.Element(0)), 12);
    }

    [Fact]
    public void Unsharp_TooLong_GivesTheLength()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => Measurements.FromBlochVectorUnsharp(1, 1, 0, "tilted"));
        Assert.Contains("tilted", ex.Message);
        Assert.Contains("|n| = 1.414213562", ex.Message);
    }

    [Fact]
    public void BlochVector_IsTheUnitVectorOfTheAngles()
    {
        var (x, y, z) = Measurements.BlochVector(Math.PI / 2, Math.PI / 2);
        Assert.Equal(0, x, 15);
        Assert.Equal(1, y, 15);
        Assert.Equal(0, z, 15);
        AssertClose(Measurements.PauliY.Element(0), Measurements.FromAngles(Math.PI / 2, Math.PI / 2).Element(0), 1e-15);
    }
}
