using System.Diagnostics;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Gaussian;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Quantum;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The period search re-uses one relaxation per objective (data swapped, structure kept): its P_g must be that of a
/// relaxation built from scratch at the same data, to solver precision, at every period, whichever period built it.
/// </summary>
public class ReusedRelaxationsTests(ITestOutputHelper output)
{
    /// <summary>The solver's accuracy on P_g (~1e-8) with a margin: two solves of the same SDP agree to this.</summary>
    private const double SolverPrecision = 1e-7;

    private static CvScenario Sample(double eta2, string search = "search grid 1")
    {
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", FormattableString.Invariant($"param eta2 = {eta2}"))
            .Replace("search grid 1 resolution 0.02 starts 3", search)
            .Replace("bounds ns, npa 1, seesaw dim 2", "bounds ns, npa 1");
        var (s, errors) = CvParser.Parse(text);
        Assert.Empty(errors);
        return s!;
    }

    private static Assemblage DataAt(CvScenario s, double tBob, double tCharlie)
    {
        var point = s.Points()[0];
        return CvRun.DataAt(s, CvRun.StateAt(s, point), point, [tBob, tCharlie]);
    }

    /// <summary>P_g from a relaxation built from scratch at these data (a new instance: nothing re-used).</summary>
    private static double Fresh(Assemblage data, GuessTarget guess, BoundSpec bound) =>
        new ReusedRelaxations(guess, 2, [bound], TestSolvers.Builtin(), RunSettings.Default, certify: false).Run(data)[0].Pguess!.Value;

    /// <summary>The search as it was: CertificationEngine.Certify per evaluation (a fresh, certified build).</summary>
    private static double FreshCertified(Assemblage data, GuessTarget guess, BoundSpec bound) =>
        CertificationEngine.Certify(data, guess, [bound], TestSolvers.Builtin())[0].Pguess!.Value;

    [Theory]
    [InlineData(0.3, "bob")]
    [InlineData(0.7, "bob")]    // Bob holds the stronger arm: P_g < 1 at more periods
    [InlineData(0.5, "joint")]
    public void ReusedRelaxation_GivesTheFreshBuildsPg_AtSeveralPeriods(double eta2, string objective)
    {
        var s = Sample(eta2);
        var guess = objective == "bob" ? new GuessTarget([0], [0]) : new GuessTarget([0, 1], [0, 0]);
        var ns = s.Bounds[0];
        var reused = new ReusedRelaxations(guess, 2, [ns], TestSolvers.Builtin(), RunSettings.Default, certify: false);
        // Built at the first periods, then data swapped in: periods on both sides of the box and in between.
        (double, double)[] periods = objective == "bob"
            ? [(4, 4), (2, 10), (6.5, 3.25), (3, 7), (5, 5)]
            : [(4, 6), (2.5, 9)];
        reused.Run(DataAt(s, periods[0].Item1, periods[0].Item2)); // the build: a fresh build by definition
        foreach (var (tb, tc) in periods.Skip(1))
        {
            var data = DataAt(s, tb, tc);
            var a = reused.Run(data)[0].Pguess!.Value;
            var b = Fresh(data, guess, ns);
            output.WriteLine($"η2 = {eta2} {objective} T = ({tb}, {tc}): re-used {a:R}, fresh {b:R}, |Δ| = {Math.Abs(a - b):E1}");
            Assert.Equal(b, a, SolverPrecision);
        }
    }

    [Fact]
    public void ParallelGrid_ChoosesWhatTheSequentialSearchChooses()
    {
        // A landscape with ties (plateaus): the parallel grid must break them in grid order, as the sequential one does.
        static double F(double[] t) => Math.Round(Math.Sin(t[0]) * Math.Cos(t[1]), 1);
        var one = new BinningPeriodSearch { GridStep = 1, Resolution = 0.1, Starts = 2 }.Maximise(2, F);
        var four = new BinningPeriodSearch { GridStep = 1, Resolution = 0.1, Starts = 2, Parallelism = 4 }.Maximise(2, F);
        Assert.Equal(one.Periods, four.Periods);
        Assert.Equal(one.Value, four.Value);
        Assert.Equal(one.Evaluations, four.Evaluations);
    }

    [BenchmarkFact]
    public void Benchmark_OneSinglePartyPoint_FreshBuildsAgainstReusedRelaxations()
    {
        // One point of the threshold test (η2 = 0.15, Bob, grid 2, resolution 0.25, two starts): the search as it was
        // (a fresh, certified build per evaluation) against the run's search now (re-used, uncertified, grid in parallel).
        var s = Sample(0.15, "search grid 2 resolution 0.25 starts 2");
        var guess = new GuessTarget([0], [0]);
        var search = s.Search with { Lower = 2, Upper = 10 };
        var clock = Stopwatch.StartNew();
        var before = search.Maximise(2, t => -Math.Log2(FreshCertified(DataAt(s, t[0], t[1]), guess, s.Bounds[0])));
        var tBefore = clock.Elapsed.TotalSeconds;
        var reused = new ReusedRelaxations(guess, 2, [s.Bounds[0]], TestSolvers.Builtin(), RunSettings.Default, certify: false);
        clock.Restart();
        var after = search.Maximise(2, t => -Math.Log2(reused.Run(DataAt(s, t[0], t[1]))[0].Pguess!.Value));
        var tAfter = clock.Elapsed.TotalSeconds;
        var reused2 = new ReusedRelaxations(guess, 2, [s.Bounds[0]], TestSolvers.Builtin(), RunSettings.Default, certify: false);
        clock.Restart();
        var parallel = (search with { Parallelism = 2 }).Maximise(2, t => -Math.Log2(reused2.Run(DataAt(s, t[0], t[1]))[0].Pguess!.Value));
        var tParallel = clock.Elapsed.TotalSeconds;
        output.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        output.WriteLine($"fresh builds: {tBefore:F1} s, {before.Evaluations} evaluations, H = {before.Value:R} at ({before.Periods[0]}, {before.Periods[1]})");
        output.WriteLine($"re-used:      {tAfter:F1} s, {after.Evaluations} evaluations, H = {after.Value:R} at ({after.Periods[0]}, {after.Periods[1]})");
        output.WriteLine($"re-used, grid on 2 threads: {tParallel:F1} s, H = {parallel.Value:R}");
        Assert.Equal(before.Value, after.Value, 1e-7);
        Assert.Equal(before.Value, parallel.Value, 1e-7);
    }
}
