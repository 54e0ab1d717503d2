using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Seesaw;

/// <summary>
/// The seesaw at the paper's local dimension (d_B = d_C = 10) and at intermediate ones, on the GHZ example.
/// Minutes, not seconds: run with STEERINGRNG_BENCHMARKS=1. The assertions are the same exact facts as in the
/// fast tests; the printed P_g values are the measurements.
/// </summary>
public class SeesawBenchmarks(ITestOutputHelper output)
{
    /// <summary>
    /// The built-in solver: the block seesaw's SDPs have ~100 small blocks, where CSDP (a process per SDP, dense
    /// per-block work) took 1–2 s per SDP against the built-in solver's 0.1–0.3 s (measured at d = 10, μ = 0.8).
    /// </summary>
    private static ISdpSolver Solver() => TestSolvers.Builtin();

    private SeesawResult Run(double mu, int dimension, int randomStarts)
    {
        var ghz = Ghz.Create(mu);
        var options = SeesawOptions.Default with { Dimension = dimension, RandomStarts = randomStarts, MaxRounds = 15, Log = output.WriteLine };
        var result = new SeesawOptimizer(Solver(), options).Run(ghz.Data, GuessTarget.Joint(0, 0), ghz.Realisation);
        output.WriteLine($"mu = {mu}, d = {dimension}: {result.Status}, P_g = {result.GuessingProbability:R}, H = {SteeringRng.Certification.Results.MinEntropy.Bits(result.GuessingProbability):F6}; {result.Message}; {result.Statistics}");
        foreach (var start in result.Starts) output.WriteLine($"  {start}");
        Assert.True(result.IsBound, result.Message);
        return result;
    }

    [BenchmarkFact]
    public void PureGhz_Dimension10_IsTwoBits() => Assert.Equal(0.25, Run(1.0, 10, randomStarts: 0).GuessingProbability, 1e-7);

    // μ = 0.4 has a fully LHS model, so P_g = 1 is reachable with classical registers of dimension ≤ 2³ = 8 per
    // party; the seesaw is a local search and may stop below it. At least the analytic 0.7 attack must be found.
    [BenchmarkFact]
    public void UnsteerableGhz_GrowingDimension()
    {
        foreach (int d in new[] { 4, 8 })
            Assert.True(Run(0.4, d, randomStarts: 2).GuessingProbability >= 0.7 - 1e-9);
    }

    [BenchmarkFact]
    public void UnsteerableGhz_Dimension3_Log() => Run(0.4, 3, randomStarts: 1);

    // d = 10 = 2 + 2³: the padding levels hold all eight deterministic strategies of a party, so the LHS model
    // of μ = 0.4 fits and the first state step can reach P_g = 1.
    [BenchmarkFact]
    public void UnsteerableGhz_Dimension10_ReachesOne() =>
        Assert.Equal(1.0, Run(0.4, 10, randomStarts: 0).GuessingProbability, 1e-6);

    [BenchmarkFact]
    public void NoisyGhz_Dimension10() => Assert.True(Run(0.8, 10, randomStarts: 0).GuessingProbability >= 0.25);
}
