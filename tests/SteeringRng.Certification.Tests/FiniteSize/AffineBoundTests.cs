using SteeringRng.Certification.FiniteSize;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>The affine bound P_g(w) ≤ α + λ·w read off a certified dual, against analytic values.</summary>
public class AffineBoundTests
{
    /// <summary>Pironio et al., Nature 464, 1021 (2010): P_g(S) = 1/2 + 1/2·√(2 − S²/4) for one party's outcome.</summary>
    private static double Pironio(double s) => 0.5 + 0.5 * Math.Sqrt(Math.Max(0, 2 - s * s / 4));

    [Theory]
    [InlineData(2.5)]
    [InlineData(2.7)]
    public void ChshDualAtSGivesPironiosEntropyAtS(double s)
    {
        var program = FiniteSizeModels.Chsh();
        var dual = program.BoundAt([s]);
        Assert.True(dual.Certified, dual.Method);
        var h = -Math.Log2(dual.Evaluate([s]));
        Assert.Equal(1 - Math.Log2(1 + Math.Sqrt(2 - s * s / 4)), h, 1e-6);
    }

    [Fact]
    public void ChshAffineBoundIsTheTangentAndBoundsPgAtOtherS()
    {
        var dual = FiniteSizeModels.Chsh().BoundAt([2.6]);
        Assert.True(dual.Certified, dual.Method);
        // Tangent of the concave P_g(S) at 2.6: slope dP/dS = −S/(8 √(2 − S²/4)).
        Assert.Equal(-2.6 / (8 * Math.Sqrt(2 - 2.6 * 2.6 / 4)), dual.Lambda[0], 1e-5);
        foreach (var s in new[] { 2.0, 2.2, 2.4, 2.6, 2.7, 2.8, 2 * Math.Sqrt(2) })
            Assert.True(dual.Evaluate([s]) >= Pironio(s) - 1e-9, $"S = {s}: {dual.Evaluate([s])} < {Pironio(s)}");
    }

    [Theory]
    [InlineData(0.55)]
    [InlineData(0.6)]
    public void GhzNoSignallingDualGivesOnePointFiveMinusMu(double mu)
    {
        var (program, model) = FiniteSizeModels.Ghz(mu);
        var w = FiniteSizeModels.Expected(program, model);
        var dual = program.BoundAt(w);
        Assert.True(dual.Certified, dual.Method);
        Assert.Equal(1.5 - mu, dual.Evaluate(w), 1e-6);
    }
}
