using System.Diagnostics;
using SteeringRng.Peers;

namespace SteeringRng.Sdp.Tests;

public class PeerProcessTests
{
    private static string RequireSleep()
    {
        var sleep = ExecutableSearch.Find("sleep");
        Skip.If(sleep is null, "no 'sleep' program on PATH to stand in for a long solve");
        return sleep!;
    }

    [SkippableFact]
    public void A_run_past_its_time_limit_is_killed()
    {
        var sleep = RequireSleep();
        var clock = Stopwatch.StartNew();
        var run = PeerProcess.Run(sleep, ["30"], Path.GetTempPath(), TimeSpan.FromMilliseconds(200), CancellationToken.None);
        Assert.Equal(PeerRunOutcome.TimedOut, run.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public void A_cancelled_run_is_killed()
    {
        var sleep = RequireSleep();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        var run = PeerProcess.Run(sleep, ["30"], Path.GetTempPath(), TimeSpan.FromMinutes(5), cancel.Token);
        Assert.Equal(PeerRunOutcome.Cancelled, run.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [SkippableFact]
    public void Exit_code_and_output_are_captured()
    {
        var sh = ExecutableSearch.Find("sh");
        Skip.If(sh is null, "no 'sh' on PATH");
        var run = PeerProcess.Run(sh!, ["-c", "echo out; echo err >&2; exit 3"], Path.GetTempPath(), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(PeerRunOutcome.Exited, run.Outcome);
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("out\n", run.Stdout);
        Assert.Equal("err\n", run.Stderr);
    }
}
