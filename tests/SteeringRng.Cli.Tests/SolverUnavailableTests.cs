namespace SteeringRng.Cli.Tests;

[CollectionDefinition(nameof(PathChangingCollection), DisableParallelization = true)]
public sealed class PathChangingCollection;

/// <summary>Changes PATH for the process, so it runs alone (no other test looks for csdp meanwhile).</summary>
[Collection(nameof(PathChangingCollection))]
public class SolverUnavailableTests
{
    [Theory]
    [InlineData("csdp", "'csdp' was not found on PATH")]
    [InlineData("dsdp", "'dsdp5' was not found on PATH")]
    public void A_peer_missing_from_PATH_exits_7_with_the_reason(string solver, string reason)
    {
        var saved = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", Path.Combine(Path.GetTempPath(), "no-solvers-here"));
        try
        {
            var r = CliRunner.Run("sdp", CliRunner.TestData("theta-c5.dat-s"), "--solver", solver);
            Assert.Equal(ExitCodes.SolverUnavailable, r.ExitCode);
            Assert.Contains(reason, r.Stderr);
        }
        finally { Environment.SetEnvironmentVariable("PATH", saved); }
    }
}
