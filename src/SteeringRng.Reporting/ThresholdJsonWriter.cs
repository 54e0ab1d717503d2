using System.Text.Encodings.Web;
using System.Text.Json;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Reporting;

/// <summary>
/// Writes threshold reports as the JSON documented in THRESHOLD-JSON-CONTRACT.md: one object per scenario, one
/// threshold per (objective, bound) with its bracket, the evidence at both ends and every evaluation. Numbers in their
/// shortest round-trip form; non-finite numbers (none are expected) as null.
/// </summary>
public static class ThresholdJsonWriter
{
    public const int Version = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // data for scripts: keep μ and v* readable
    };

    public static string ToJson(IReadOnlyList<ThresholdReport> reports)
    {
        using var stream = new MemoryStream();
        Write(reports, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(IReadOnlyList<ThresholdReport> reports, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteNumber("version", Version);
        json.WriteBoolean("interrupted", reports.Any(r => r.Interrupted));
        json.WriteStartArray("scenarios");
        foreach (var report in reports) WriteReport(json, report);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteReport(Utf8JsonWriter json, ThresholdReport report)
    {
        json.WriteStartObject();
        json.WriteString("scenario", report.Scenario);
        json.WriteString("parameter", report.Parameter);
        json.WriteStartArray("range");
        Number(json, report.RangeLow);
        Number(json, report.RangeHigh);
        json.WriteEndArray();
        Number(json, "width", report.Width);
        json.WriteBoolean("white_noise_family", report.FamilyMismatch is null);
        if (report.FamilyMismatch is { } mismatch) json.WriteString("family_note", mismatch);
        json.WriteBoolean("interrupted", report.Interrupted);
        Number(json, "seconds", report.Seconds);
        json.WriteStartArray("thresholds");
        foreach (var result in report.Results) WriteResult(json, result);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ThresholdResult result)
    {
        json.WriteStartObject();
        json.WriteString("objective", result.Objective);
        json.WriteString("bound", result.Bound);
        json.WriteString("quantity", result.Criterion.Quantity == ThresholdQuantity.Randomness ? "pguess" : "visibility");
        json.WriteString("criterion", result.Criterion.Describe());
        Number(json, "tolerance", result.Criterion.Tolerance);
        json.WriteString("method", result.Method);
        json.WriteString("outcome", result.Outcome);
        Nullable(json, "lo", result.Lo);
        Nullable(json, "hi", result.Hi);
        if (result.ExactAtMost is { } exact) Number(json, "exact_at_most", exact);
        Evidence(json, "at_lo", result.AtLo);
        Evidence(json, "at_hi", result.AtHi);
        json.WriteString("monotonicity", result.Monotonicity);
        Number(json, "seconds", result.Seconds);
        if (result.Message.Length > 0) json.WriteString("message", result.Message);
        json.WriteStartArray("evaluations");
        foreach (var e in result.Evaluations) Evidence(json, null, e);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Evidence(Utf8JsonWriter json, string? name, ThresholdEvidence? e)
    {
        if (e is null)
        {
            json.WriteNull(name!);
            return;
        }
        if (name is null) json.WriteStartObject();
        else json.WriteStartObject(name);
        Number(json, "at", e.At);
        Nullable(json, "value", e.Value);
        json.WriteString("status", e.Status);
        json.WriteBoolean("past", e.Past);
        if (e.Iterations is { } iterations) json.WriteNumber("iterations", iterations);
        else json.WriteNull("iterations");
        Nullable(json, "seconds", e.Seconds);
        if (e.Message.Length > 0) json.WriteString("message", e.Message);
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v) Number(json, name, v);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteNullValue();
    }
}
