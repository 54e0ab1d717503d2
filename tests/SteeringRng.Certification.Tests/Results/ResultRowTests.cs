using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Tests.Results;

public class ResultRowTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.25, 2.0)]
    [InlineData(0.125, 3.0)]
    [InlineData(1.0 / 1024, 10.0)]
    public void Hmin_IsMinusLog2OfPguess(double pguess, double bits)
    {
        var row = ResultRow.FromGuessingProbability(ParameterSet.Empty, "joint", "ns", pguess, RowStatus.Optimal);
        Assert.Equal(bits, row.Hmin);
        Assert.Equal(pguess, row.Pguess);
    }

    [Fact]
    public void MinEntropy_OfNaN_IsNaN_SoAFailedValueNeverLooksLikeBits() => Assert.True(double.IsNaN(MinEntropy.Bits(double.NaN)));

    [Fact]
    public void Hmin_OfACertainGuess_IsPositiveZero()
    {
        var row = ResultRow.FromGuessingProbability(ParameterSet.Empty, "joint", "ns", 1.0, RowStatus.Optimal);
        Assert.Equal(0L, BitConverter.DoubleToInt64Bits(row.Hmin!.Value));
    }

    [Fact]
    public void Hmin_OfAGeneralPguess_MatchesTheDefinition()
    {
        // P_guess = 0.3: H_min = −ln 0.3 / ln 2.
        var row = ResultRow.FromGuessingProbability(ParameterSet.Empty, "joint", "ns", 0.3, RowStatus.Optimal);
        Assert.Equal(-Math.Log(0.3) / Math.Log(2), row.Hmin!.Value, 15);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(2.0, 0.25)]
    [InlineData(1.5, 0.35355339059327373)]
    public void FromMinEntropy_GivesPguessAsTwoToTheMinusHmin(double hmin, double pguess)
    {
        var row = ResultRow.FromMinEntropy(ParameterSet.Empty, "joint", "ns", hmin, RowStatus.Optimal);
        Assert.Equal(pguess, row.Pguess!.Value, 15);
        Assert.Equal(hmin, row.Hmin);
    }

    [Fact]
    public void SteeringRow_HasVisibilityAndNoRandomness()
    {
        var row = ResultRow.FromCriticalVisibility(ParameterSet.Empty, "steering", "steering", 0.5, RowStatus.Optimal);
        Assert.Equal(0.5, row.CriticalVisibility);
        Assert.Null(row.Pguess);
        Assert.Null(row.Hmin);
    }

    [Fact]
    public void ParameterSet_RejectsRepeatedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterSet.Of(("mu", 0.5), ("mu", 0.6)));
        Assert.Contains("'mu' is given twice", error.Message);
    }

    [Fact]
    public void ParameterSet_EqualityIsByNameOrderAndValue()
    {
        Assert.Equal(ParameterSet.Of(("mu", 0.5), ("d", 2)), ParameterSet.Of(("mu", 0.5), ("d", 2)));
        Assert.NotEqual(ParameterSet.Of(("mu", 0.5), ("d", 2)), ParameterSet.Of(("d", 2), ("mu", 0.5)));
        Assert.NotEqual(ParameterSet.Of(("mu", 0.5)), ParameterSet.Of(("mu", 0.5000000000000001)));
    }
}
