using System.Text.Json;

namespace SteeringRng.Reporting;

/// <summary>
/// Writes a shard's <see cref="PartialReport"/>: the JSON of a run (<see cref="ReportJsonWriter"/>) with two more
/// top-level keys, <c>shard</c> and <c>source</c> (JSON-CONTRACT.md, "Partial results"). A reader of plain results
/// ignores them and sees the shard's rows.
/// </summary>
public static class PartialJsonWriter
{
    public static string ToJson(PartialReport partial)
    {
        using var stream = new MemoryStream();
        ReportJsonWriter.Write(partial.Report, stream, json => WriteKeys(json, partial));
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteKeys(Utf8JsonWriter json, PartialReport partial)
    {
        var shard = partial.Shard;
        json.WriteStartObject("shard");
        json.WriteNumber("index", shard.Index);
        json.WriteNumber("count", shard.Count);
        json.WriteNumber("total_points", shard.TotalPoints);
        Integers(json, "points", shard.Points);
        Integers(json, "row_points", shard.RowPoints);
        json.WriteEndObject();

        var source = partial.Source;
        json.WriteStartObject("source");
        json.WriteString("sha256", source.Fingerprint.Sha256);
        json.WriteString("scenario_sha256", source.Fingerprint.ScenarioSha256);
        json.WriteStartArray("inputs");
        foreach (var input in source.Fingerprint.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("path", input.Path);
            json.WriteString("sha256", input.Sha256);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("file", source.File);
        json.WriteNumber("scenario_index", source.ScenarioIndex);
        json.WriteNumber("scenario_count", source.ScenarioCount);
        Integers(json, "scenarios", source.Scenarios);
        json.WriteStartArray("arguments");
        foreach (var argument in source.Arguments) json.WriteStringValue(argument);
        json.WriteEndArray();
        json.WriteString("settings", source.Settings);
        json.WriteEndObject();
    }

    private static void Integers(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteNumberValue(value);
        json.WriteEndArray();
    }
}
