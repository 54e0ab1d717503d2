using System.Diagnostics;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Ctrl-C as the terminal sends it: SIGINT to a real <c>steer</c> process (issue 16 §2). The largest scenario of
/// samples/fig3-thresholds.scn (GHZ, four qutrits, three MUBs) spends its first minute building (symmetry search,
/// the steering test's strategy orbits, the NS reduction); `steer threshold` and `steer run` on it used to ignore
/// SIGINT for over 120 s. Once steer says it is building, SIGINT must end it with the documented exit code 10
/// (interrupted), the rows so far kept. (The latency of the build itself, within 1.5 s, is asserted in
/// Certification.Tests, CancellableBuildTests; here the bound is generous, for a loaded machine.)
/// </summary>
public sealed class SigintTests
{
    [SkippableFact]
    public void Sigint_while_building_ends_steer_run_with_exit_code_10()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SIGINT is a POSIX signal; GNU env restores its default disposition");
        var steer = Path.Combine(AppContext.BaseDirectory, "steer.dll");
        // A process started in the background of a non-interactive shell (as test runners often are) inherits SIGINT
        // ignored, and so would steer: `env --default-signal=INT` gives it the disposition a terminal's foreground job has.
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--default-signal=INT", "dotnet", steer, "run", Path.Combine(CliRunner.Root, "samples", "fig3-thresholds.scn"), "--scenario", "8",
                     "--set", "mu=[0.5]", "--no-scenario-outputs", "--parallel", "1", "--force",
                 })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderrLines = new List<string>();
        var building = new ManualResetEventSlim();
        var stderrDone = Task.Run(() =>
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (stderrLines) stderrLines.Add(line);
                if (line.Contains("building")) building.Set();
            }
        });
        try
        {
            Assert.True(building.Wait(TimeSpan.FromMinutes(5)), "steer never said it was building: " + string.Join("\n", stderrLines));
            Thread.Sleep(1000); // inside the build
            Assert.False(process.HasExited, "steer ended before the signal");
            var clock = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
            var ended = process.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.True(ended, "steer ignored SIGINT for 30 s");
            process.WaitForExit(); // the output streams are complete
            stderrDone.Wait();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"steer ended {clock.Elapsed} after SIGINT");
            Assert.Equal(ExitCodes.Interrupted, process.ExitCode);
            var stderr = string.Join("\n", stderrLines);
            Assert.Contains("interrupted", stderr);
            Assert.DoesNotContain("   at ", stderr); // no stack trace
            Assert.Contains("The run was interrupted", stdout.Result);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
