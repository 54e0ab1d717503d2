using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The built-in solver's phases per problem (its fastest run): seconds, flops counted from the formulas, GFLOP/s, and
/// the machine's rate for the kernel the phase is made of (<see cref="MachineRates"/>, measured at the order m of the
/// problem): dpotrf for the factorisation, dgemm for Schur formation and the search directions. "of peak" is GFLOP/s
/// over that rate.
/// <para>
/// "ceiling" is the fastest the phase could run on this machine with its own operations (docs/peers.md "Ceilings"):
/// the Schur formation's gathered flops at the machine's gather rate and the rest at the dgemm rate; the directions'
/// solves at the memory's streaming rate for the bytes of the factors they read (their flops cost nothing beside it)
/// and the rest at the dgemm rate; the factorisation at the dpotrf rate. Both are generous: the dense parts are
/// products of blocks far smaller than the order at which the dgemm rate is measured.
/// </para>
/// </summary>
internal static class PhaseTable
{
    private static readonly string[] Header =
        ["problem", "m", "solver", "phase", "seconds", "GFLOP", "GFLOP/s", "machine GFLOP/s (kernel, order)", "of peak", "ceiling GFLOP/s", "of ceiling"];

    public static void Print(IReadOnlyList<BenchmarkRow> rows, IReadOnlyDictionary<int, MachineRate> rates, TextWriter w)
    {
        var cells = new List<string[]>();
        foreach (var r in rows.Where(r => !r.IsPeer))
        {
            var p = r.Fastest.Phases;
            var rate = rates.TryGetValue(r.M, out var known) ? known : MachineRate.Unknown with { Order = r.M };
            foreach (var (phase, seconds, flops, machine, kernel, ceiling) in new[]
                     {
                         ("Schur formation", p.SchurSeconds, p.SchurFlops, rate.Gemm, "dgemm", SchurCeiling(p, rate)),
                         ("factorisation", p.FactorSeconds, p.FactorFlops, rate.Potrf, "dpotrf", rate.Potrf),
                         ("search directions", p.DirectionSeconds, p.DirectionFlops, rate.Gemm, "dgemm", DirectionCeiling(p, rate)),
                     })
            {
                var gflops = flops / seconds / 1e9;
                cells.Add([r.Problem, r.M.ToString(CultureInfo.InvariantCulture), r.Solver, phase, F(seconds, "0.000"), F(flops / 1e9, "0.0"),
                    F(gflops, "0.0"), $"{F(machine, "0.0")} ({kernel}, {rate.Order})", F(gflops / machine, "0.00"), F(ceiling, "0.0"), F(gflops / ceiling, "0.00")]);
            }
        }
        if (cells.Count == 0) return;
        var widths = Header.Select((h, c) => Math.Max(h.Length, cells.Max(row => row[c].Length))).ToArray();
        string Line(IReadOnlyList<string> row) => "| " + string.Join(" | ", row.Select((v, c) => v.PadRight(widths[c]))) + " |";
        w.WriteLine(Line(Header));
        w.WriteLine("|" + string.Join("|", widths.Select(x => new string('-', x + 2))) + "|");
        foreach (var row in cells) w.WriteLine(Line(row));
        var any = rates.Values.FirstOrDefault();
        if (any is not null)
            w.WriteLine($"machine: gathered multiply–adds {F(any.Gather, "0.0")} GFLOP/s, streaming {F(any.StreamGBps, "0.0")} GB/s (every core; docs/peers.md \"Ceilings\")");
    }

    /// <summary>GFLOP/s of F flops when the G gathered ones run at the gather rate and the rest at the dgemm rate.</summary>
    internal static double SchurCeiling(PhaseTimes p, MachineRate rate) =>
        p.SchurFlops / ((p.SchurFlops - p.SchurGatherFlops) / rate.Gemm + p.SchurGatherFlops / rate.Gather);

    /// <summary>GFLOP/s of the directions when the solves take their bytes over the streaming rate and the rest runs at the dgemm rate.</summary>
    internal static double DirectionCeiling(PhaseTimes p, MachineRate rate) =>
        p.DirectionFlops / ((p.DirectionFlops - p.SolveFlops) / rate.Gemm + p.SolveBytes / rate.StreamGBps);

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
