using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The built-in solver's three expensive phases in one solve: seconds and floating-point operations counted from the
/// formulas (docs/peers.md "Per-phase rates"), read from the solver's closing "phases:" log line.
/// </summary>
internal sealed record PhaseTimes(double SchurSeconds, double SchurFlops, double FactorSeconds, double FactorFlops,
    double DirectionSeconds, double DirectionFlops)
{
    public const string LogPrefix = "phases: ";

    public static readonly PhaseTimes None = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>"phases: schur 4.9 s 1.2E+11 flop; factor 14 s 4.4E+11 flop; directions 5.4 s 3E+10 flop".</summary>
    public static PhaseTimes? Parse(string line)
    {
        if (!line.StartsWith(LogPrefix, StringComparison.Ordinal)) return null;
        var v = line[LogPrefix.Length..].Split(';').Select(part => part.Trim().Split(' ')).ToArray();
        double D(int phase, int field) => double.Parse(v[phase][field], CultureInfo.InvariantCulture);
        return new PhaseTimes(D(0, 1), D(0, 3), D(1, 1), D(1, 3), D(2, 1), D(2, 3));
    }

    public IEnumerable<double> Fields => [SchurSeconds, SchurFlops, FactorSeconds, FactorFlops, DirectionSeconds, DirectionFlops];

    public static PhaseTimes FromFields(IReadOnlyList<double> f) => new(f[0], f[1], f[2], f[3], f[4], f[5]);
}
