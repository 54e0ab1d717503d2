using System.Text.Encodings.Web;
using System.Text.Json;

namespace SteeringRng.Reporting;

/// <summary>
/// Writes a <see cref="RunReport"/> as the JSON documented in JSON-CONTRACT.md. Numbers are written in
/// their shortest round-trip form (reading them back gives the identical double), independent of culture.
/// </summary>
public static class ReportJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The file is data for scripts, not HTML: keep μ and quotes readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(RunReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(RunReport report, Stream stream) => Write(report, stream, null);

    /// <param name="moreKeys">Writes further top-level keys after <c>rows</c> (a shard's partial result: PartialJsonWriter).</param>
    public static void Write(RunReport report, Stream stream, Action<Utf8JsonWriter>? moreKeys)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("scenario", report.Scenario);
        json.WriteBoolean("interrupted", report.Interrupted);
        json.WriteStartArray("rows");
        foreach (var row in report.Rows) WriteRow(json, row);
        json.WriteEndArray();
        moreKeys?.Invoke(json);
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, ResultRow row)
    {
        var (pguess, hmin, visibility, bellValue, seconds, message) = NonFiniteValues.Sanitise(row);
        json.WriteStartObject();
        json.WriteStartObject("parameters");
        foreach (var (name, value) in row.Parameters)
        {
            if (double.IsFinite(value)) json.WriteNumber(name, value);
            else json.WriteNull(name);
        }
        json.WriteEndObject();
        json.WriteString("objective", row.Objective);
        json.WriteString("bound", row.Bound);
        WriteNullable(json, "pguess", pguess);
        WriteNullable(json, "hmin", hmin);
        if (visibility is { } v) json.WriteNumber("visibility", v);
        if (row.Critical is { Count: > 0 } critical)
        {
            // Only finite critical values are ever computed (CriticalParameter), so no null notes are needed here.
            json.WriteStartObject("critical");
            foreach (var (name, value) in critical)
            {
                if (double.IsFinite(value)) json.WriteNumber(name, value);
                else json.WriteNull(name);
            }
            json.WriteEndObject();
        }
        if (bellValue is { } bell) json.WriteNumber("value", bell);
        json.WriteString("status", row.Status);
        if (row.Certificate is { } certificate) CertificateJson.Write(json, certificate);
        if (row.Iterations is { } iterations) json.WriteNumber("iterations", iterations);
        else json.WriteNull("iterations");
        WriteNullable(json, "seconds", seconds);
        if (row.RepairDistance is { } repair && double.IsFinite(repair)) json.WriteNumber("repair_distance", repair);
        if (message.Length > 0) json.WriteString("message", message);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
