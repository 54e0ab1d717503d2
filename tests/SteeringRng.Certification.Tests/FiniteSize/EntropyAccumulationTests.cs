using SteeringRng.Certification.FiniteSize;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>The EAT rate against its analytic limits (CHSH: Pironio's H) and the monotonicity it must have.</summary>
public class EntropyAccumulationTests
{
    private const double S = 2.7;
    private static readonly double PironioH = 1 - Math.Log2(1 + Math.Sqrt(2 - S * S / 4));
    private static readonly Lazy<(DeviceIndependentGuessingProgram Program, AffineGuessingBound Dual)> Chsh = new(() =>
    {
        var program = FiniteSizeModels.Chsh();
        return (program, program.BoundAt([S]));
    });

    private static ProtocolParameters Protocol(double n, double gamma, double delta) =>
        new(n, gamma, [delta], Math.Pow(2, -64), Math.Pow(2, -64), Math.Pow(2, -64), 1e-6);

    [Fact]
    public void MinTradeoffAtTheReferenceIsOneMinusGammaTimesHmin()
    {
        var (program, dual) = Chsh.Value;
        var terms = EntropyAccumulation.Rate(program.Statistics, dual, Protocol(1e10, 0.1, 0), 2, [S]);
        Assert.Equal(0.9 * PironioH, terms.MinTradeoff, 1e-6);
    }

    /// <summary>
    /// δ = 0: the rate tends to (1 − γ)·H_min from below, and the gap falls as n^{-1/2} (ε_V ∝ β, ε_Ω/n ∝ 1/(βn), so the
    /// optimal loss is 2√(ε_V/β · ε_Ω β / n) plus the smaller ε_K): 100× more rounds, 10× smaller gap.
    /// </summary>
    [Fact]
    public void RateTendsToTheAsymptoticRateAsOneOverRootN()
    {
        var (program, dual) = Chsh.Value;
        var limit = 0.9 * PironioH;
        var gaps = new[] { 1e8, 1e10, 1e12 }.Select(n => limit - EntropyAccumulation.Rate(program.Statistics, dual, Protocol(n, 0.1, 0), 2, [S]).Rate).ToArray();
        Assert.All(gaps, g => Assert.True(g > 0));
        Assert.InRange(gaps[0] / gaps[1], 9.0, 11.0);
        Assert.InRange(gaps[1] / gaps[2], 9.0, 11.0);
        Assert.True(gaps[2] < 1e-3, $"gap at 1e12: {gaps[2]}");
    }

    [Fact]
    public void RateIsIncreasingInNAndDecreasingInDelta()
    {
        var (program, dual) = Chsh.Value;
        double Rate(double n, double delta) => EntropyAccumulation.Rate(program.Statistics, dual, Protocol(n, 0.05, delta), 2, [S]).Rate;
        var ns = RatePlanner.LogGrid(6, 14, 0.25).ToArray();
        for (var i = 1; i < ns.Length; i++) Assert.True(Rate(ns[i], 0.01) > Rate(ns[i - 1], 0.01), $"n = {ns[i]}");
        var deltas = new[] { 0.0, 1e-4, 1e-3, 1e-2, 0.05 };
        for (var i = 1; i < deltas.Length; i++) Assert.True(Rate(1e10, deltas[i]) < Rate(1e10, deltas[i - 1]), $"δ = {deltas[i]}");
    }

    [Fact]
    public void WorstPointShiftsTheStatisticAgainstTheBound()
    {
        // λ < 0 for CHSH (more violation, less guessing): the worst point of S ± δ is S − δ.
        var (program, dual) = Chsh.Value;
        Assert.True(dual.Lambda[0] < 0);
        var terms = EntropyAccumulation.Rate(program.Statistics, dual, Protocol(1e10, 0.1, 0.02), 2, [S]);
        Assert.Equal(S - 0.02, terms.WorstPoint[0], 1e-15);
        Assert.Equal(8 * Math.Abs(dual.Lambda[0]), terms.LambdaSpread, 1e-12);
        Assert.Equal(4, terms.OutputAlphabet); // a and b are recorded in every round, though only a is guessed (d_O = 2)
    }

    [Fact]
    public void SecondOrderTermsAtHandComputedPoint()
    {
        // β = 1/2, γ = 1/2, B = 1/ln 2, Δ = 1, d_O = 2: log2(9) + √(2 + 1/(2 ln²2)) and E = 1 + 1/(2 ln 2).
        var b = 1 / Math.Log(2);
        var inner = Math.Log2(9) + Math.Sqrt(2 + 0.25 * b * b / 0.5);
        Assert.Equal(0.25 * Math.Log(2) * inner * inner, SecondOrderTerms.EpsilonV(0.5, 0.5, b, 1, 2), 1e-12);
        var e = 1 + 0.5 * b;
        var ek = 0.25 / (6 * 0.125 * Math.Log(2)) * Math.Pow(2, 0.5 * e) * Math.Pow(Math.Log(Math.Pow(2, e) + Math.E * Math.E), 3);
        Assert.Equal(ek, SecondOrderTerms.EpsilonK(0.5, 0.5, b, 1, 2), 1e-12);
        Assert.Equal((1 + 2 * 128) / 0.5, SecondOrderTerms.EpsilonOmega(0.5, Math.Pow(2, -64), Math.Pow(2, -64)), 1e-9);
    }

    [Fact]
    public void GoldenSectionBetaMatchesAFineGrid()
    {
        double Loss(double beta) => SecondOrderTerms.Loss(beta, 1e9, 0.05, 3.0, 2.0, 4, 1e-10, 1e-10);
        var beta = BetaOptimizer.Minimise(Loss);
        var grid = Enumerable.Range(1, 200_000).Select(i => Math.Pow(10, -8 + 8.0 * i / 200_001)).Min(Loss);
        Assert.True(Loss(beta) <= grid + 1e-12, $"golden {Loss(beta)} vs grid {grid}");
    }

    [Fact]
    public void CompletenessByChernoffForAnEventFrequency()
    {
        // One statistic p(0|0) with q = 1/2 (g = 2), w = 0.3, δ = 0.01, γ = 0.1, n = 10⁶: 2 exp(−γ n δ² / (3 g w)).
        var events = new[] { new EventClass("0:0", "0", 0.5), new EventClass("0:1", "0", 0.5), new EventClass("1:0", "1", 0.5), new EventClass("1:1", "1", 0.5) };
        var statistics = new TestStatistics(events, ["p(0|0)"], [[2, 0, 0, 0]]);
        var protocol = new ProtocolParameters(1e6, 0.1, [0.01], 1e-9, 1e-9, 1e-9, 1e-6);
        Assert.Equal(2 * Math.Exp(-0.1 * 1e6 * 1e-4 / (3 * 2 * 0.3)), Completeness.Error(statistics, [0.3], protocol), 1e-15);
    }

    [Fact]
    public void BadProtocolParametersAreRefusedWithTheirCode()
    {
        var (program, dual) = Chsh.Value;
        var e = Assert.Throws<FiniteSizeInputException>(() => EntropyAccumulation.Rate(program.Statistics, dual, Protocol(1e6, 1.5, 0.01), 2, [S]));
        Assert.Equal(FiniteSizeDiagnostics.ParameterRange, e.Code);
        Assert.Contains("γ", e.Message);
        e = Assert.Throws<FiniteSizeInputException>(() => EntropyAccumulation.Rate(program.Statistics, dual, Protocol(1e6, 0.1, 0.01) with { Tolerances = [0.1, 0.2] }, 2, [S]));
        Assert.Equal(FiniteSizeDiagnostics.ShapeMismatch, e.Code);
    }
}
