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
