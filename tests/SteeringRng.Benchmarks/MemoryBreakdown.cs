using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>
/// Where the built-in solver's resident memory goes (with --verbose, on stderr): every 20 ms the process's RSS
/// (/proc/self/statm) and the GC's view — committed bytes, live heap after the last collection, and the large- and
/// pinned-object heaps — kept at the sample of largest RSS. RSS minus GC committed is the runtime, the JIT'd code and
/// native memory (OpenBLAS buffers, aligned copies). Linux only; the sampling thread costs nothing measurable.
/// </summary>
internal sealed class MemoryBreakdown : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakRss;
    private string _atPeak = "";

    public MemoryBreakdown() => _loop = Task.Run(Loop);

    private async Task Loop()
    {
        var page = Environment.SystemPageSize;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var rss = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * page;
                if (rss > _peakRss)
                {
                    var info = GC.GetGCMemoryInfo(GCKind.Any);
                    var gens = info.GenerationInfo;
                    string Mb(long b) => (b / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
                    _peakRss = rss;
                    _atPeak = $"RSS {Mb(rss)} MB ({RssParts()}): GC committed {Mb(info.TotalCommittedBytes)}, heap after last GC {Mb(info.HeapSizeBytes)} " +
                              $"(gen0 {Mb(gens[0].SizeAfterBytes)}, gen1 {Mb(gens[1].SizeAfterBytes)}, gen2 {Mb(gens[2].SizeAfterBytes)}, " +
                              $"LOH {Mb(gens[3].SizeAfterBytes)}, POH {Mb(gens[4].SizeAfterBytes)}), fragmented {Mb(info.FragmentedBytes)}, " +
                              $"allocated so far {Mb(GC.GetTotalAllocatedBytes())}, GCs {GC.CollectionCount(2)} full";
                }
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException) { break; }
            catch (IOException) { break; }
        }
    }

    /// <summary>RssAnon, RssFile and RssShmem from /proc/self/status: anonymous pages (heaps, native buffers) against mapped files (the runtime's and libraries' code).</summary>
    private static string RssParts() =>
        string.Join(", ", File.ReadLines("/proc/self/status").Where(l => l.StartsWith("Rss", StringComparison.Ordinal))
            .Select(l => l.Split(':', 2)).Select(f => $"{f[0].Replace("Rss", "", StringComparison.Ordinal).ToLowerInvariant()} {long.Parse(f[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024} MB"));

    public void Dispose()
    {
        _stop.Cancel();
        try { _loop.Wait(); } catch (AggregateException) { }
        Console.Error.WriteLine($"memory at the peak: {_atPeak}");
    }
}
