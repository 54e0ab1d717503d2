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
    /// number is still a lower bound. The product v·10^d is nudged down by a few ulps before the floor, so a value
    /// just below a printed digit is never rounded up by the multiplication.
    /// </summary>
    public static string FixedDown(double? value, int decimals)
    {
        if (value is not { } v || !double.IsFinite(v)) return Fixed(value, decimals);
        var scale = Math.Pow(10, decimals);
        var scaled = v * scale;
        var floored = Math.Floor(scaled - Math.Abs(scaled) * 1e-15);
        return (floored / scale).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
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
