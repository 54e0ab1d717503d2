using System.Diagnostics;

namespace SteeringRng.Cli.Tests;

/// <summary>Quick answers for oversized scenarios: `steer check` and `steer check --estimate`, and the refusal of `steer run`.</summary>
public sealed class EstimateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-estimate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string FiveQubits = """
        node A trusted dim 2
        node B, C, D, E, F untrusted dim 2
        state = ghz
        measure B, C, D, E, F: X Y Z
        objective joint = guess B.X, C.X
        bounds npa 3
        """;

    // Six nodes of dimension 4 (a 4096-dimensional state) with four MUBs: the checker reports mub(2) quickly.
    [Fact]
    public void Check_reports_an_undefined_mub_in_a_large_scenario_within_five_seconds()
    {
        var file = Write("mub.scn", """
            node A trusted dim 4
            node B, C, D, E, F untrusted dim 4
            param mu = 0.5 .. 1 step 0.1
            state = mu * ghz + (1 - mu) * white
            measure B, C, D, E, F: mub(0), mub(1), mub(2), mub(3)
            objective joint = guess B.0
            bounds npa 3
            """);
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run("check", file);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"steer check took {clock.Elapsed}");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("error SR2017: mub(2) on dimension 4", r.Stderr);
    }

    [Fact]
    public void Check_estimate_prints_blocks_variables_and_memory_and_fails_over_the_limit()
    {
        var file = Write("five.scn", FiveQubits);
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run("check", file, "--estimate", "--memory-limit", "8G");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"steer check --estimate took {clock.Elapsed}");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        // |S| = 826 words of length ≤ 3 over five parties with three binary settings, d_A = 2, four guess tuples.
        Assert.Contains("joint / npa 3: Q(npa 3): 4 guess tuples; blocks 4x1652, 31104x2; <= 1.06e+06 variables (upper bound)", r.Stdout);
        Assert.Contains("OVER THE LIMIT", r.Stdout);
        Assert.Contains("would refuse it", r.Stderr);
    }

    [Fact]
    public void Check_estimate_of_a_small_scenario_fits()
    {
        var r = CliRunner.Run("check", Path.Combine(CliRunner.Root, "samples", "ghz3-fig2b-bob.scn"), "--estimate");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("Size estimates", r.Stdout);
        Assert.Contains(": fits", r.Stdout);
        Assert.DoesNotContain("OVER THE LIMIT", r.Stdout);
    }

    // The run that took minutes (and ignored Ctrl-C) is refused at once with exit code 3, naming objective, bound, estimate and limit.
    [Fact]
    public void Run_refuses_an_oversized_relaxation_at_once()
    {
        var file = Write("five.scn", FiveQubits);
        var clock = Stopwatch.StartNew();
        var r = CliRunner.Run("run", file, "--no-scenario-outputs", "--memory-limit", "8G");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the refusal took {clock.Elapsed}");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("objective 'joint', bound 'npa 3': the relaxation needs an estimated", r.Stderr);
        Assert.Contains("over the memory limit of 8 GB (--memory-limit)", r.Stderr);
        Assert.Contains("--force", r.Stderr);
    }

    [Fact]
    public void Show_prints_the_estimate()
    {
        var r = CliRunner.Run("show", Path.Combine(CliRunner.Root, "samples", "ghz3-fig2a-joint.scn"), "--level", "1");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("Size estimates (before building", r.Stdout);
        Assert.Contains("joint / npa 1: Q(npa 1): 4 guess tuples; blocks 4x14, ", r.Stdout);
    }

    [Fact]
    public void A_bad_memory_limit_is_a_usage_error()
    {
        var r = CliRunner.Run("run", Write("five.scn", FiveQubits), "--memory-limit", "lots");
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("--memory-limit needs a positive size", r.Stderr);
    }
}
