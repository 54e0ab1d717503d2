using System.Globalization;
using SteeringRng.Certification.Input;

namespace SteeringRng.Reporting;

/// <summary>
/// Writes the rows of a report as CSV (RFC 4180, CRLF; <see cref="CsvRecords"/>, the Sep library): one column per parameter name (first-appearance
/// order), then objective, bound, pguess, hmin, [visibility,] [value,] [repair_distance,] status, iterations,
/// seconds, message. The visibility column is present only when some row is a steering test, the value column only
/// when some row is a Bell row, the repair_distance column only when some row was computed from repaired measured
/// data (as the JSON's key; empty in the other rows), so files without repair keep their old header. Numbers use the invariant
/// culture and their shortest round-trip form; a missing or non-finite number is an empty field
/// (the message then says which value was not finite). The scenario name and the interrupted flag
/// are not part of the CSV: they are in the JSON.
/// </summary>
public static class ReportCsvWriter
{
    public static IReadOnlyList<string> Columns(RunReport report)
    {
        var columns = new List<string>(report.ParameterNames()) { "objective", "bound", "pguess", "hmin" };
        if (HasVisibility(report)) columns.Add("visibility");
        if (HasValue(report)) columns.Add("value");
        if (HasRepairDistance(report)) columns.Add("repair_distance");
        columns.AddRange(["status", "iterations", "seconds", "message"]);
        return columns;
    }

    public static string ToCsv(RunReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    public static void Write(RunReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        var names = report.ParameterNames();
        var withVisibility = HasVisibility(report);
        var withValue = HasValue(report);
        var withRepair = HasRepairDistance(report);
        writer.Write(CsvRecords.Write(report.Rows.Select(row => Fields(row, names, withVisibility, withValue, withRepair)).Prepend(Columns(report))));
    }

    private static IReadOnlyList<string> Fields(ResultRow row, IReadOnlyList<string> names, bool withVisibility, bool withValue, bool withRepair)
    {
        var (pguess, hmin, visibility, bellValue, seconds, message) = NonFiniteValues.Sanitise(row);
        var fields = new List<string>();
        foreach (var name in names)
            fields.Add(row.Parameters.TryGetValue(name, out var value) ? Number(value) : "");
        fields.AddRange([row.Objective, row.Bound, Number(pguess), Number(hmin)]);
        if (withVisibility) fields.Add(Number(visibility));
        if (withValue) fields.Add(Number(bellValue));
        if (withRepair) fields.Add(Number(row.RepairDistance));
        fields.AddRange([
            row.Status,
            row.Iterations?.ToString(CultureInfo.InvariantCulture) ?? "",
            Number(seconds),
            message,
        ]);
        return fields;
    }

    private static bool HasVisibility(RunReport report) => report.Rows.Any(r => r.CriticalVisibility is not null);

    private static bool HasValue(RunReport report) => report.Rows.Any(r => r.Value is not null);

    // As the JSON writer: a non-finite distance is not written, so it does not open the column either.
    private static bool HasRepairDistance(RunReport report) => report.Rows.Any(r => r.RepairDistance is { } d && double.IsFinite(d));

    /// <summary>"R" is the shortest string that parses back to the same double (since .NET Core 3.0).</summary>
    internal static string Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
