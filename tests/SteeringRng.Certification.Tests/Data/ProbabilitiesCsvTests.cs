using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Scenario;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Data;

/// <summary>
/// Measured probabilities from a tidy CSV (docs/formulations/measured-probabilities.md): round trip against the model,
/// located refusals of bad files, the no-signalling refusal and the repair, and a fuzz of the reader.
/// </summary>
public class ProbabilitiesCsvTests
{
    private const string Nodes = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        measure Alice: X Z
        measure Bob, Charlie: X Y
        objective joint = guess Bob.X, Charlie.X
        """;

    private static string ModelScenario(double mu) => Nodes + $"\nparam mu = [{mu.ToString(System.Globalization.CultureInfo.InvariantCulture)}]\nstate = mu * ghz + (1 - mu) * white\ndata = probabilities\nbounds ns, npa 1, global\n";

    private static string FileScenario(string repair = "") => Nodes + "\nprobabilities = file(\"counts.csv\")\n" + repair + "bounds ns, npa 1, global\n";

    private static ScenarioRun Plan(string text, string? csv)
    {
        var options = new CheckOptions { Resolver = name => name == "counts.csv" ? csv : null };
        var result = ScenarioLanguage.Check("t.scn", text, options);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        return ScenarioRun.Plan(result.Scenarios[0]);
    }

    /// <summary>The model's probabilities at μ, as the layout orders them, and the layout.</summary>
    private static (double[] Values, ProbabilityLayout Layout) ModelProbabilities(double mu)
    {
        var run = Plan(ModelScenario(mu), null);
        var layout = run.Model.MeasuredData!.Layout!;
        return (layout.Form.Observe(run.Points[0].Assemblage), layout);
    }

    private static string Error(string csv, string repair = "")
    {
        var e = Assert.Throws<ScenarioInputException>(() => Plan(FileScenario(repair), csv));
        return e.Message;
    }

    [Fact]
    public void Model_to_csv_and_back_gives_the_same_probabilities_and_bounds()
    {
        var (values, layout) = ModelProbabilities(0.85);
        var csv = ProbabilitiesCsv.Write(layout, values, counts: false);
        var table = ProbabilitiesCsv.Read("counts.csv", csv, layout);
        for (var i = 0; i < values.Length; i++) Assert.Equal(values[i], table.Values[i], 1e-12);
        var fromModel = Plan(ModelScenario(0.85), null).Execute(new InteriorPointSolver()).Rows;
        var fromFile = Plan(FileScenario(), csv).Execute(new InteriorPointSolver()).Rows;
        foreach (var row in fromModel)
        {
            Assert.Equal(RowStatus.Optimal, row.Status);
            var other = fromFile.Single(r => r.Objective == row.Objective && r.Bound == row.Bound);
            Assert.Equal(row.Pguess!.Value, other.Pguess!.Value, 1e-9);
            Assert.Equal("", other.Message.Contains("repaired") ? "repaired without need" : "");
        }
    }

    [Fact]
    public void Counts_become_frequencies_with_their_totals()
    {
        var (values, layout) = ModelProbabilities(1.0);
        // Exact GHZ probabilities are multiples of 1/8 or 1/16 here, so 1600 counts per setting tuple are exact.
        var counts = values.Select(p => p * 1600).ToArray();
        var table = ProbabilitiesCsv.Read("counts.csv", ProbabilitiesCsv.Write(layout, counts, counts: true), layout);
        Assert.True(table.FromCounts);
        Assert.All(table.Totals!, n => Assert.Equal(1600, n));
        for (var i = 0; i < values.Length; i++) Assert.Equal(values[i], table.Values[i], 1e-15);
    }

    private static string ValidCounts()
    {
        var (values, layout) = ModelProbabilities(1.0);
        return ProbabilitiesCsv.Write(layout, values.Select(p => p * 1600).ToArray(), counts: true);
    }

    [Theory]
    // Row 2 is the event Alice=X:0 Bob=X:0 Charlie=X:0 of pure GHZ: p = (1 + ⟨XXX⟩)/8 = 1/4, 400 of 1600 counts.
    [InlineData("missing column", "Bob.outcome", "Bobby.outcome", "unknown column 'Bobby.outcome'")]
    [InlineData("negative count", "\r\nX,0,X,0,X,0,400\r\n", "\r\nX,0,X,0,X,0,-3\r\n", "row 2: column 'count': negative count -3")]
    [InlineData("NaN", "\r\nX,0,X,0,X,0,400\r\n", "\r\nX,0,X,0,X,0,NaN\r\n", "row 2: column 'count': 'NaN' is not a whole number")]
    [InlineData("unknown setting", "\r\nX,0,X,0,X,0,400\r\n", "\r\nX,0,W,0,X,0,400\r\n", "row 2: column 'Bob.setting': 'W' is not a setting of Bob; its settings are X, Y")]
    [InlineData("outcome out of range", "\r\nX,0,X,0,X,0,400\r\n", "\r\nX,0,X,2,X,0,400\r\n", "row 2: column 'Bob.outcome': '2' is not an outcome of Bob.X (0..1)")]
    [InlineData("short row", "\r\nX,0,X,0,X,0,400\r\n", "\r\nX,0,X,0,X,400\r\n", "row 2: 6 fields, but the header has 7")]
    public void A_bad_file_is_refused_with_file_row_and_problem(string what, string from, string to, string expected)
    {
        var csv = ValidCounts();
        Assert.Contains(from, csv);
        var message = Error(csv.Replace(from, to));
        Assert.True(message.StartsWith("counts.csv: ", StringComparison.Ordinal), $"{what}: {message}");
        Assert.Contains(expected, message);
    }

    [Fact]
    public void A_missing_row_names_the_event()
    {
        var csv = ValidCounts().Replace("X,0,X,0,X,0,400\r\n", "");
        Assert.Contains("counts.csv: missing row: no row for the event Alice=X:0 Bob=X:0 Charlie=X:0", Error(csv));
    }

    [Fact]
    public void A_duplicate_row_names_both_rows()
    {
        var lines = ValidCounts().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(5, lines[1]);
        Assert.Contains("row 6: duplicate row: the event Alice=X:0 Bob=X:0 Charlie=X:0 is already given in row 2", Error(string.Join("\r\n", lines)));
    }

    [Fact]
    public void A_setting_never_measured_is_refused()
    {
        var csv = string.Join("\r\n", ValidCounts().Split("\r\n")
            .Select(l => l.StartsWith("Z,0,Y,", StringComparison.Ordinal) || l.StartsWith("Z,1,Y,", StringComparison.Ordinal) ? string.Join(",", l.Split(',')[..6].Append("0")) : l));
        // Alice Z with Bob Y has rows for Charlie X and Y: both tuples now have total 0.
        Assert.Contains("counts.csv: setting never measured: the setting tuple Alice.Z Bob.Y Charlie.X has no counts (total 0)", Error(csv));
    }

    [Fact]
    public void Probabilities_that_do_not_sum_to_one_are_refused()
    {
        var (values, layout) = ModelProbabilities(0.9);
        values[0] += 0.01;
        var message = Error(ProbabilitiesCsv.Write(layout, values, counts: false));
        Assert.Contains("the probabilities of the setting tuple Alice.X Bob.X Charlie.X sum to", message);
    }

    /// <summary>Counts with Bob's marginal depending on Charlie's setting: refused naming the worst violation and the repair.</summary>
    private static string SignallingCounts()
    {
        var (values, layout) = ModelProbabilities(0.9);
        var counts = values.Select(p => Math.Round(p * 10000)).ToArray();
        // Move 300 counts from outcome b = 1 to b = 0 of Bob at (Alice X, Bob X, Charlie Y), Alice and Charlie at outcome 0.
        // The same at Alice Z, so that only Charlie's setting changes what the others see.
        foreach (var alice in new[] { 0, 1 })
        {
            counts[layout.RowOf([alice, 0, 1], [0, 0, 0])] += 300;
            counts[layout.RowOf([alice, 0, 1], [0, 1, 0])] -= 300;
        }
        return ProbabilitiesCsv.Write(layout, counts, counts: true);
    }

    [Fact]
    public void Signalling_counts_are_refused_naming_the_worst_violation_and_the_repair()
    {
        var message = Error(SignallingCounts());
        Assert.Contains("the data are not no-signalling", message);
        Assert.Contains("signalling from Charlie", message);
        Assert.Contains("standard deviations", message);
        Assert.Contains("repair = nearest", message);
    }

    [Fact]
    public void With_repair_every_row_reports_the_distance_in_standard_deviations()
    {
        var run = Plan(FileScenario("repair = nearest\n"), SignallingCounts());
        var rows = run.Execute(new InteriorPointSolver()).Rows;
        Assert.All(rows, r => Assert.Contains("repaired (repair = nearest): no-signalling data at", r.Message));
        Assert.All(rows, r => Assert.Contains("standard deviations", r.Message));
        Assert.All(rows, r => Assert.True(r.Status is RowStatus.Optimal or RowStatus.NearOptimal, $"{r.Bound}: {r.Status} {r.Message}"));
        // The repaired data are no-signalling: the carrier's probabilities have no violation left.
        var layout = run.Model.MeasuredData!.Layout!;
        var repaired = layout.Form.Observe(run.Model.MeasuredData.FileData!);
        Assert.True(ProbabilityRepair.WorstSignalling(new ProbabilityTable(repaired, null), layout).Size < 1e-9);
    }

    [Fact]
    public void The_nearest_data_are_a_projection()
    {
        var (values, layout) = ModelProbabilities(0.8);
        var weights = values.Select((_, i) => 1.0 + i % 7).ToArray();
        // Valid data are their own nearest; the nearest of anything is a fixed point (idempotent).
        var same = layout.Form.Nearest(values, weights);
        for (var i = 0; i < values.Length; i++) Assert.Equal(values[i], same[i], 1e-12);
        var rng = new Random(3);
        var noisy = values.Select(v => v + 0.01 * (rng.NextDouble() - 0.5)).ToArray();
        var once = layout.Form.Nearest(noisy, weights);
        var twice = layout.Form.Nearest(once, weights);
        for (var i = 0; i < values.Length; i++) Assert.Equal(once[i], twice[i], 1e-12);
        // Weighted least squares: the residual is W-orthogonal to every valid direction (here: valid − nearest).
        var inner = Enumerable.Range(0, values.Length).Sum(i => weights[i] * (noisy[i] - once[i]) * (values[i] - once[i]));
        Assert.Equal(0.0, inner, 1e-12);
    }
}

/// <summary>Simulated counts (seeded multinomial sampling): frequencies approach the model, repair is needed and small.</summary>
public class CountSimulationTests
{
    [Fact]
    public void Seeded_counts_are_reproducible_and_their_frequencies_are_within_the_statistical_error()
    {
        const string text = """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            measure Alice: X Z
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            param mu = [0.9]
            state = mu * ghz + (1 - mu) * white
            data = probabilities
            bounds ns
            """;
        var result = ScenarioLanguage.Check("t.scn", text);
        var run = ScenarioRun.Plan(result.Scenarios[0]);
        var layout = run.Model.MeasuredData!.Layout!;
        var p = layout.Form.Observe(run.Points[0].Assemblage);
        const long n = 100_000;
        var counts = CountSimulation.Sample(layout, p, n, seed: 7);
        Assert.Equal(counts, CountSimulation.Sample(layout, p, n, seed: 7));
        Assert.NotEqual(counts, CountSimulation.Sample(layout, p, n, seed: 8));
        // Every setting tuple has exactly n events; each frequency within 5 standard deviations of its probability.
        foreach (var group in layout.Events().GroupBy(e => string.Join(",", e.Settings)))
            Assert.Equal(n, group.Sum(e => counts[e.Row]));
        for (var i = 0; i < p.Length; i++)
            Assert.True(Math.Abs(counts[i] / n - p[i]) <= 5 * Math.Sqrt(p[i] * (1 - p[i]) / n) + 1e-12, $"row {i}: {counts[i] / n} vs {p[i]}");
        // Sampled frequencies signal a little: refused without repair, certified with it, close to the exact data.
        var csv = ProbabilitiesCsv.Write(layout, counts, counts: true);
        var table = ProbabilitiesCsv.Read("counts.csv", csv, layout);
        Assert.True(ProbabilityRepair.WorstSignalling(table, layout).Size > ProbabilityRepair.Tolerance);
        var (repaired, note) = ProbabilityRepair.Apply("counts.csv", table, layout, repair: true);
        Assert.Contains("standard deviations", note);
        for (var i = 0; i < p.Length; i++) Assert.True(Math.Abs(repaired[i] - p[i]) < 0.01, $"row {i}");
    }
}
