using System.Runtime.InteropServices;

namespace SteeringRng.Benchmarks;

/// <summary>
/// Peak resident memory. Every solve runs in its own benchmark process (<see cref="IsolatedSolve"/>). The built-in
/// solver's peak is that process's ru_maxrss (getrusage(2), RUSAGE_SELF): what `steer sdp` would show. A peer's peak
/// cannot be RUSAGE_CHILDREN: a child forked by a .NET process counts the parent's resident pages until it execs
/// (≈ 30 MB here, more than CSDP needs on small problems), so <see cref="ChildSampler"/> reads VmHWM (the peak
/// RSS of the program the child runs) from /proc while the peer runs.
/// </summary>
internal static class PeakMemory
{
    private const int Self = 0;

    /// <summary>struct rusage: two timevals, then ru_maxrss and 13 more longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Usage
    {
        public long UserSeconds, UserMicros, SystemSeconds, SystemMicros, MaxRss;
        public long Ix, Id, Is, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NVcsw, NIvcsw;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetUsage(int who, out Usage usage);

    /// <summary>Peak RSS in MB (ru_maxrss is in KB on Linux, bytes on macOS), or NaN where getrusage is missing.</summary>
    public static double OfSelfMb() => Read(Self);

    /// <summary>
    /// Samples VmHWM of every child of this process every 10 ms until disposed; <see cref="PeakMb"/> is the largest
    /// seen (growth in a peer's last 10 ms is missed: peaks come mid-solve, in the Schur complement). Linux only.
    /// </summary>
    public sealed class ChildSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private double _peakKb = double.NaN;

        public ChildSampler() => _loop = Task.Run(Loop);

        public double PeakMb { get { Dispose(); return _peakKb / 1024; } }

        private async Task Loop()
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var pid in Children())
                    if (HighWater(pid) is { } kb) _peakKb = double.IsNaN(_peakKb) ? kb : Math.Max(_peakKb, kb);
                try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
            }
        }

        private static IEnumerable<string> Children()
        {
            string[] tasks;
            try { tasks = Directory.GetDirectories("/proc/self/task"); } catch (IOException) { yield break; } catch (UnauthorizedAccessException) { yield break; }
            foreach (var t in tasks)
            {
                string text;
                try { text = File.ReadAllText(Path.Combine(t, "children")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
                foreach (var pid in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return pid;
            }
        }

        private static readonly string? OwnImage = Image("self");

        /// <summary>The program a process runs (/proc/PID/exe), null when unreadable.</summary>
        private static string? Image(string pid)
        {
            try { return new FileInfo($"/proc/{pid}/exe").LinkTarget; } catch (IOException) { return null; } catch (UnauthorizedAccessException) { return null; }
        }

        /// <summary>VmHWM in KB; null for a child that has not exec'd yet (it still shows this process's pages).</summary>
        private static double? HighWater(string pid)
        {
            var image = Image(pid);
            if (image is null || image == OwnImage) return null;
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        public void Dispose()
        {
            if (_stop.IsCancellationRequested) return;
            _stop.Cancel();
            _loop.Wait();
        }
    }

    private static double Read(int who)
    {
        try
        {
            if (GetUsage(who, out var u) != 0) return double.NaN;
            return OperatingSystem.IsMacOS() ? u.MaxRss / 1048576.0 : u.MaxRss / 1024.0;
        }
        catch (DllNotFoundException) { return double.NaN; }
        catch (EntryPointNotFoundException) { return double.NaN; }
    }
}
