using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Run;

/// <summary>
/// Every bound on the GHZ family, joint guess X, X (Fig. 2 of the paper as a table), through the engine's data
/// entry point. Opt-in (STEERINGRNG_BENCHMARKS=1); it asserts the ordering and the seesaw's gap to Q2.
/// </summary>
public class BoundTableBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void GhzFamily_AllBounds_AreOrdered() => _ = Table([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], dimension: 2, randomStarts: 2);

    // The paper's d = 10: the seesaw must meet Q2 (a gap of at most 0.01 bit).
    [BenchmarkFact]
    public void GhzFamily_Dimension10_AreOrdered_AndDimMeetsQ2() =>
        Assert.All(Table([0.6, 0.8], dimension: 10, randomStarts: 0), gap => Assert.InRange(gap, -1e-6, 0.01));

    /// <returns>H^Dim − H^Q2 at every point where both have a value.</returns>
    private List<double> Table(double[] mus, int dimension, int randomStarts)
    {
        var gaps = new List<double>();
        BoundSpec[] bounds =
        [
            new BoundSpec.NoSignalling(), new BoundSpec.Global(), new BoundSpec.Npa(1, []), new BoundSpec.Npa(2, []),
            new BoundSpec.Dimension(SeesawOptions.Default with { Dimension = dimension, RandomStarts = randomStarts }),
        ];
        foreach (var mu in mus)
        {
            var ghz = Ghz.Create(mu);
            var rows = CertificationEngine.Certify(ghz.Data, GuessTarget.Joint(0, 0), bounds, TestSolvers.Builtin(), ghz.Realisation);
            output.WriteLine($"mu = {mu}: " + string.Join("; ", rows.Select(r => $"{r.Bound} {r.Status} P_g={r.Pguess:R}")));
            Assert.All(rows, r => Assert.True(RowStatus.HasValue(r.Status), $"{r.Bound}: {r.Status} {r.Message}"));
            var q2 = rows.Single(r => r.Bound == "npa 2");
            var dim = rows.Single(r => r.Bound.StartsWith("seesaw", StringComparison.Ordinal));
            gaps.Add(dim.Hmin!.Value - q2.Hmin!.Value);
            output.WriteLine($"  H^Dim − H^Q2 = {gaps[^1]:F6} bits");
        }
        return gaps;
    }
}
