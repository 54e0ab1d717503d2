using System.Globalization;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// <c>steer export --probabilities</c>: the trusted node's statistics against the analytic GHZ values, read back through
/// <c>probabilities = file(...)</c> to the model's bounds, seeded counts, and the refusals.
/// </summary>
public sealed class ProbabilitiesExportTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-probsexport-");

    public void Dispose() => _folder.Dispose();

    // Everyone measures the Paulis X and Z (outcome 0 = eigenvalue +1 for both, grammar.md's conventions).
    private const string Nodes = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        measure Alice: X Z
        measure Bob, Charlie: X Z
        objective joint = guess Bob.X, Charlie.X
        objective bob = guess Bob.X
        """;

    private static string Model(string mu) => Nodes + $"""

        param mu = {mu}
        state = mu * ghz + (1 - mu) * white
        data = probabilities
        bounds ns, npa 1

        """;

    private static CliRunner.Result Ok(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}; stdout: {r.Stdout}; stderr: {r.Stderr}");
        return r;
    }

    /// <summary>The CSV as (settings, outcomes) per node in Alice, Bob, Charlie order → value; the file has no quoting.</summary>
    private static Dictionary<string, double> Table(string path, string valueColumn)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal($"Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,Charlie.setting,Charlie.outcome,{valueColumn}", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => string.Join(",", f[..6]), f => double.Parse(f[6], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// p(a b c | x y z) of μ GHZ + (1 − μ) I/8 with Pauli X, Z measurements, from the GHZ correlators: ⟨Z Z⟩ = 1 for every
    /// pair, ⟨X X X⟩ = 1, every other product of X and Z (singles, X X Z, X Z Z on three) 0. So
    /// p = (1 + μ Σ_S (−1)^{Σ_{i∈S} a_i}) / 8 over the pairs S of Z-measuring parties, plus S = all three when all measure X.
    /// </summary>
    private static double Analytic(double mu, string[] settings, int[] outcomes)
    {
        var sum = 0.0;
        for (var i = 0; i < 3; i++)
            for (var j = i + 1; j < 3; j++)
                if (settings[i] == "Z" && settings[j] == "Z") sum += (outcomes[i] + outcomes[j]) % 2 == 0 ? 1 : -1;
        if (settings.All(s => s == "X")) sum += outcomes.Sum() % 2 == 0 ? 1 : -1;
        return (1 + mu * sum) / 8;
    }

    private static IEnumerable<(string Key, string[] Settings, int[] Outcomes)> Events()
    {
        string[] labels = ["X", "Z"];
        foreach (var x in labels) foreach (var y in labels) foreach (var z in labels)
            for (var o = 0; o < 8; o++)
            {
                int[] outcomes = [o >> 2, (o >> 1) & 1, o & 1];
                yield return ($"{x},{outcomes[0]},{y},{outcomes[1]},{z},{outcomes[2]}", [x, y, z], outcomes);
            }
    }

    [Fact]
    public void Probabilities_of_noisy_GHZ_equal_the_correlator_formula()
    {
        // A swept scenario: the point is chosen with --set, as for --assemblage.
        var scn = _folder.Write("model.scn", Model("0.5 .. 1 step 0.1"));
        var csv = Path.Combine(_folder.Path, "p.csv");
        var r = Ok("export", scn, "--set", "mu=0.7", "--probabilities", csv);
        Assert.Contains("(64 rows)", r.Stdout);
        var table = Table(csv, "probability");
        Assert.Equal(64, table.Count);
        foreach (var (key, settings, outcomes) in Events())
        {
            var expected = Analytic(0.7, settings, outcomes);
            Assert.True(Math.Abs(table[key] - expected) <= 1e-12, $"{key}: exported {table[key]:R}, analytic {expected:R}");
        }
        // Spot values, by hand: all Z and equal outcomes (1 + 3μ)/8; X X X with odd parity (1 − μ)/8.
        Assert.Equal(0.3875, table["Z,1,Z,1,Z,1"], 12);
        Assert.Equal(0.0375, table["X,0,X,0,X,1"], 12);
    }

    [Fact]
    public void Exported_probabilities_read_back_give_the_models_bounds()
    {
        var model = _folder.Write("model.scn", Model("0.8"));
        Ok("export", model, "--probabilities", Path.Combine(_folder.Path, "p.csv"));
        // The same nodes and objectives, the data from the file, no state.
        var fromFile = _folder.Write("file.scn", Nodes + "\nprobabilities = file(\"p.csv\")\nbounds ns, npa 1\n");
        Ok("run", model, "--json", Path.Combine(_folder.Path, "model.json"), "--no-scenario-outputs");
        Ok("run", fromFile, "--json", Path.Combine(_folder.Path, "file.json"), "--no-scenario-outputs");
        var expected = ReportJsonReader.Parse(File.ReadAllText(Path.Combine(_folder.Path, "model.json"))).Rows;
        var actual = ReportJsonReader.Parse(File.ReadAllText(Path.Combine(_folder.Path, "file.json"))).Rows;
        Assert.Equal(4, expected.Count);
        foreach (var row in expected)
        {
            var same = actual.Single(r => r.Objective == row.Objective && r.Bound == row.Bound);
            Assert.True(row.Pguess is > 0 and <= 1.000001 && same.Pguess is not null, $"{row.Objective}/{row.Bound}: {row.Status} {row.Message}; {same.Status} {same.Message}");
            Assert.True(Math.Abs(row.Pguess!.Value - same.Pguess!.Value) <= 1e-6,
                $"{row.Objective}/{row.Bound}: model {row.Pguess:R}, from the exported file {same.Pguess:R}");
        }
        // Not trivially equal: with Alice's X, Z the joint guess is certified (P_g < 1) but above the pure-state 1/4.
        Assert.All(expected.Where(r => r.Objective == "joint"), r => Assert.InRange(r.Pguess!.Value, 0.3, 0.95));
    }

    [Fact]
    public void Counts_are_seeded_multinomial_draws_around_the_probabilities()
    {
        var scn = _folder.Write("model.scn", Model("0.9"));
        var (a, b, c) = (Path.Combine(_folder.Path, "a.csv"), Path.Combine(_folder.Path, "b.csv"), Path.Combine(_folder.Path, "c.csv"));
        Ok("export", scn, "--probabilities", a, "--counts", "20000", "--seed", "7");
        Ok("export", scn, "--probabilities", b, "--counts", "20000", "--seed", "7");
        Ok("export", scn, "--probabilities", c, "--counts", "20000", "--seed", "8");
        Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
        Assert.NotEqual(File.ReadAllText(a), File.ReadAllText(c));
        var counts = Table(a, "count");
        foreach (var group in Events().GroupBy(e => string.Join(",", e.Settings)))
            Assert.Equal(20000, group.Sum(e => counts[e.Key]));
        foreach (var (key, settings, outcomes) in Events())
        {
            // Each count is binomial(N, p): within 5 standard deviations (a false alarm about once in 10^6 cells).
            var p = Analytic(0.9, settings, outcomes);
            var sd = Math.Sqrt(20000 * p * (1 - p));
            Assert.True(Math.Abs(counts[key] - 20000 * p) <= 5 * sd + 1, $"{key}: {counts[key]} counts, expected {20000 * p} ± {sd:0.0}");
        }
        // The counts read back (sampled frequencies signal a little: repaired).
        var fromFile = _folder.Write("counts.scn", Nodes + "\nprobabilities = file(\"a.csv\")\nrepair = nearest\nbounds ns\n");
        Ok("check", fromFile);
    }

    [Fact]
    public void Without_a_trusted_measure_line_the_export_is_refused()
    {
        var scn = _folder.Write("assemblage.scn", ScenarioFolder.SmallScenario);
        var csv = Path.Combine(_folder.Path, "p.csv");
        var r = CliRunner.Run("export", scn, "--set", "mu=0.5", "--probabilities", csv);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("the trusted node 'Alice' has no measure line; add e.g. 'measure Alice: X Z' and 'data = probabilities'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(File.Exists(csv));
    }

    [Theory]
    [InlineData("--probabilities", "p.txt", "--probabilities needs a .csv file name")]
    [InlineData("--counts", "0", "--counts needs a positive whole number")]
    [InlineData("--counts", "9223372036854775807", "the most this simulation draws")] // one draw per event: years of work
    [InlineData("--counts", "10000001", "is more than 10,000,000 events per setting tuple")]
    [InlineData("--seed", "-1", "--seed needs a non-negative whole number")]
    public void Bad_options_are_usage_errors(string option, string value, string expected)
    {
        var scn = _folder.Write("model.scn", Model("0.8"));
        string[] args = option == "--probabilities"
            ? ["export", scn, option, value]
            : ["export", scn, "--probabilities", Path.Combine(_folder.Path, "p.csv"), option, value];
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
    }

    [Fact]
    public void Several_sweep_points_need_a_choice()
    {
        var scn = _folder.Write("model.scn", Model("[0.7, 0.8]"));
        var r = CliRunner.Run("export", scn, "--probabilities", Path.Combine(_folder.Path, "p.csv"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("has 2 sweep points (mu); --probabilities writes one", r.Stderr);
    }
}
