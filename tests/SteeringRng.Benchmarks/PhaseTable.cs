using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The built-in solver's phases per problem (its fastest run): seconds, flops counted from the formulas, GFLOP/s, and
/// the machine's rate for the kernel the phase is made of (<see cref="MachineRates"/>, measured at the order m of the
/// problem): dpotrf for the factorisation, dgemm for Schur formation and the search directions (products of dense
/// blocks and triangular solves, which at best run at the dgemm rate). "of peak" is GFLOP/s over that rate.
/// </summary>
internal static class PhaseTable
{
    private static readonly string[] Header = ["problem", "m", "solver", "phase", "seconds", "GFLOP", "GFLOP/s", "machine GFLOP/s (kernel, order)", "of peak"];

    public static void Print(IReadOnlyList<BenchmarkRow> rows, IReadOnlyDictionary<int, (int Order, double Gemm, double Potrf)> rates, TextWriter w)
    {
        var cells = new List<string[]>();
        foreach (var r in rows.Where(r => !r.IsPeer))
        {
            var p = r.Fastest.Phases;
            var (order, gemm, potrf) = rates.TryGetValue(r.M, out var rate) ? rate : (r.M, double.NaN, double.NaN);
            foreach (var (phase, seconds, flops, machine, kernel) in new[]
                     {
                         ("Schur formation", p.SchurSeconds, p.SchurFlops, gemm, "dgemm"),
                         ("factorisation", p.FactorSeconds, p.FactorFlops, potrf, "dpotrf"),
                         ("search directions", p.DirectionSeconds, p.DirectionFlops, gemm, "dgemm"),
                     })
            {
                var gflops = flops / seconds / 1e9;
                cells.Add([r.Problem, r.M.ToString(CultureInfo.InvariantCulture), r.Solver, phase, F(seconds, "0.000"), F(flops / 1e9, "0.0"),
                    F(gflops, "0.0"), $"{F(machine, "0.0")} ({kernel}, {order})", F(gflops / machine, "0.00")]);
            }
        }
        if (cells.Count == 0) return;
        var widths = Header.Select((h, c) => Math.Max(h.Length, cells.Max(row => row[c].Length))).ToArray();
        string Line(IReadOnlyList<string> row) => "| " + string.Join(" | ", row.Select((v, c) => v.PadRight(widths[c]))) + " |";
        w.WriteLine(Line(Header));
        w.WriteLine("|" + string.Join("|", widths.Select(x => new string('-', x + 2))) + "|");
        foreach (var row in cells) w.WriteLine(Line(row));
    }

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
