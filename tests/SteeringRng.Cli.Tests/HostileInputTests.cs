using System.Diagnostics;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Hostile scenario files through <c>steer</c>: endless and huge files, foreign line ends, control characters, and
/// checks that must come from <c>check</c> rather than from every row at run time. Never a stack trace or a hang;
/// located messages; exit code 3.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly ScenarioFolder _folder = new("steer-hostile-");
    private string _dir => _folder.Path;

    public void Dispose() => _folder.Dispose();

    private const string Scenario = ScenarioFolder.SmallScenario + "\n";

    private string Write(string name, string text) => _folder.Write(name, text);

    /// <summary>Exit code 3 within a few seconds, no internal error or stack trace.</summary>
    private static CliRunner.Result InputError(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run(args);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        return r;
    }

    [Fact]
    public void An_endless_include_or_data_file_ends_in_a_located_error()
    {
        if (!File.Exists("/dev/zero")) return; // an endless file; the huge-file tests below cover every system
        var scn = Write("zero.scn", "include \"/dev/zero\"\n" + Scenario.Replace("state = mu * ghz + (1 - mu) * white", "state = file(\"/dev/zero\")"));
        var r = InputError("check", scn);
        Assert.Contains($"{scn}:1:9: error SR1008: '/dev/zero' is larger than 4 MiB (4 194 304 bytes), the limit for scenario and included files", r.Stderr);
        Assert.Contains($"{scn}:5:14: error SR1008: '/dev/zero' is larger than 64 MB (64 000 000 bytes), the limit for data files", r.Stderr);
        InputError("run", scn);
    }

    [Fact]
    public void An_endless_or_huge_scenario_file_is_refused_naming_it_and_the_limit()
    {
        var huge = Path.Combine(_dir, "huge.scn");
        using (var f = File.Create(huge)) f.SetLength(5L * 1024 * 1024);
        var r = InputError("check", huge);
        Assert.Contains($"'{huge}' is larger than 4 MiB (4 194 304 bytes), the limit for scenario files", r.Stderr);
        if (File.Exists("/dev/zero"))
            Assert.Contains("'/dev/zero' is larger than 4 MiB", InputError("run", "/dev/zero").Stderr);
    }

    [Fact]
    public void A_huge_included_file_is_refused_at_the_include()
    {
        using (var f = File.Create(Path.Combine(_dir, "big.inc"))) f.SetLength(4L * 1024 * 1024 + 1);
        var scn = Write("inc.scn", Scenario + "include \"big.inc\"\n");
        Assert.Contains($"{scn}:8:9: error SR1008: 'big.inc' is larger than 4 MiB", InputError("check", scn).Stderr);
    }

    [Fact]
    public void Windows_and_old_Mac_line_ends_check_and_take_overrides()
    {
        foreach (var ending in new[] { "\r\n", "\r" })
        {
            var scn = Write("crlf.scn", Scenario.Replace("\n", ending));
            var r = CliRunner.Run("check", scn);
            Assert.Equal(ExitCodes.Optimal, r.ExitCode);
            Assert.Equal("", r.Stderr);
            r = CliRunner.Run("check", scn, "--set", "mu=0.75");
            Assert.Equal(ExitCodes.Optimal, r.ExitCode);
            Assert.Contains("1 point(s)", r.Stdout);
        }
    }

    [Fact]
    public void Control_characters_from_a_file_never_reach_the_terminal_raw()
    {
        var scn = Write("esc.scn", "scenario \"t\u001B]0;pwned\u0007\"\n" + Scenario.Replace("node Bob", "node B\u001B[31mob"));
        var r = InputError("check", scn);
        Assert.DoesNotContain('\u001B', r.Stderr);
        Assert.DoesNotContain('\u0007', r.Stderr);
        Assert.Contains("found '\\u001B'", r.Stderr);
        Assert.Contains("  node B\\u001B[31mob untrusted dim 2", r.Stderr);
        var ok = CliRunner.Run("check", Write("title.scn", "scenario \"t\u001B]0;pwned\u0007\"\n" + Scenario));
        Assert.Equal(ExitCodes.Optimal, ok.ExitCode);
        Assert.Contains("t\\u001B]0;pwned\\u0007: 2 nodes", ok.Stdout);
        Assert.DoesNotContain('\u001B', ok.Stdout);
    }

    [Fact]
    public void Check_refuses_a_Bell_objective_in_a_scenario_with_a_trusted_node()
    {
        var scn = Write("bell.scn", """
            node Alice trusted dim 2
            node A, B untrusted dim 2
            state = ghz
            measure A, B: X Z
            objective chsh = bell <A.0 B.0> + <A.0 B.1> + <A.1 B.0> - <A.1 B.1>
            bounds npa 1
            """);
        var r = InputError("check", scn);
        Assert.Contains($"{scn}:5:18: error SR2046: Bell objectives are maximised over correlations of untrusted nodes only; this scenario has the trusted node 'Alice'", r.Stderr);
        Assert.Equal("", InputError("run", scn).Stdout);
    }

    [Fact]
    public void An_unmeasured_node_is_reported_even_next_to_a_syntax_error()
    {
        var scn = Write("unmeasured.scn", Scenario.Replace("node Bob untrusted", "node Bob, Charlie untrusted").Replace("guess Bob.X", "guess Bob.X, Charlie.X") + "bogus line\n");
        var r = InputError("check", scn);
        Assert.Contains("error SR1001", r.Stderr);
        Assert.Contains($"{scn}:2:11: error SR2006: untrusted node 'Charlie' has no measurements", r.Stderr);
    }
}
