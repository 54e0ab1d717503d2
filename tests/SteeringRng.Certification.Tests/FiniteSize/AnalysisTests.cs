using SteeringRng.Certification.Data;
using SteeringRng.Certification.FiniteSize;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>The two analyses of a run's counts end to end, and the affine bound's validity away from its reference.</summary>
public class AnalysisTests
{
    private static readonly double Epsilon = Math.Pow(2, -40);

    /// <summary>CHSH counts with the Tsirelson-like model at S = 2.7: p(ab|xy) = (1 + (−1)^{a+b+xy} S/4)/4.</summary>
    private static long[] ChshCounts(long perSetting, double s) =>
        [.. Enumerable.Range(0, 16).Select(c =>
        {
            int x = c >> 3, y = (c >> 2) & 1, a = (c >> 1) & 1, b = c & 1;
            var sign = (a + b + x * y) % 2 == 0 ? 1 : -1;
            return (long)Math.Round(perSetting * (1 + sign * s / 4) / 4);
        })];

    [Fact]
    public void IidAnalysisOfChshCountsIsLabelledAndBelowTheAsymptoticRate()
    {
        var program = FiniteSizeModels.Chsh();
        var counts = ChshCounts(1_000_000, 2.7);
        var protocol = new ProtocolParameters(1e8, 0.04, [0.01], Epsilon, Epsilon, Epsilon, 1e-6);
        var result = FiniteSizeAnalysis.Iid(program, protocol, new EventCounts(counts, (long)1e8 - counts.Sum()));
        Assert.Equal("i.i.d.", result.Mode);
        Assert.True(result.Certified, result.Note);
        var observed = result.Region.Center[0];
        // P_g over the region ≥ Pironio's P_g at the region's lowest S (the largest P_g in it), < 1.
        var lowest = observed - result.Region.Radius[0];
        Assert.True(result.PguessOverRegion >= 0.5 + 0.5 * Math.Sqrt(2 - lowest * lowest / 4) - 1e-9);
        Assert.True(result.PguessOverRegion < 1);
        Assert.Equal(1e8 * 0.96 * result.HminPerGenerationRound, result.TotalEntropy, 1e-3);
        Assert.Equal(Math.Floor(result.TotalEntropy - 80), result.OutputBits);
    }

    [Fact]
    public void EatAcceptsCountsInsideTheBoxAndAbortsOutside()
    {
        var program = FiniteSizeModels.Chsh();
        const double n = 1e8, gamma = 0.04;
        var counts = ChshCounts((long)(n * gamma / 4), 2.7);
        var protocol = new ProtocolParameters(n, gamma, [0.02], Epsilon, Epsilon, Epsilon, 1e-6);
        var ok = FiniteSizeAnalysis.Eat(program, protocol, [2.7], new EventCounts(counts, (long)n - counts.Sum()));
        Assert.Equal("EAT", ok.Mode);
        Assert.True(ok.Accepted);
        Assert.True(ok.Certified, ok.Note);
        Assert.True(ok.Terms.Rate < ok.AsymptoticRate);
        Assert.Equal(Math.Floor(n * ok.Terms.Rate - 80), ok.OutputBits);
        var bad = FiniteSizeAnalysis.Eat(program, protocol, [2.8], new EventCounts(counts, (long)n - counts.Sum()));
        Assert.False(bad.Accepted);
        Assert.False(bad.Certified);
        Assert.Equal(0, bad.OutputBits);
        Assert.Contains("SR1223", bad.Note);
        Assert.Contains("outside the acceptance interval", bad.Note);
    }

    [Fact]
    public void CountsThatDoNotAddUpToNAreRefused()
    {
        var program = FiniteSizeModels.Chsh();
        var counts = ChshCounts(1000, 2.7);
        var protocol = new ProtocolParameters(1e6, 0.04, [0.02], Epsilon, Epsilon, Epsilon, 1e-6);
        var e = Assert.Throws<FiniteSizeInputException>(() => FiniteSizeAnalysis.Eat(program, protocol, [2.7], new EventCounts(counts, 5)));
        Assert.Equal(FiniteSizeDiagnostics.ShapeMismatch, e.Code);
        e = Assert.Throws<FiniteSizeInputException>(() => FiniteSizeAnalysis.Iid(program, protocol, new EventCounts([.. counts.Take(15)], 5)));
        Assert.Equal(FiniteSizeDiagnostics.ShapeMismatch, e.Code);
        e = Assert.Throws<FiniteSizeInputException>(() => FiniteSizeAnalysis.Iid(program, protocol, new EventCounts(new long[16], 5)));
        Assert.Equal(FiniteSizeDiagnostics.BadCounts, e.Code);
    }

    /// <summary>The dual read at GHZ μ = 0.9 (NS) bounds the primal solved at other μ: P_g(w(μ')) ≤ α + λ·w(μ').</summary>
    [Fact]
    public void SteeringAffineBoundHoldsAtOtherStatistics()
    {
        var (program, model) = FiniteSizeModels.Ghz(0.9);
        var dual = program.BoundAt(FiniteSizeModels.Expected(program, model));
        Assert.True(dual.Certified, dual.Method);
        foreach (var mu in new[] { 0.55, 0.7, 0.8, 1.0 })
        {
            var (other, otherModel) = FiniteSizeModels.Ghz(mu);
            var w = FiniteSizeModels.Expected(other, otherModel);
            var primal = other.BoundAt(w).PguessAtReference;
            Assert.True(dual.Evaluate(w) >= primal - 1e-7, $"μ = {mu}: {dual.Evaluate(w)} < {primal}");
            if (mu == 0.55) Assert.Equal(0.95, primal, 1e-6); // the exact NS value 1.5 − μ
        }
    }

    /// <summary>The reference search can only improve on v = w_exp (t = 0 is on its grid), and every candidate is certified.</summary>
    [Fact]
    public void ReferenceSearchDoesNotLoseRateAgainstTheExpectedPoint()
    {
        var program = FiniteSizeModels.Chsh();
        var protocol = new ProtocolParameters(1e7, 0.1, [0.03], Epsilon, Epsilon, Epsilon, 1e-6);
        var plain = FiniteSizeAnalysis.Eat(program, protocol, [2.7]);
        var searched = FiniteSizeAnalysis.Eat(program, protocol, [2.7], search: new ReferenceSearch(t => [2.7 - 0.3 * t]));
        Assert.True(plain.Certified && searched.Certified);
        Assert.True(searched.Terms.Rate >= plain.Terms.Rate, $"{searched.Terms.Rate} < {plain.Terms.Rate}");
        Assert.True(searched.Dual.Reference[0] < 2.7); // at n = 10⁷ a reference inside the set wins (smaller slope)
        Assert.True(searched.Terms.Rate < searched.AsymptoticRate);
    }
}
