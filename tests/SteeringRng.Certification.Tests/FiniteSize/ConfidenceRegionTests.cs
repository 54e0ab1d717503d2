using SteeringRng.Certification.Data;
using SteeringRng.Certification.FiniteSize;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>The i.i.d. confidence region against simulated experiments with known true statistics.</summary>
public class ConfidenceRegionTests
{
    private const int Experiments = 10_000;

    /// <summary>
    /// 10⁴ seeded experiments (CountSimulation, 400 events per setting tuple of noisy GHZ, Alice measuring X and Z): the
    /// Hoeffding box at ε = 0.05 must contain the true statistics in at least a 1 − ε fraction of them. The same boxes
    /// shrunk 4× must miss in more than an ε fraction (so the coverage count can fail: it is not vacuous).
    /// </summary>
    [Fact]
    public void HoeffdingBoxCoversTheTrueStatisticsInAtLeastOneMinusEpsilonOfSimulatedExperiments()
    {
        var (program, model) = FiniteSizeModels.Ghz(0.9, alice: "X Z");
        var truth = FiniteSizeModels.Expected(program, model);
        const double epsilon = 0.05;
        int covered = 0, coveredShrunk = 0;
        for (var i = 0; i < Experiments; i++)
        {
            var counts = CountSimulation.Sample(program.Layout, truth, 400, seed: (ulong)(1000 + i));
            var region = ConfidenceRegion.Hoeffding(program.Statistics, new EventCounts(counts.Select(c => (long)c).ToArray(), 0), epsilon);
            if (region.Contains(truth)) covered++;
            if (region.Scaled(0.25).Contains(truth)) coveredShrunk++;
        }
        Assert.True(covered >= (1 - epsilon) * Experiments, $"covered {covered} of {Experiments}");
        Assert.True(coveredShrunk < (1 - epsilon) * Experiments, $"the 4× smaller box still covered {coveredShrunk} of {Experiments}");
    }

    [Fact]
    public void RadiusIsHoeffdingsForAConditionalProbability()
    {
        // Two settings (q = 1/2), two outcomes each; 100 rounds of setting "0": t = sqrt(ln(2K/ε)/(2·100)), K = 4.
        var events = new[] { new EventClass("0:0", "0", 0.5), new EventClass("0:1", "0", 0.5), new EventClass("1:0", "1", 0.5), new EventClass("1:1", "1", 0.5) };
        var statistics = TestStatistics.ConditionalProbabilities(events);
        var region = ConfidenceRegion.Hoeffding(statistics, new EventCounts([30, 70, 10, 190], 0), 0.01);
        Assert.Equal(0.3, region.Center[0], 1e-15);
        Assert.Equal(0.05, region.Center[2], 1e-15);
        Assert.Equal(Math.Sqrt(Math.Log(800) / 200), region.Radius[0], 1e-15);
        Assert.Equal(Math.Sqrt(Math.Log(800) / 400), region.Radius[3], 1e-15);
    }

    [Fact]
    public void RadiusOfChshUsesTheRangeEightOverAllTestRounds()
    {
        var statistics = TestStatistics.Chsh();
        var counts = Enumerable.Repeat(10L, 16).ToArray();
        var region = ConfidenceRegion.Hoeffding(statistics, new EventCounts(counts, 0), 0.1);
        Assert.Equal(0.0, region.Center[0], 1e-15); // every event equally often: S = 0
        Assert.Equal(8 * Math.Sqrt(Math.Log(20) / 320), region.Radius[0], 1e-15);
    }
}
