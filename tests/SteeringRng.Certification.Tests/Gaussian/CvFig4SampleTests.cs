using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The claims of the paper's Fig. 4(c), checked on samples/cv-fig4.scn with a coarser η2 grid and period search than the
/// sample's (which is runnable in full with `steer cv samples/cv-fig4.scn`): joint randomness at every η2; Bob's (Charlie's)
/// single-party randomness zero — H ≤ 1e-6 bit, the tolerance that defines zero — near η2 = 0 (1) and positive beyond the
/// threshold (the paper: 0.11, 0.89); NS ≤ Q1; the η2 ↔ 1 − η2, Bob ↔ Charlie symmetry; and that without renormalising
/// by Tr Σσ the single-party H never reaches zero (the other reading of the data, continuous-variables.md §6).
/// </summary>
public class CvFig4SampleTests(ITestOutputHelper output)
{
    /// <summary>H below this many bits is zero: the solver's accuracy (P_g to ~1e-8) with a margin.</summary>
    private const double Zero = 1e-6;

    private static readonly string Sample = File.ReadAllText(CvParserTests.SamplePath);

    private static CvScenario Variant(string eta2, string search, string? objectives = null, string periods = "x period optimise 2 .. 10", string data = "renormalised")
    {
        var text = Sample.Replace("param eta2 = 0 .. 1 step 0.01", $"param eta2 = {eta2}")
            .Replace("search grid 1 resolution 0.02 starts 3", search)
            .Replace("homodyne Bob, Charlie: x period optimise 2 .. 10", periods.Contains("homodyne Charlie") ? "homodyne Bob: " + periods : "homodyne Bob, Charlie: " + periods)
            .Replace("data renormalised", $"data {data}")
            .Replace("bounds ns, npa 1, seesaw dim 2", "bounds ns, npa 1"); // the seesaw rows: CvSeesawTests
        if (objectives is not null)
            text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("objective", StringComparison.Ordinal) || objectives.Split(',').Any(o => l.StartsWith($"objective {o} ", StringComparison.Ordinal))));
        var (s, errors) = CvParser.Parse(text);
        Assert.Empty(errors);
        return s!;
    }

    private static double Eta(ResultRow r) => r.Parameters.TryGetValue("eta2", out var v) ? v : double.NaN;

    private IReadOnlyList<ResultRow> Run(CvScenario s)
    {
        var report = CvRun.Execute(s, TestSolvers.Builtin(), RunSettings.Default with { Parallelism = 2 });
        foreach (var r in report.Rows)
            output.WriteLine($"eta2 = {Eta(r):F2} {r.Objective,-8} {r.Bound,-6} H = {r.Hmin:F7} {r.Status} {r.Message}");
        Assert.All(report.Rows, r => Assert.True(RowStatus.HasValue(r.Status), $"{r.Objective} {r.Bound}: {r.Status} {r.Message}"));
        return report.Rows;
    }

    private static void AssertOrdered(IReadOnlyList<ResultRow> rows)
    {
        foreach (var g in rows.GroupBy(r => (Eta(r), r.Objective)))
        {
            var ns = g.Single(r => r.Bound == "ns").Hmin!.Value;
            var q1 = g.Single(r => r.Bound == "npa 1").Hmin!.Value;
            Assert.True(ns <= q1 + 1e-7, $"η2 = {g.Key.Item1} {g.Key.Objective}: H^NS {ns} > H^Q1 {q1}");
        }
    }

    [Fact]
    public void JointRandomness_IsPositiveAtEveryEta2_AndNsBelowQ1()
    {
        // Fixed periods, no search: H at any periods is a lower bound on the maximised H, so positive H here proves the
        // claim at these points (a search would only raise it; the search itself is tested in BinningPeriodSearchTests).
        var rows = Run(Variant("[0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]", "search grid 1", "joint", "x period 4"));
        Assert.All(rows.Where(r => r.Bound == "ns"), r => Assert.True(r.Hmin > Zero, $"η2 = {Eta(r)}: joint H^NS = {r.Hmin}"));
        AssertOrdered(rows);
    }

    // Slow, so opt-in like the benchmarks: with re-used relaxations each period search takes 9–20 s, but the whole test
    // took 9.1 min at load ~27 on 2 cores (8 searches ~2 min; the rest the certified NS and Q1 rows). Zero needs the
    // maximum over the periods, which no fixed period can show.
    [BenchmarkFact]
    public void SingleParty_ThresholdsNearTheEnds_AreMirrorImages()
    {
        // Bob: zero at η2 = 0.05, positive at 0.15 (the paper's threshold 0.11 lies between); Charlie mirrored.
        var rows = Run(Variant("[0.05, 0.15, 0.85, 0.95]", "search grid 2 resolution 0.25 starts 2", "bob,charlie"));
        double H(double eta2, string who) => rows.Single(r => Math.Abs(Eta(r) - eta2) < 1e-9 && r.Objective == who && r.Bound == "ns").Hmin!.Value;
        Assert.True(H(0.05, "bob") <= Zero);
        Assert.True(H(0.15, "bob") > Zero);
        Assert.True(H(0.95, "charlie") <= Zero);
        Assert.True(H(0.85, "charlie") > Zero);
        // Charlie, holding the stronger arm near η2 = 0, has randomness there.
        Assert.True(H(0.05, "charlie") > 0.01);
        Assert.Equal(H(0.15, "bob"), H(0.85, "charlie"), 5);
        AssertOrdered(rows);
    }

    [Fact]
    public void Symmetry_BobAtEta2_IsCharlieAtOneMinusEta2_WithPeriodsSwapped()
    {
        // Swapping η2 ↔ 1 − η2 maps Bob's mode to Charlie's with x ↦ −x (the vacuum input is symmetric), which only
        // relabels bins k ↦ n − 1 − k: H is unchanged exactly.
        static string Two(double tb, double tc) =>
            $"x period {tb}, p period unbiased bins 4\nhomodyne Charlie: x period {tc}";
        var a = Run(Variant("0.3", "search grid 1", "bob", Two(3.7, 6.1)));
        var b = Run(Variant("0.7", "search grid 1", "charlie", Two(6.1, 3.7)));
        Assert.Equal(a.Single(r => r.Bound == "ns").Hmin!.Value, b.Single(r => r.Bound == "ns").Hmin!.Value, 6);
    }

    [Fact]
    public void ProjectedData_NeverReachZero_RenormalisedDataDo()
    {
        // Without renormalising, P_g ≤ Tr Σσ = p_K ≈ 0.988, so H ≥ −log2 p_K ≈ 0.018 > 0 even where Eve knows Bob's outcome.
        var projected = Run(Variant("0", "search grid 1", "bob", "x period 4", "projected"));
        var renormalised = Run(Variant("0", "search grid 1", "bob", "x period 4", "renormalised"));
        Assert.True(projected.Single(r => r.Bound == "ns").Hmin > 0.015);
        Assert.True(renormalised.Single(r => r.Bound == "ns").Hmin <= Zero);
    }

    [BenchmarkFact]
    public void Benchmark_OnePointAndTheWholeSample()
    {
        // Time per η2 point: the assemblage, each bound at fixed periods, then one point with the sample's own search.
        var fixedPeriods = Variant("0.5", "search grid 1", null, "x period 5");
        var state = CvRun.StateAt(fixedPeriods, fixedPeriods.Points()[0]);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = CvRun.DataAt(fixedPeriods, state, fixedPeriods.Points()[0], []);
        output.WriteLine($"assemblage (K = 1, 2 × 4 outcomes × 2 settings per party): {clock.Elapsed.TotalMilliseconds:F1} ms");
        foreach (var row in Run(fixedPeriods)) output.WriteLine($"  {row.Objective} {row.Bound}: {row.Seconds:F2} s");
        clock.Restart();
        var point = Run(Variant("0.5", "search grid 1 resolution 0.02 starts 3"));
        output.WriteLine($"one point of the sample with its search: {clock.Elapsed.TotalSeconds:F1} s (the sample has 101 points)");
    }
}
