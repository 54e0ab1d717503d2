using System.Text.Json;

namespace SteeringRng.Reporting;

/// <summary>
/// Reads the JSON written by <see cref="ReportJsonWriter"/> (contract: JSON-CONTRACT.md). Unknown keys are
/// ignored so that later versions may add fields; a missing required key or a value of the wrong type is a
/// <see cref="ReportFormatException"/> naming its place, e.g. <c>rows[3].pguess</c>.
/// </summary>
public static class ReportJsonReader
{
    public static RunReport Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ReportFormatException($"Not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        using (document)
        {
            return ReadReport(document.RootElement);
        }
    }

    public static RunReport Read(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static RunReport ReadReport(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Wrong("the top level", "an object", root);
        var scenario = RequiredString(root, "scenario", "");
        var interrupted = false;
        if (root.TryGetProperty("interrupted", out var flag))
        {
            interrupted = flag.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Wrong("interrupted", "true or false", flag),
            };
        }
        var rowsElement = Required(root, "rows", "");
        if (rowsElement.ValueKind != JsonValueKind.Array) throw Wrong("rows", "an array", rowsElement);
        var rows = new List<ResultRow>();
        var index = 0;
        foreach (var element in rowsElement.EnumerateArray())
        {
            rows.Add(ReadRow(element, $"rows[{index}]"));
            index++;
        }
        return new RunReport(scenario, rows, interrupted);
    }

    private static ResultRow ReadRow(JsonElement row, string path)
    {
        if (row.ValueKind != JsonValueKind.Object) throw Wrong(path, "an object", row);
        return new ResultRow
        {
            Parameters = ReadParameters(Required(row, "parameters", path), path + ".parameters"),
            Objective = RequiredString(row, "objective", path),
            Bound = RequiredString(row, "bound", path),
            Pguess = OptionalNumber(row, "pguess", path),
            Hmin = OptionalNumber(row, "hmin", path),
            CriticalVisibility = OptionalNumber(row, "visibility", path),
            Critical = row.TryGetProperty("critical", out var critical) && critical.ValueKind != JsonValueKind.Null
                ? ReadParameters(critical, path + ".critical")
                : null,
            Value = OptionalNumber(row, "value", path),
            Status = RequiredString(row, "status", path),
            RepairDistance = OptionalNumber(row, "repair_distance", path),
            Certificate = CertificateJson.Read(row, path),
            Iterations = OptionalInteger(row, "iterations", path),
            Seconds = OptionalNumber(row, "seconds", path),
            Message = row.TryGetProperty("message", out var message) && message.ValueKind != JsonValueKind.Null
                ? AsString(message, path + ".message")
                : "",
        };
    }

    internal static ParameterSet ReadParameters(JsonElement parameters, string path)
    {
        if (parameters.ValueKind != JsonValueKind.Object) throw Wrong(path, "an object of name: number", parameters);
        var entries = new List<KeyValuePair<string, double>>();
        foreach (var property in parameters.EnumerateObject())
        {
            var where = path + "." + property.Name;
            if (entries.Exists(e => e.Key == property.Name))
                throw new ReportFormatException($"{where}: the parameter is given twice.");
            // null stands for a non-finite value (see NonFiniteValues); the row's message says which.
            var value = property.Value.ValueKind == JsonValueKind.Null ? double.NaN : AsNumber(property.Value, where);
            entries.Add(KeyValuePair.Create(property.Name, value));
        }
        return new ParameterSet(entries);
    }

    private static JsonElement Required(JsonElement owner, string key, string path)
    {
        if (owner.TryGetProperty(key, out var value)) return value;
        throw new ReportFormatException($"{Join(path, key)}: required key \"{key}\" is missing.");
    }

    private static string RequiredString(JsonElement owner, string key, string path) =>
        AsString(Required(owner, key, path), Join(path, key));

    private static double? OptionalNumber(JsonElement owner, string key, string path)
    {
        if (!owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return AsNumber(value, Join(path, key));
    }

    private static int? OptionalInteger(JsonElement owner, string key, string path)
    {
        if (!owner.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var integer)) return integer;
        throw Wrong(Join(path, key), "an integer or null", value);
    }

    private static string AsString(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong(where, "a string", value);

    private static double AsNumber(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Wrong(where, "a finite number", value);

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private static ReportFormatException Wrong(string where, string expected, JsonElement found)
    {
        var text = found.GetRawText();
        if (text.Length > 40) text = text[..40] + "…";
        return new ReportFormatException($"{where}: expected {expected}, found {found.ValueKind.ToString().ToLowerInvariant()} {text}");
    }
}
