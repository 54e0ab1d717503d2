namespace SteeringRng.Cli.Tests;

/// <summary>
/// Oversized work is refused before anything is built (issue 16 §2): sizes past what the program can represent, even
/// with --force, and `steer export` / `steer show` judged by the same estimate and memory limit as `steer run`.
/// </summary>
public sealed class OversizedWorkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-big-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Scenario(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Four untrusted qubits with X, Y, Z at NPA level 7: |S| = 73 696 words, n(n+1)/2 = 2 715 587 056 > 2^31 entries.
    private string Npa7() => Scenario("npa7.scn", """
        node A trusted dim 2
        node B, C, D, E untrusted dim 2
        param mu = [0.9]
        state = mu * ghz + (1 - mu) * white
        measure B, C, D, E: X Y Z
        objective joint = guess B.X
        bounds npa 7
        """);

    [Fact]
    public void Run_with_force_refuses_a_moment_matrix_no_array_can_hold_with_a_plain_message()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = CliRunner.Run("run", Npa7(), "--force");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("cannot be represented", r.Stderr);
        Assert.Contains("73696 words", r.Stderr);
        Assert.Contains("2715587056 upper-triangle entries", r.Stderr);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Check_estimate_says_the_relaxation_cannot_be_represented()
    {
        var r = CliRunner.Run("check", Npa7(), "--estimate");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("CANNOT BE REPRESENTED", r.Stdout);
    }

    // A small scenario whose npa 2 relaxation needs some MB: refused by export under a 1 kB limit, before any file is written.
    private string Small() => Scenario("small.scn", """
        node A trusted dim 2
        node B, C untrusted dim 2
        param mu = [0.9]
        state = mu * ghz + (1 - mu) * white
        measure B, C: X Y Z
        objective joint = guess B.X
        bounds npa 2
        """);

    [Fact]
    public void Export_refuses_what_run_refuses_and_writes_nothing()
    {
        var folder = Path.Combine(_dir, "out");
        var r = CliRunner.Run("export", Small(), "--sdpa", folder, "--memory-limit", "1K");
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("over the memory limit of 1 kB (--memory-limit)", r.Stderr);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(), "nothing is written");
        var run = CliRunner.Run("run", Small(), "--memory-limit", "1K");
        Assert.Equal(ExitCodes.InputError, run.ExitCode); // the same judgement as steer run
    }

    [Fact]
    public void Export_with_force_builds_over_the_limit_but_never_what_cannot_be_represented()
    {
        var folder = Path.Combine(_dir, "forced");
        var forced = CliRunner.Run("export", Small(), "--sdpa", folder, "--memory-limit", "1K", "--force");
        Assert.Equal(ExitCodes.Optimal, forced.ExitCode);
        Assert.Single(Directory.EnumerateFiles(folder, "*.dat-s"));
        var huge = CliRunner.Run("export", Npa7(), "--sdpa", Path.Combine(_dir, "huge"), "--force");
        Assert.Equal(ExitCodes.InputError, huge.ExitCode);
        Assert.Contains("cannot be represented", huge.Stderr);
    }

    [Fact]
    public void Show_judges_the_layout_by_its_estimate_before_building_it()
    {
        // Level 7 of four qubit parties: 73 696 words, a grid no array holds (--force or not): exit 3 at once, no internal error.
        var huge = CliRunner.Run("show", Npa7(), "--force");
        Assert.Equal(ExitCodes.InputError, huge.ExitCode);
        Assert.Contains("73696 words cannot be represented", huge.Stderr);
        // Level 2 of two qubit parties with X, Y, Z: tens of words, far over a 1 kB limit unless --force.
        var refused = CliRunner.Run("show", Small(), "--memory-limit", "1K");
        Assert.Equal(ExitCodes.InputError, refused.ExitCode);
        Assert.Contains("over the memory limit of 1 kB", refused.Stderr);
        var forced = CliRunner.Run("show", Small(), "--memory-limit", "1K", "--force");
        Assert.Equal(ExitCodes.Optimal, forced.ExitCode);
        Assert.Contains("Moment matrix", forced.Stdout);
    }
}
