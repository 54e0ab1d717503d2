using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Benchmarks;

/// <summary>
/// One solver on one problem over the repeats: each run's solution, CPU seconds and peak RSS (<see cref="Measurement"/>),
/// and |value − published optimum| of the fastest run when the problem has one. <paramref name="Solver"/> names the
/// solver and, for the built-in one, its kernels.
/// </summary>
internal sealed record BenchmarkRow(string Problem, int N, int M, string Solver, IReadOnlyList<Measurement> Runs, double? Deviation)
{
    public Measurement Fastest => Runs.MinBy(r => r.Solution.Seconds)!;

    public double MinSeconds => Runs.Min(r => r.Solution.Seconds);

    public double MedianSeconds
    {
        get
        {
            var s = Runs.Select(r => r.Solution.Seconds).Order().ToArray();
            return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
        }
    }

    /// <summary>The largest peak over the repeats (it hardly varies; the largest is what a user must have).</summary>
    public double PeakMb => Runs.Max(r => r.PeakMb);

    public bool Solved => Runs.All(r => r.Solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal);

    public bool IsPeer => !Solver.StartsWith("builtin", StringComparison.Ordinal);
}

/// <summary>
/// Prints rows as a Markdown table: min and median seconds over the repeats, peak memory, and the ratios the issue
/// tracks — time against the fastest peer that solved the problem, peak memory against CSDP's.
/// </summary>
internal static class BenchmarkTable
{
    private static readonly string[] Header =
    [
        "problem", "n", "m", "solver", "status", "iter", "min s", "median s", "cpu s", "peak MB", "max DIMACS", "primal objective",
        "|value - known|", "time / best peer", "memory / csdp",
    ];

    public static void Print(IReadOnlyList<BenchmarkRow> rows, TextWriter w)
    {
        var cells = rows.Select(r => new[]
        {
            r.Problem, Int(r.N), Int(r.M), r.Solver, r.Fastest.Solution.Status.ToString(), Int(r.Fastest.Solution.Iterations),
            Fixed(r.MinSeconds), Fixed(r.MedianSeconds), r.IsPeer ? "-" : Fixed(r.Runs.Min(x => x.CpuSeconds)), r.PeakMb.ToString("0", CultureInfo.InvariantCulture),
            Sci(DimacsErrors.Worst(r.Fastest.Solution.Dimacs)), r.Fastest.Solution.PrimalObjective.ToString("R", CultureInfo.InvariantCulture),
            r.Deviation is { } d ? Sci(d) : "-", TimeRatio(r, rows), MemoryRatio(r, rows),
        }).ToList();
        var widths = Header.Select((h, c) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(row => row[c].Length))).ToArray();
        string Line(IReadOnlyList<string> row) => "| " + string.Join(" | ", row.Select((v, c) => v.PadRight(widths[c]))) + " |";
        w.WriteLine(Line(Header));
        w.WriteLine("|" + string.Join("|", widths.Select(x => new string('-', x + 2))) + "|");
        foreach (var row in cells) w.WriteLine(Line(row));
    }

    /// <summary>min seconds / the least min seconds of the peers that solved the same problem.</summary>
    private static string TimeRatio(BenchmarkRow row, IReadOnlyList<BenchmarkRow> all)
    {
        var best = all.Where(r => r.Problem == row.Problem && r.IsPeer && r.Solved).MinBy(r => r.MinSeconds);
        if (best is null || best.MinSeconds <= 0 || !row.Solved) return "-";
        return $"{(row.MinSeconds / best.MinSeconds).ToString("0.00", CultureInfo.InvariantCulture)} ({best.Solver})";
    }

    private static string MemoryRatio(BenchmarkRow row, IReadOnlyList<BenchmarkRow> all)
    {
        var csdp = all.FirstOrDefault(r => r.Problem == row.Problem && r.Solver == "csdp");
        if (csdp is null || !(csdp.PeakMb > 0) || double.IsNaN(row.PeakMb)) return "-";
        return (row.PeakMb / csdp.PeakMb).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static string Fixed(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Sci(double v) => double.IsNaN(v) ? "NaN" : v.ToString("0.0E+00", CultureInfo.InvariantCulture);
}
