using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The built-in solver's three expensive phases in one solve: seconds and floating-point operations counted from the
/// formulas (docs/peers.md "Per-phase rates"), read from the solver's closing "phases:" log line; with the part of the
/// Schur formation's flops done on gathered operands, and the search directions' solve flops and the bytes of the
/// factors those solves read (the two quantities that set each phase's ceiling, docs/peers.md "Ceilings").
/// </summary>
internal sealed record PhaseTimes(double SchurSeconds, double SchurFlops, double SchurGatherFlops, double FactorSeconds, double FactorFlops,
    double DirectionSeconds, double DirectionFlops, double SolveFlops, double SolveBytes)
{
    public const string LogPrefix = "phases: ";

    public const int FieldCount = 9;

    public static readonly PhaseTimes None = FromFields(Enumerable.Repeat(double.NaN, FieldCount).ToArray());

    /// <summary>
    /// "phases: schur 4.9 s 1.2E+11 flop 3E+10 gathered; factor 14 s 4.4E+11 flop; directions 5.4 s 3E+10 flop
    /// 4E+09 in-solves 8E+09 solve-bytes".
    /// </summary>
    public static PhaseTimes? Parse(string line)
    {
        if (!line.StartsWith(LogPrefix, StringComparison.Ordinal)) return null;
        var v = line[LogPrefix.Length..].Split(';').Select(part => part.Trim().Split(' ')).ToArray();
        double D(int phase, int field) => double.Parse(v[phase][field], CultureInfo.InvariantCulture);
        return new PhaseTimes(D(0, 1), D(0, 3), D(0, 5), D(1, 1), D(1, 3), D(2, 1), D(2, 3), D(2, 5), D(2, 7));
    }

    public IEnumerable<double> Fields => [SchurSeconds, SchurFlops, SchurGatherFlops, FactorSeconds, FactorFlops, DirectionSeconds, DirectionFlops, SolveFlops, SolveBytes];

    public static PhaseTimes FromFields(IReadOnlyList<double> f) => new(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
}
