using System.Diagnostics;

namespace SteeringRng.Peers;

/// <summary>How a peer process ended.</summary>
public enum PeerRunOutcome
{
    Exited,
    TimedOut,
    Cancelled,
}

/// <summary>The captured result of one peer process.</summary>
public sealed record PeerRun(PeerRunOutcome Outcome, int ExitCode, string Stdout, string Stderr, double Seconds);

/// <summary>
/// Runs a peer binary in a folder with a time limit and cancellation; on either, the whole process tree is
/// killed. Output is captured asynchronously so a chatty peer cannot block on a full pipe.
/// </summary>
public static class PeerProcess
{
    public static PeerRun Run(string executable, IEnumerable<string> arguments, string workingFolder,
        TimeSpan timeLimit, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {executable}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        var outcome = PeerRunOutcome.Exited;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            limit.CancelAfter(timeLimit);
            try { process.WaitForExitAsync(limit.Token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException)
            {
                outcome = cancellation.IsCancellationRequested ? PeerRunOutcome.Cancelled : PeerRunOutcome.TimedOut;
                try { process.Kill(entireProcessTree: true); }
                catch (InvalidOperationException) { /* it exited just now */ }
                process.WaitForExit();
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new PeerRun(outcome, outcome == PeerRunOutcome.Exited ? process.ExitCode : -1,
            stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult(), seconds);
    }
}
