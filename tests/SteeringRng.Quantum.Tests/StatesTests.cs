using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

public class StatesTests
{
    [Theory]
    [InlineData(3, 2, 1.0)]
    [InlineData(3, 2, 0.5)]
    [InlineData(4, 3, 0.3)]
    public void NoisyGhz_IsNormalisedWithTheRightOverlap(int parties, int d, double mu)
    {
        var rho = States.NoisyGhz(parties, d, mu);
        var ket = States.GhzKet(parties, d);
        Assert.Equal(1.0, rho.Matrix.Trace().Real, 12);
        // ⟨Ψ|ρ_μ|Ψ⟩ = μ + (1−μ)/d^N.
        double overlap = (ket.Conjugate() * (rho.Matrix * ket)).Real;
        Assert.Equal(mu + (1 - mu) / Math.Pow(d, parties), overlap, 12);
    }

    [Fact]
    public void WLike_Normalises_AndSaysSo()
    {
        var result = States.WLike(0.575, 0.582, 0.576);
        Assert.Equal(1.0, result.State.Matrix.Trace().Real, 12);
        var note = Assert.Single(result.Notes);
        Assert.Contains("not normalised", note);
        double norm2 = 0.575 * 0.575 + 0.582 * 0.582 + 0.576 * 0.576;
        Assert.Equal(0.582 * 0.582 / norm2, result.State[0b010, 0b010].Real, 12);
    }

    [Fact]
    public void WLike_NormalisedInput_HasNoNotes()
    {
        double s = 1 / Math.Sqrt(3);
        Assert.Empty(States.WLike(s, s, s).Notes);
    }

    [Fact]
    public void Create_NotHermitian_NamesLargestEntryAndPlace()
    {
        var rho = M(new Complex[,] { { 0.5, 0.3 }, { 0.1, 0.5 } });
        var ex = Assert.Throws<QuantumValidationException>(() => DensityMatrix.Create(rho, [2]));
        Assert.Contains("not Hermitian", ex.Message);
        Assert.Contains("(0,1)", ex.Message);
        Assert.Equal(0.2, ex.Violation, 12);
    }

    [Fact]
    public void Create_NotPsd_GivesMostNegativeEigenvalue()
    {
        // Eigenvalues of [[0.5, 0.7],[0.7, 0.5]] are 1.2 and −0.2.
        var rho = M(new Complex[,] { { 0.5, 0.7 }, { 0.7, 0.5 } });
        var ex = Assert.Throws<QuantumValidationException>(() => DensityMatrix.Create(rho, [2]));
        Assert.Contains("positive semidefinite", ex.Message);
        Assert.Contains("-0.2", ex.Message);
        Assert.Equal(0.2, ex.Violation, 9);
    }

    [Fact]
    public void Create_WrongTrace_GivesTheTrace()
    {
        var rho = M(new Complex[,] { { 0.7, 0 }, { 0, 0.5 } });
        var ex = Assert.Throws<QuantumValidationException>(() => DensityMatrix.Create(rho, [2]));
        Assert.Contains("trace 1.2", ex.Message);
    }

    [Fact]
    public void Create_WrongDimension_GivesExpectedAndGot()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => DensityMatrix.Create(RandomDensity(4, 1), [2, 3]));
        Assert.Contains("expected 6×6", ex.Message);
        Assert.Contains("got 4×4", ex.Message);
    }

    [Fact]
    public void FromKet_WrongLength_GivesExpectedAndGot()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => States.FromKet(new Complex[3], [2, 2]));
        Assert.Contains("need 4 amplitudes, got 3", ex.Message);
    }

    [Fact]
    public void Mixture_IsTheWeightedSum_AndRejectsBadWeights()
    {
        var a = DensityMatrix.Create(RandomDensity(2, 1), [2]);
        var b = DensityMatrix.Create(RandomDensity(2, 2), [2]);
        var mix = States.Mixture([0.25, 0.75], [a, b]);
        AssertClose(a.Matrix * 0.25 + b.Matrix * 0.75, mix.Matrix);
        var ex = Assert.Throws<QuantumValidationException>(() => States.Mixture([0.5, 0.6], [a, b]));
        Assert.Contains("sum to 1.1", ex.Message);
    }

    [Fact]
    public void Ghz_AtVisibilityOne_IsPure()
    {
        var rho = States.NoisyGhz(3, 2, 1).Matrix;
        AssertClose(rho, rho * rho, 1e-12);
        Assert.Equal(0.5, rho[0, 7].Real, 12);
    }

    [Fact]
    public void NoisyGhz_RejectsVisibilityOutsideUnitInterval()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => States.NoisyGhz(3, 2, 1.5));
        Assert.Contains("[0, 1]", ex.Message);
    }

    [Fact]
    public void Kron_OfStates_HasConcatenatedDimensions()
    {
        var a = DensityMatrix.Create(RandomDensity(2, 1), [2]);
        var b = DensityMatrix.Create(RandomDensity(3, 2), [3]);
        var ab = a.Kron(b);
        Assert.Equal([2, 3], ab.Dimensions);
        AssertClose(a.Matrix, ab.TraceOut(1).Matrix, 1e-12);
    }
}
