using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Tests.Results;

public class MinEntropyTests
{
    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.25, 2.0)]
    [InlineData(0.125, 3.0)]
    public void Bits_AreMinusLog2OfTheGuessingProbability(double pg, double bits) => Assert.Equal(bits, MinEntropy.Bits(pg), 15);

    [Fact]
    public void AGuessingProbabilityOfOne_GivesPlusZero_NotMinusZero() =>
        Assert.False(double.IsNegative(MinEntropy.Bits(1.0)));

    [Fact]
    public void NaNStaysNaN() => Assert.True(double.IsNaN(MinEntropy.Bits(double.NaN)));
}
