using SteeringRng.Certification.Results;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// samples/ghz3-tomography.scn (docs/formulations/measured-probabilities.md) at μ = 0.8: the trusted node's
/// probabilities with X, Y, Z equal the assemblage at every bound (1e-7); with X, Z only every bound is weaker and
/// NS, Q1 and Q2 separate (the footnote's "nonignorable distinction between different lower bounds").
/// </summary>
public class MeasuredDataSampleTests
{
    private static IReadOnlyList<RunReport> RunSample(string sample, params string[] extra)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"steer-measured-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var r = CliRunner.Run(["run", Path.Combine(CliRunner.Root, "samples", sample), "--json", Path.Combine(dir, "r.json"), "--no-scenario-outputs", .. extra]);
            var files = Directory.GetFiles(dir, "r*.json").Order().ToArray();
            Assert.True(files.Length > 0, $"no JSON written; exit {r.ExitCode}; stderr: {r.Stderr}");
            return files.Select(f => ReportJsonReader.Parse(File.ReadAllText(f))).ToArray();
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static double Mu(ResultRow r) => r.Parameters.TryGetValue("mu", out var v) ? v : double.NaN;

    private static double Beta(ResultRow r) => r.Parameters.TryGetValue("beta", out var v) ? v : double.NaN;

    private static double Pg(RunReport report, string objective, string bound) =>
        report.Rows.Single(r => r.Objective == objective && r.Bound == bound).Pguess!.Value;

    [Fact]
    public void Tomography_sample_complete_probabilities_equal_the_assemblage_and_incomplete_ones_separate_the_bounds()
    {
        var reports = RunSample("ghz3-tomography.scn", "--set", "mu=[0.8]");
        Assert.Equal(3, reports.Count);
        var (assemblage, xyz, xz) = (reports[0], reports[1], reports[2]);
        foreach (var row in assemblage.Rows.Where(r => r.Status != RowStatus.NotApplicable))
        {
            Assert.Equal(RowStatus.Optimal, row.Status);
            var same = xyz.Rows.Single(r => r.Objective == row.Objective && r.Bound == row.Bound);
            Assert.True(same.Status == RowStatus.Optimal, $"{row.Objective}/{row.Bound}: {same.Status} {same.Message}");
            Assert.True(Math.Abs(row.Pguess!.Value - same.Pguess!.Value) <= 1e-7,
                $"{row.Objective}/{row.Bound}: assemblage {row.Pguess:R}, probabilities X, Y, Z {same.Pguess:R}");
            // Less data certify no more: P_g with X, Z only is at least the assemblage's.
            var weaker = xz.Rows.Single(r => r.Objective == row.Objective && r.Bound == row.Bound);
            Assert.True(weaker.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{row.Objective}/{row.Bound}: {weaker.Status} {weaker.Message}");
            Assert.True(weaker.Pguess >= row.Pguess - 1e-7, $"{row.Objective}/{row.Bound}: X, Z {weaker.Pguess:R} < assemblage {row.Pguess:R}");
        }
        // The joint guess with X, Z only: strictly weaker than the assemblage at NS, and NS > Q1 > Q2 on P_g.
        Assert.True(Pg(xz, "joint", "ns") > Pg(assemblage, "joint", "ns") + 0.05);
        Assert.True(Pg(xz, "joint", "ns") > Pg(xz, "joint", "npa 1") + 1e-3);
        Assert.True(Pg(xz, "joint", "npa 1") > Pg(xz, "joint", "npa 2") + 1e-4);
        // The lifted relaxation (X, Z leave directions of σ open) is built in full and says so; complete data
        // (X, Y, Z) are reconstructed and reduced, so their rows carry no such note.
        Assert.All(xz.Rows.Where(r => r.Bound is "ns" or "npa 1" or "npa 2"), r => Assert.Contains("no symmetry reduction (the data fix σ only through", r.Message));
        Assert.All(xyz.Rows, r => Assert.DoesNotContain("no symmetry reduction", r.Message));
    }

    [Fact]
    public void Inequality_sample_one_value_certifies_at_most_the_full_data_and_still_certifies()
    {
        var reports = RunSample("ghz3-inequality.scn", "--set", "mu=[0.45, 0.8]");
        Assert.Equal(2, reports.Count);
        var (full, one) = (reports[0], reports[1]);
        foreach (var row in full.Rows)
        {
            var other = one.Rows.Single(r => r.Objective == row.Objective && r.Bound == row.Bound && Mu(r) == Mu(row));
            Assert.True(other.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{other.Bound} at {Mu(other)}: {other.Status} {other.Message}");
            Assert.Contains("one steering-inequality value only", other.Message);
            Assert.True(other.Pguess >= row.Pguess - 1e-7, $"{row.Bound} at μ = {Mu(row)}: one value {other.Pguess:R} < full {row.Pguess:R}");
        }
        // Below the randomness threshold 1/2 nothing is certified; at μ = 0.8 one number still certifies randomness.
        Assert.All(one.Rows.Where(r => Mu(r) == 0.45), r => Assert.True(r.Pguess > 1 - 1e-6));
        Assert.All(one.Rows.Where(r => Mu(r) == 0.8), r => Assert.True(r.Hmin > 0.1, $"{r.Bound}: H = {r.Hmin}"));
    }

    /// <summary>samples/ghz3-counts.csv is what the seeded sampler gives (STEER_REGENERATE_SAMPLES=1 writes it).</summary>
    [Fact]
    public void Counts_sample_file_is_the_seeded_simulation_and_runs_repaired()
    {
        const string model = """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            measure Alice: X Z
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            param mu = 0.9
            state = mu * ghz + (1 - mu) * white
            data = probabilities
            bounds ns
            """;
        var run = SteeringRng.Certification.Run.ScenarioRun.Plan(SteeringRng.Scenario.ScenarioLanguage.Check("m.scn", model).Scenarios[0]);
        var layout = run.Model.MeasuredData!.Layout!;
        var counts = SteeringRng.Certification.Data.CountSimulation.Sample(layout, layout.Form.Observe(run.Points[0].Assemblage), 100_000, seed: 1);
        var csv = SteeringRng.Certification.Data.ProbabilitiesCsv.Write(layout, counts, counts: true);
        var path = Path.Combine(CliRunner.Root, "samples", "ghz3-counts.csv");
        if (Environment.GetEnvironmentVariable("STEER_REGENERATE_SAMPLES") == "1") File.WriteAllText(path, csv);
        Assert.Equal(csv, File.ReadAllText(path));

        var report = RunSample("ghz3-counts.scn").Single();
        Assert.All(report.Rows, r => Assert.True(r.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{r.Bound}: {r.Status} {r.Message}"));
        Assert.All(report.Rows, r => Assert.Contains("repaired (repair = nearest): no-signalling data at", r.Message));
        // The exact data's values (same scenario with the state): the counts' bounds are within 0.05 bits of them.
        var exact = run.Execute(new SteeringRng.Sdp.InteriorPointSolver()).Rows.Single();
        Assert.True(exact.Hmin > 0.5, $"the exact data certify randomness: H^NS = {exact.Hmin}");
        Assert.True(Math.Abs(report.Rows.Single(r => r.Bound == "ns").Hmin!.Value - exact.Hmin!.Value) < 0.05);
    }

    /// <summary>
    /// samples/ghz3-observed-value.scn: the functional of ghz3-inequality.scn from data/ghz3-functional.json, β given, no
    /// state. At β(μ = 0.8) of the state it gives ghz3-inequality.scn's one-value rows at μ = 0.8 (the same observation;
    /// 1e-7, as the tomography check); at β = 0, the functional's fully-LHS bound, it certifies nothing; H falls as β grows.
    /// The shipped file is the steering test's functional of that sample at μ = 0.7 (STEER_REGENERATE_SAMPLES=1 writes it).
    /// </summary>
    [Fact]
    public void Observed_value_sample_gives_the_one_value_rows_at_the_state_s_value_and_nothing_at_the_lhs_bound()
    {
        var inequality = SteeringRng.Scenario.ScenarioLanguage.Check("i.scn", File.ReadAllText(Path.Combine(CliRunner.Root, "samples", "ghz3-inequality.scn")));
        var model = new SteeringRng.Certification.Lowering.ScenarioModel(inequality.Scenarios[1]);
        var (target, functional, _) = SteeringRng.Certification.Data.MeasuredData.SteeringTestFunctional(model, "mu", 0.7);
        var path = Path.Combine(CliRunner.Root, "samples", "data", "ghz3-functional.json");
        if (Environment.GetEnvironmentVariable("STEER_REGENERATE_SAMPLES") == "1")
            SteeringRng.Certification.Data.FunctionalFiles.Write(path, functional, target, ["Bob", "Charlie"]);
        var shipped = SteeringRng.Certification.Data.FunctionalFiles.Blocks(SteeringRng.Certification.Data.FunctionalFiles.Read(path, target, ["Bob", "Charlie"]));
        Assert.All(shipped.Zip(functional), p =>
        {
            for (var i = 0; i < 2; i++)
                for (var j = 0; j < 2; j++)
                    Assert.True((p.First[i, j] - p.Second[i, j]).Magnitude < 1e-9, $"shipped functional differs: {p.First[i, j]} vs {p.Second[i, j]}");
        });

        // β of the state at μ = 0.8 (the form observes −F: β = −row 0).
        var sigma = model.AssemblageWith(model.StateWith(model.ValuesWith("mu", 0.8)), model.ValuesWith("mu", 0.8));
        var beta = -model.MeasuredData!.Form.Observe(sigma)[0];
        var betas = $"beta=[{beta.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, -0.3, 0]";
        var observed = RunSample("ghz3-observed-value.scn", "--set", betas).Single();
        var oneValue = RunSample("ghz3-inequality.scn", "--set", "mu=[0.8]")[1];
        Assert.All(observed.Rows, r => Assert.True(r.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{r.Bound} at {r.Parameters}: {r.Status} {r.Message}"));
        foreach (var row in oneValue.Rows)
        {
            var same = observed.Rows.Single(r => r.Bound == row.Bound && Beta(r) == beta);
            Assert.True(Math.Abs(row.Pguess!.Value - same.Pguess!.Value) <= 1e-7, $"{row.Bound}: state {row.Pguess:R}, observed value {same.Pguess:R}");
            Assert.True(same.Hmin > 0.4, $"{row.Bound}: H = {same.Hmin}"); // the one-value curve at μ = 0.8: 0.51 / 0.53 bits (docs)
            var middle = observed.Rows.Single(r => r.Bound == row.Bound && Beta(r) == -0.3);
            var lhs = observed.Rows.Single(r => r.Bound == row.Bound && Beta(r) == 0);
            Assert.True(same.Hmin > middle.Hmin && middle.Hmin > lhs.Hmin, $"{row.Bound}: H not decreasing in β");
            Assert.True(lhs.Pguess > 1 - 1e-6, $"{row.Bound}: β = 0 (the LHS bound) certifies P_g = {lhs.Pguess:R}");
        }
    }
}
