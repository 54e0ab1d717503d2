using System.Diagnostics;

namespace SteeringRng.Benchmarks;

/// <summary>Runs this benchmark's own executable as a child (one solve, one rate measurement) and reads its result line.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts the benchmark with <paramref name="arguments"/> and returns the '|'-separated fields of the first line of
    /// its standard output that starts with <paramref name="marker"/>, or null (with the exit code) when none did.
    /// </summary>
    public static (string[]? Fields, int ExitCode) Run(IEnumerable<string> arguments, string marker, bool verbose = false)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the benchmark's own executable is unknown");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The built-in solver's log (when --verbose) goes to the shared stderr.
        if (verbose) start.Environment["STEERINGRNG_BENCH_VERBOSE"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal));
        return (line?[marker.Length..].Trim().Split('|'), process.ExitCode);
    }
}
