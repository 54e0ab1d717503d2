using System.Diagnostics;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Gaussian.Realisation;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The seesaw's H^Dim on CV data (continuous-variables.md §9), started from the Fock-truncated model.
/// </summary>
public class CvSeesawTests(ITestOutputHelper output)
{
    internal static CvScenario Fixed(double eta2, double tBob, double tCharlie, string bounds, string? objectives = null)
    {
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", FormattableString.Invariant($"param eta2 = {eta2}"))
            .Replace("homodyne Bob, Charlie: x period optimise 2 .. 10, p period unbiased bins 4",
                FormattableString.Invariant($"homodyne Bob: x period {tBob}, p period unbiased bins 4\nhomodyne Charlie: x period {tCharlie}, p period unbiased bins 4"))
            .Replace("bounds ns, npa 1, seesaw dim 2", "bounds " + bounds);
        if (objectives is not null)
            text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("objective", StringComparison.Ordinal) || objectives.Split(',').Any(o => l.StartsWith($"objective {o} ", StringComparison.Ordinal))));
        var (s, errors) = CvParser.Parse(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        return s!;
    }

    /// <summary>Runs the scenario, writes every row to the test output (and appends it to the file CV_ROWS names, if set).</summary>
    internal static IReadOnlyList<ResultRow> Run(CvScenario s, ITestOutputHelper output)
    {
        var report = CvRun.Execute(s, TestSolvers.Builtin(), RunSettings.Default with { Parallelism = 2 });
        var file = Environment.GetEnvironmentVariable("CV_ROWS");
        foreach (var r in report.Rows)
        {
            var line = $"{string.Join(",", r.Parameters.Select(p => $"{p.Key}={p.Value}"))} {r.Objective,-8} {r.Bound,-13} P_g = {r.Pguess:F10} H = {r.Hmin:F7} {r.Status} {r.Seconds:F1}s {r.Message}";
            output.WriteLine(line);
            if (!string.IsNullOrEmpty(file)) File.AppendAllText(file, line + "\n");
        }
        Assert.All(report.Rows, r => Assert.True(RowStatus.HasValue(r.Status), $"{r.Objective} {r.Bound}: {r.Status} {r.Message}"));
        return report.Rows;
    }

    /// <summary>
    /// H^NS ≤ H^Q1 ≤ H^Dim: the relaxations bound P_g from above (weak duality), a verified attack from below; an
    /// independent property (two different computations, one a relaxation, one an explicit attack). Bob only, so it runs
    /// in seconds; 1e-7 is the solver's accuracy on P_g with a margin.
    /// </summary>
    [Theory]
    [InlineData(0.25)]
    [InlineData(0.75)]
    public void SeesawBound_IsAboveTheQ1Bound(double eta2)
    {
        var rows = Run(Fixed(eta2, 5, 8, "ns, npa 1, seesaw dim 2", objectives: "bob"), output);
        double H(string bound) => rows.Single(r => r.Bound == bound).Hmin!.Value;
        Assert.True(H("ns") <= H("npa 1") + 1e-7, $"H^NS {H("ns")} > H^Q1 {H("npa 1")}");
        Assert.True(H("npa 1") <= H("seesaw dim 2") + 1e-7, $"H^Q1 {H("npa 1")} > H^Dim {H("seesaw dim 2")}");
        Assert.Contains("Fock model in local dimension 2", rows.Single(r => r.Bound == "seesaw dim 2").Message);
    }

    /// <summary>
    /// The reported attack reproduces the data within its proven deviation: the attack check's exact-arithmetic bound is
    /// at most the seesaw's feasibility tolerance, and recomputing the attack's assemblage here (AttackAlgebra, not the
    /// check) stays within that bound (rounded up, so ≥ the double computation to rounding).
    /// </summary>
    [Fact]
    public void TheAttack_ReproducesTheAssemblage_WithinItsProvenDeviation()
    {
        var s = Fixed(0.5, 5, 8, "ns", objectives: "bob");
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 8]);
        var (model, reason) = FockRealisation.Build(state, s.Trusted.Mode, 1, [1, 2], CvRun.SettingsAt(s, point, [5, 8]), data, 2);
        Assert.True(model is not null, reason);
        var result = new SeesawOptimizer(TestSolvers.Builtin(), SeesawOptions.Default with { Dimension = 2 })
            .Run(data, new GuessTarget([0], [0]), model!);
        Assert.True(result.IsBound, $"{result.Status}: {result.Message}");
        var proven = result.Check!.ProvenMaxDeviation;
        Assert.NotNull(proven);
        Assert.InRange(proven!.Value, 0, SeesawOptions.Default.FeasibilityTolerance);
        var produced = result.Attack!.Assemblage();
        double worst = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var p = produced[a, x];
                var q = data[a, x];
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++) worst = Math.Max(worst, (p[i, j] - q[i, j]).Magnitude);
            }
        Assert.InRange(worst, 0, proven.Value * (1 + 1e-9) + 1e-15);
        output.WriteLine($"P_g {result.GuessingProbability:F10}, deviation {worst:E2}, proven ≤ {proven:E2}");
    }

    /// <summary>
    /// η2 = 0: Bob's mode is the vacuum, a product with everything else, so Eve can hold a classical copy of his outcomes
    /// (P_g = 1, H = 0) — what the relaxations give too (CvCommandTests). The seesaw reaches it once the copy fits (local
    /// dimension ≥ 7; in dimension 2 it stays at the Fock model's P_g, continuous-variables.md §9.6), and H^Dim = 0 = H:
    /// the upper and lower bounds meet at the end of the curve.
    /// </summary>
    [Fact]
    public void AtEta2Zero_BobsSeesawH_IsZero()
    {
        // Dimension 7: Eve's register needs 1 + Σ_y (n_y − 1) = 7 levels (two settings of 4 bins).
        var rows = Run(Fixed(0, 5, 5, "ns, seesaw dim 7", objectives: "bob"), output);
        var seesaw = rows.Single(r => r.Bound == "seesaw dim 7");
        Assert.InRange(seesaw.Pguess!.Value, 1 - 1e-9, 1 + 1e-9);
        Assert.InRange(rows.Single(r => r.Bound == "ns").Hmin!.Value, 0, 1e-6);
    }
    /// <summary>
    /// With searched periods the seesaw row is computed at the periods the search chose for the objective's first bound,
    /// the same as the lower-bound rows it is compared with (continuous-variables.md §9.4): both rows name the same periods.
    /// A coarse search (grid 4 on [2, 10]², resolution 2) keeps it short; Bob only.
    /// </summary>
    [Fact]
    public void SearchedPeriods_TheSeesawRowUsesTheLowerBoundRowsPeriods()
    {
        var text = File.ReadAllText(CvParserTests.SamplePath)
            .Replace("param eta2 = 0 .. 1 step 0.01", "param eta2 = [0.5]")
            .Replace("search grid 1 resolution 0.02 starts 3", "search grid 4 resolution 2 starts 1")
            .Replace("bounds ns, npa 1, seesaw dim 2", "bounds ns, seesaw dim 2");
        text = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("objective", StringComparison.Ordinal) || l.StartsWith("objective bob ", StringComparison.Ordinal)));
        var (s, errors) = CvParser.Parse(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var rows = Run(s!, output);
        static string Periods(ResultRow r)
        {
            int at = r.Message.IndexOf("periods Bob.x", StringComparison.Ordinal);
            Assert.True(at >= 0, r.Message);
            return r.Message[at..].Split(';')[0];
        }
        Assert.Equal(Periods(rows.Single(r => r.Bound == "ns")), Periods(rows.Single(r => r.Bound == "seesaw dim 2")));
    }
}
