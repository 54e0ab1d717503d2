using System.Diagnostics;
using SteeringRng.Cli.Output;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Outputs never destroy anything: not an input, not another output, and a path that cannot be written is found
/// before the sweep, not after it. Files are written whole or not at all.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-out-");
    private string _dir => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private const string Scenario = ScenarioFolder.SmallScenario;

    private string Write(string name, string text) => _folder.Write(name, text);

    /// <summary>Runs steer and asserts it refused with exit code 3 before computing (no table on stdout), quickly.</summary>
    private static CliRunner.Result Refused(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        return r;
    }

    [Fact]
    public void An_output_that_is_the_scenario_file_is_refused_and_the_file_is_kept()
    {
        var scn = Write("x.scn", Scenario);
        var r = Refused("run", scn, "--json", scn);
        Assert.Contains($"--json '{scn}' is the scenario file; writing it would destroy an input", r.Stderr);
        Assert.Equal(Scenario, File.ReadAllText(scn));
    }

    [Fact]
    public void An_output_named_by_another_spelling_of_the_scenario_path_is_refused()
    {
        var scn = Write("x.scn", Scenario);
        var sub = Directory.CreateDirectory(Path.Combine(_dir, "sub")).FullName;
        var r = Refused("run", scn, "--csv", Path.Combine(sub, "..", "x.scn"));
        Assert.Contains("is the scenario file", r.Stderr);
        Assert.Equal(Scenario, File.ReadAllText(scn));
    }

    [Fact]
    public void An_output_that_is_an_included_or_data_file_is_refused()
    {
        var inc = Write("nodes.inc", "node Alice trusted dim 2\nnode Bob untrusted dim 2\n");
        var rho = Write("rho.txt", "1 0 0 0");
        var scn = Write("y.scn", "include \"nodes.inc\"\nstate = file(\"rho.txt\")\nmeasure Bob: X Z\nobjective g = guess Bob.X\nbounds ns\ntable csv \"nodes.inc\"\n");
        var r = Refused("run", scn);
        Assert.Contains("the scenario's table \"nodes.inc\"", r.Stderr);
        Assert.Contains("is a file the scenario reads", r.Stderr);
        r = Refused("run", scn, "--no-scenario-outputs", "--plot", Path.ChangeExtension(rho, ".svg"), "--json", rho);
        Assert.Contains($"--json '{rho}' is a file the scenario reads", r.Stderr);
        Assert.Equal("node Alice trusted dim 2\nnode Bob untrusted dim 2\n", File.ReadAllText(inc));
        Assert.Equal("1 0 0 0", File.ReadAllText(rho));
    }

    [Fact]
    public void Two_outputs_to_one_path_are_refused_before_computing_naming_both()
    {
        var scn = Write("x.scn", Scenario + "\ntable \"r.csv\"\n");
        var r = Refused("run", scn, "--json", Path.Combine(_dir, "R"), "--csv", Path.Combine(_dir, "R"));
        Assert.Contains("--json and --csv both write", r.Stderr);
        r = Refused("run", scn, "--csv", Path.Combine(_dir, "r.csv"));
        Assert.Contains("--csv and the scenario's table \"r.csv\" both write", r.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "r.csv")));
    }

    [Fact]
    public void An_unwritable_output_is_found_before_the_sweep()
    {
        var scn = Write("x.scn", Scenario);
        var notAFolder = Write("plain.txt", "keep");
        var r = Refused("run", scn, "--json", Path.Combine(_dir, "ok.json"), "--csv", Path.Combine(notAFolder, "r.csv"));
        Assert.Contains($"--csv: cannot write '{Path.Combine(notAFolder, "r.csv")}': '{notAFolder}' is a file, not a folder; checked before computing", r.Stderr);
        Assert.Contains("nothing was run", r.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "ok.json")));
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "a-folder")).FullName;
        r = Refused("run", scn, "--json", folder);
        Assert.Contains("is a folder, not a file", r.Stderr);
    }

    [Fact]
    public void A_scenario_output_under_a_file_is_found_before_the_sweep()
    {
        Write("plain.txt", "keep");
        var scn = Write("x.scn", Scenario + "\nplot \"plain.txt/h.svg\"\n");
        var r = Refused("run", scn);
        Assert.Contains("the scenario's plot \"plain.txt/h.svg\": cannot write", r.Stderr);
    }

    [Fact]
    public void A_run_replaces_its_outputs_whole_and_leaves_no_temporary_files()
    {
        var scn = Write("x.scn", Scenario + "\ntable \"t.csv\"\n");
        var json = Write("r.json", "old");
        var r = CliRunner.Run("run", scn, "--json", json);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(json).TrimStart());
        Assert.True(File.Exists(Path.Combine(_dir, "t.csv")));
        Assert.Empty(Directory.GetFiles(_dir, "*tmp*"));
        Assert.Empty(Directory.GetFiles(_dir, ".steer-probe-*"));
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_and_no_temporary()
    {
        var path = Write("r.csv", "old content");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, temporary =>
        {
            File.WriteAllText(temporary, "half of the new");
            throw new IOException("disk full");
        }));
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }
}
