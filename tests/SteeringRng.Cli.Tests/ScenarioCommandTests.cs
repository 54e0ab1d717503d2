using SteeringRng.Cli.Commands;
using SteeringRng.Certification.Results;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>steer check / run / export on small scenario files written to a temporary folder.</summary>
public sealed class ScenarioCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-scn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Ghz = """
        scenario "GHZ test"
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = [0.5, 1]
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y
        objective joint = guess Bob.X, Charlie.X
        bounds ns, global
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Check_of_a_clean_file_exits_0()
    {
        var r = CliRunner.Run("check", Write("ok.scn", Ghz));
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("ok (1 scenario(s)", r.Stdout);
    }

    [Fact]
    public void Check_reports_errors_with_place_and_caret_and_exits_3()
    {
        var file = Write("bad.scn", Ghz.Replace("guess Bob.X", "guess Bob.W"));
        var r = CliRunner.Run("check", file);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("bad.scn:7:", r.Stderr);
        Assert.Contains("error SR2003: node 'Bob' has no setting 'W'", r.Stderr);
        Assert.Contains("^", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void A_non_physical_state_is_a_located_diagnostic_from_the_quantum_check()
    {
        // Weights 1.5 and -0.5 sum to 1, but 1.5 |GHZ><GHZ| - 0.5 I/8 has negative eigenvalues.
        var file = Write("neg.scn", Ghz.Replace("param mu = [0.5, 1]", "param mu = 1.5"));
        var r = CliRunner.Run("run", file);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("SR2044", r.Stderr);
        Assert.Contains("neg.scn:5:", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Run_writes_json_csv_and_plot_and_the_table()
    {
        var json = Path.Combine(_dir, "out", "r.json");
        var csv = Path.Combine(_dir, "out", "r.csv");
        var svg = Path.Combine(_dir, "out", "r.svg");
        var r = CliRunner.Run("run", Write("ghz.scn", Ghz), "--json", json, "--csv", csv, "--plot", svg);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("Scenario: GHZ test", r.Stdout);
        var report = ReportJsonReader.Parse(File.ReadAllText(json));
        Assert.False(report.Interrupted);
        Assert.Equal(4, report.Rows.Count);
        var ns1 = report.Rows.Single(x => x.Bound == "ns" && x.Parameters[0].Value == 1.0);
        Assert.Equal(2.0, ns1.Hmin!.Value, 6); // GHZ joint X outcomes: 2 bits (paper, Fig. 2a)
        Assert.StartsWith("mu,objective,bound,pguess,hmin,status,iterations,seconds,message", File.ReadAllText(csv));
        Assert.Contains("<svg", File.ReadAllText(svg));
    }

    [Fact]
    public void Separate_plot_layout_writes_one_figure_per_objective_at_the_requested_size()
    {
        var scenario = Write("two.scn", Ghz.Replace("objective joint = guess Bob.X, Charlie.X",
            "objective joint = guess Bob.X, Charlie.X\nobjective bob = guess Bob.X"));
        var pdf = Path.Combine(_dir, "fig", "h.pdf");
        var r = CliRunner.Run("run", scenario, "--bounds", "ns", "--plot", pdf, "--plot-layout", "separate", "--plot-size", "3x2in");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.False(File.Exists(pdf));
        foreach (var objective in new[] { "joint", "bob" })
        {
            var file = Path.Combine(_dir, "fig", $"h-{objective}.pdf");
            Assert.Contains($"wrote {file}", r.Stderr);
            Assert.Contains("/MediaBox [0 0 216 144]", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
        // Each per-objective file is an output like any other: checked before the run, so it may not be the scenario.
        var clash = Write("p-bob.svg", File.ReadAllText(scenario));
        var refused = CliRunner.Run("run", clash, "--bounds", "ns", "--plot", Path.Combine(_dir, "p.svg"), "--plot-layout", "separate");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("p-bob.svg", refused.Stderr);
        Assert.Equal(File.ReadAllText(scenario), File.ReadAllText(clash));
    }

    [Fact]
    public void Set_overrides_a_parameter_and_an_unknown_one_is_a_usage_error()
    {
        var file = Write("ghz.scn", Ghz);
        var json = Path.Combine(_dir, "one.json");
        var r = CliRunner.Run("run", file, "--set", "mu=0.75", "--json", json, "--bounds", "ns");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        var rows = ReportJsonReader.Parse(File.ReadAllText(json)).Rows;
        Assert.Single(rows);
        // A single value for a swept parameter is a one-point sweep: the row keeps mu.
        Assert.Equal(0.75, rows[0].Parameters[0].Value);

        var bad = CliRunner.Run("run", file, "--set", "nu=1");
        Assert.Equal(ExitCodes.UsageError, bad.ExitCode);
        Assert.Contains("no parameter 'nu'; its parameters are mu", bad.Stderr);
    }

    [Fact]
    public void A_set_value_with_a_syntax_error_is_reported_in_the_spliced_line()
    {
        var r = CliRunner.Run("run", Write("ghz.scn", Ghz), "--set", "mu=0.5 ..");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("ghz.scn:4:", r.Stderr);
        Assert.Contains("param mu = 0.5 ..", r.Stderr);
    }

    [Fact]
    public void Global_for_a_single_party_guess_is_not_applicable_not_a_number()
    {
        var file = Write("bob.scn", Ghz.Replace("guess Bob.X, Charlie.X", "guess Bob.X"));
        var json = Path.Combine(_dir, "bob.json");
        var r = CliRunner.Run("run", file, "--json", json);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        var global = ReportJsonReader.Parse(File.ReadAllText(json)).Rows.Where(x => x.Bound == "global").ToList();
        Assert.All(global, g => { Assert.Equal("not-applicable", g.Status); Assert.Null(g.Pguess); });
    }

    [Fact]
    public void Export_writes_one_commented_sdpa_file_per_relaxation_and_point()
    {
        var folder = Path.Combine(_dir, "sdpa");
        var r = CliRunner.Run("export", Write("ghz.scn", Ghz), "--sdpa", folder);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        var files = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)!).Order().ToArray();
        Assert.Equal(["joint_global_mu=0.5.dat-s", "joint_global_mu=1.dat-s", "joint_ns_mu=0.5.dat-s", "joint_ns_mu=1.dat-s"], files);
        var text = File.ReadAllText(Path.Combine(folder, "joint_ns_mu=1.dat-s"));
        Assert.StartsWith("\"steer export: scenario 'GHZ test' (ghz.scn)", text);
        Assert.Contains("\"objective joint, bound ns, parameters mu=1", text);
        // The exported file is a valid SDPA problem that solves to the same 2 bits: P_g = 1/4 = offset − optimum.
        Assert.Contains("= mdim", text);
    }

    [Fact]
    public void Export_needs_a_folder()
    {
        var r = CliRunner.Run("export", Write("ghz.scn", Ghz));
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("--sdpa DIR is required", r.Stderr);
    }

    [Fact]
    public void Run_with_an_unknown_bound_filter_is_a_usage_error()
    {
        var r = CliRunner.Run("run", Write("ghz.scn", Ghz), "--bounds", "npa 7");
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("requests no bound 'npa 7'", r.Stderr);
    }

    [Fact]
    public void Export_names_the_symmetry_reduction_and_no_symmetry_writes_the_full_problem()
    {
        var file = Write("ghz.scn", Ghz.Replace("bounds ns, global", "bounds npa 1").Replace("param mu = [0.5, 1]", "param mu = 0.8"));
        var reduced = Path.Combine(_dir, "reduced");
        var full = Path.Combine(_dir, "full");
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("export", file, "--sdpa", reduced).ExitCode);
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("export", file, "--sdpa", full, "--no-symmetry").ExitCode);
        var reducedText = File.ReadAllText(Directory.GetFiles(reduced).Single());
        var fullText = File.ReadAllText(Directory.GetFiles(full).Single());
        // Noisy GHZ with X, Y has the symmetries Z_A Z_B and Z_A Z_C (flipping X and Y outcomes): the four guesses
        // (b, c) of the joint guess form one orbit.
        Assert.Contains("symmetry: ", reducedText);
        Assert.Contains("4 guesses in orbits of 4", reducedText);
        Assert.DoesNotContain("symmetry: ", fullText);
        Assert.True(reducedText.Length < fullText.Length / 2, "the reduced problem is smaller");
    }

    [Fact]
    public void Run_with_and_without_symmetry_gives_the_same_bound()
    {
        var file = Write("ghz.scn", Ghz.Replace("bounds ns, global", "bounds ns, npa 1").Replace("param mu = [0.5, 1]", "param mu = 0.8"));
        var with = CliRunner.Run("run", file, "--json", Path.Combine(_dir, "with.json"));
        var without = CliRunner.Run("run", file, "--json", Path.Combine(_dir, "without.json"), "--no-symmetry");
        Assert.Equal(ExitCodes.Optimal, with.ExitCode);
        Assert.Equal(ExitCodes.Optimal, without.ExitCode);
        double PGuess(string path, int row) =>
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("rows")[row].GetProperty("pguess").GetDouble();
        for (var row = 0; row < 2; row++) // ns (reduced: Q at level 0; full: the NS program), then npa 1
            Assert.Equal(PGuess(Path.Combine(_dir, "without.json"), row), PGuess(Path.Combine(_dir, "with.json"), row), 1e-7);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var r = CliRunner.Run("run", Path.Combine(_dir, "nope.scn"));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("file not found", r.Stderr);
    }
}
