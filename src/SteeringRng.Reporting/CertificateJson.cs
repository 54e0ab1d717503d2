using System.Text.Json;

namespace SteeringRng.Reporting;

/// <summary>
/// A row's "certificate" object (JSON-CONTRACT.md): {"status": "certified", "pguess", "hmin" | "value" | "visibility",
/// "steerable", "critical", "slack", "method"} or {"status": "uncertified", "reason"}; written and read back (merge keeps it).
/// </summary>
internal static class CertificateJson
{
    public static void Write(Utf8JsonWriter json, RowCertificate c)
    {
        json.WriteStartObject("certificate");
        json.WriteString("status", c.Status);
        Number(json, "pguess", c.Pguess);
        Number(json, "hmin", c.Hmin);
        Number(json, "value", c.Value);
        Number(json, "visibility", c.Visibility);
        if (c.Steerable is { } steerable) json.WriteBoolean("steerable", steerable);
        if (c.Critical is { Count: > 0 } critical)
        {
            json.WriteStartObject("critical");
            foreach (var (name, value) in critical) if (double.IsFinite(value)) json.WriteNumber(name, value);
            json.WriteEndObject();
        }
        Number(json, "slack", c.Slack);
        if (c.Method.Length > 0) json.WriteString("method", c.Method);
        if (c.Reason.Length > 0) json.WriteString("reason", c.Reason);
        json.WriteEndObject();
    }

    /// <summary>The certificate of a row, or null when the row has none; a malformed one is a <see cref="ReportFormatException"/>.</summary>
    public static RowCertificate? Read(JsonElement row, string path)
    {
        if (!row.TryGetProperty("certificate", out var c) || c.ValueKind == JsonValueKind.Null) return null;
        var where = path + ".certificate";
        if (c.ValueKind != JsonValueKind.Object) throw new ReportFormatException($"{where}: expected an object.");
        string Text(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        double? Num(string name) => c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var status = Text("status");
        if (status is not (RowCertificate.CertifiedStatus or RowCertificate.UncertifiedStatus))
            throw new ReportFormatException($"{where}.status: expected \"certified\" or \"uncertified\", got \"{status}\".");
        // An uncertified certificate never carries numbers, even if a hand-edited file adds them.
        if (status == RowCertificate.UncertifiedStatus) return RowCertificate.Uncertified(Text("reason"));
        return new RowCertificate
        {
            Status = status, Pguess = Num("pguess"), Hmin = Num("hmin"), Value = Num("value"), Visibility = Num("visibility"),
            Steerable = c.TryGetProperty("steerable", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null,
            Critical = c.TryGetProperty("critical", out var k) && k.ValueKind == JsonValueKind.Object
                ? ReportJsonReader.ReadParameters(k, where + ".critical") : null,
            Slack = Num("slack"),
            Method = Text("method"),
        };
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
    }
}
