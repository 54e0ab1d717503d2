using System.Globalization;

namespace SteeringRng.Reporting;

/// <summary>How numbers look in the console tables (invariant culture, fixed decimals, non-finite spelled out).</summary>
internal static class TableCells
{
    public static string Fixed(double? value, int decimals) => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "NaN",
        { } v when double.IsPositiveInfinity(v) => "inf",
        { } v when double.IsNegativeInfinity(v) => "-inf",
        { } v => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A proven lower bound printed with <paramref name="decimals"/> decimals, rounded down (never up): the printed
    /// number is still a lower bound. The floor is taken in exact integer arithmetic on the double's m·2^e.
    /// </summary>
    public static string FixedDown(double? value, int decimals)
    {
        if (value is not { } v || !double.IsFinite(v)) return Fixed(value, decimals);
        if (v == 0) return 0.0.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        // Exactly: v = m·2^e (m a 53-bit integer), so floor(v·10^d) = floor(m·10^d·2^e) in integers.
        var e = Math.ILogB(v) - 52;
        var m = new System.Numerics.BigInteger(Math.ScaleB(v, -e));
        var scaled = m * System.Numerics.BigInteger.Pow(10, decimals);
        System.Numerics.BigInteger floor;
        if (e >= 0) floor = scaled << e;
        else
        {
            var divisor = System.Numerics.BigInteger.One << -e;
            floor = System.Numerics.BigInteger.DivRem(scaled, divisor, out var remainder);
            if (remainder.Sign < 0) floor -= 1; // toward −∞ for negative values
        }
        var digits = System.Numerics.BigInteger.Abs(floor).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return floor.Sign < 0 ? "-" + text : text;
    }

    /// <summary>
    /// A proven upper bound printed with <paramref name="decimals"/> decimals, rounded up (never down): ⌈v⌉ = −⌊−v⌋,
    /// through <see cref="FixedDown"/>.
    /// </summary>
    public static string FixedUp(double? value, int decimals)
    {
        if (value is not { } v || !double.IsFinite(v)) return Fixed(value, decimals);
        var down = FixedDown(-v, decimals);
        if (down.StartsWith('-')) return down[1..];
        return down.Any(c => c is >= '1' and <= '9') ? "-" + down : down;
    }

    /// <summary>A parameter value: six significant digits hide the last-bit noise of a generated grid (0.30000000000000004).</summary>
    public static string Parameter(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static string Seconds(double? value) => value is { } v && double.IsFinite(v)
        ? v.ToString("F2", CultureInfo.InvariantCulture)
        : "-";

    public static string Iterations(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    /// <summary>"μ=0.55" for the notes under a pivot table.</summary>
    public static string Point(ParameterSet parameters) =>
        string.Join(", ", parameters.Select(p => ParameterLabels.Display(p.Key) + "=" + Parameter(p.Value)));
}
