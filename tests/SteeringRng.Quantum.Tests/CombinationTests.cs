using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;
using static SteeringRng.Quantum.Tests.TestMatrices;

namespace SteeringRng.Quantum.Tests;

/// <summary>The W ket, white noise for mixed local dimensions and affine combinations with negative weights.</summary>
public class CombinationTests
{
    [Fact]
    public void WKet_HasOneExcitationPerBasisState()
    {
        var w = States.WKet(3);
        for (int i = 0; i < 8; i++)
        {
            double expected = i is 0b001 or 0b010 or 0b100 ? 1 / Math.Sqrt(3) : 0;
            Assert.Equal(expected, w[i].Real, 15);
            Assert.Equal(0, w[i].Imaginary);
        }
    }

    [Fact]
    public void WhiteNoise_MixedDimensions_IsIdentityOverSix()
    {
        var white = States.WhiteNoise([2, 3]);
        Assert.Equal([2, 3], white.Dimensions);
        AssertClose(Matrix<Complex>.Build.DenseIdentity(6) / 6, white.Matrix, 0);
    }

    [Fact]
    public void Combination_AllowsNegativeWeights_WhenTheResultIsAState()
    {
        // 2 (I/2) − |0⟩⟨0| = |1⟩⟨1|
        var zero = States.FromKet(new Complex[] { 1, 0 }, [2]).State;
        var rho = States.Combination([2, -1], [States.WhiteNoise([2]), zero]);
        AssertClose(M(new Complex[,] { { 0, 0 }, { 0, 1 } }), rho.Matrix, 1e-15);
    }

    [Fact]
    public void Combination_NotPositive_GivesTheEigenvalue()
    {
        // 1.5 |0⟩⟨0| − 0.5 I/2 has eigenvalue −0.25
        var zero = States.FromKet(new Complex[] { 1, 0 }, [2]).State;
        var ex = Assert.Throws<QuantumValidationException>(() => States.Combination([1.5, -0.5], [zero, States.WhiteNoise([2])]));
        Assert.Contains("not positive semidefinite", ex.Message);
        Assert.Contains("-0.25", ex.Message);
    }

    [Fact]
    public void Combination_Convex_IsTheWeightedSum()
    {
        var a = DensityMatrix.Create(RandomDensity(2, 1), [2]);
        var b = DensityMatrix.Create(RandomDensity(2, 2), [2]);
        AssertClose(a.Matrix * 0.25 + b.Matrix * 0.75, States.Combination([0.25, 0.75], [a, b]).Matrix, 1e-15);
        Assert.True(States.IsConvex([0, 1]));
        Assert.False(States.IsConvex([1.5, -0.5]));
    }

    [Fact]
    public void RequireUnitSum_PrintsTenDigits()
    {
        var ex = Assert.Throws<QuantumValidationException>(() => States.RequireUnitSum([0.5, 0.500001]));
        Assert.Contains("sum to 1.000001,", ex.Message);
        States.RequireUnitSum([0.25, 0.75]);
    }

    [Fact]
    public void RequireUnitSum_NeverPrintsOneForASumThatIsNotOne()
    {
        // Ten digits round 1 + 1e-11 to "1"; with a tolerance of 1e-12 that sum is refused, and must not read as 1.
        var ex = Assert.Throws<QuantumValidationException>(() => States.RequireUnitSum([0.5, 0.5 + 1e-11], tolerance: 1e-12));
        Assert.Contains("sum to 1.00000000001,", ex.Message);
        Assert.DoesNotContain("sum to 1,", ex.Message);
        // Within the default tolerance (1e-9): accepted.
        States.RequireUnitSum([0.5, 0.5 + 1e-12]);
    }
}
