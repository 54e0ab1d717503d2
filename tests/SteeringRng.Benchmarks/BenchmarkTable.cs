using System.Globalization;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Benchmarks;

/// <summary>
/// One solve of one problem: what the table shows. <paramref name="Solver"/> names the solver and, for the built-in
/// one, its kernels; <paramref name="Deviation"/> is |value − published optimum| when the problem has one;
/// <paramref name="CpuSeconds"/> the least process CPU time over the repeats (in-process solvers only; on a shared
/// machine it is steadier than wall time).
/// </summary>
public sealed record BenchmarkRow(string Problem, int N, int M, string Solver, SdpSolution Solution, double? Deviation, double? CpuSeconds)
{
    public double MaxDimacs => DimacsErrors.Worst(Solution.Dimacs);
}

/// <summary>Prints rows as a Markdown table, with each solver's time relative to CSDP's on the same problem.</summary>
public static class BenchmarkTable
{
    private static readonly string[] Header =
        ["problem", "n", "m", "solver", "status", "iter", "seconds", "cpu s", "max DIMACS", "primal objective", "|value - known|", "time / csdp"];

    public static void Print(IReadOnlyList<BenchmarkRow> rows, TextWriter w)
    {
        var cells = rows.Select(r => new[]
        {
            r.Problem, Int(r.N), Int(r.M), r.Solver, r.Solution.Status.ToString(), Int(r.Solution.Iterations),
            r.Solution.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
            r.CpuSeconds is { } cpu ? cpu.ToString("0.000", CultureInfo.InvariantCulture) : "-", Sci(r.MaxDimacs),
            r.Solution.PrimalObjective.ToString("R", CultureInfo.InvariantCulture),
            r.Deviation is { } d ? Sci(d) : "-", Ratio(r, rows),
        }).ToList();
        var widths = Header.Select((h, c) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(row => row[c].Length))).ToArray();
        string Line(IReadOnlyList<string> row) => "| " + string.Join(" | ", row.Select((v, c) => v.PadRight(widths[c]))) + " |";
        w.WriteLine(Line(Header));
        w.WriteLine("|" + string.Join("|", widths.Select(x => new string('-', x + 2))) + "|");
        foreach (var row in cells) w.WriteLine(Line(row));
    }

    private static string Ratio(BenchmarkRow row, IReadOnlyList<BenchmarkRow> all)
    {
        var csdp = all.FirstOrDefault(r => r.Problem == row.Problem && r.Solver == "csdp");
        static bool Solved(BenchmarkRow r) => r.Solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal;
        if (csdp is null || csdp.Solution.Seconds <= 0 || !Solved(csdp) || !Solved(row)) return "-";
        return (row.Solution.Seconds / csdp.Solution.Seconds).ToString("0.00", CultureInfo.InvariantCulture);
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Sci(double v) => double.IsNaN(v) ? "NaN" : v.ToString("0.0E+00", CultureInfo.InvariantCulture);
}
