using System.Text.Json;
using SteeringRng.Certification.Input;

namespace SteeringRng.Reporting;

/// <summary>
/// Reads a shard's partial result (<see cref="PartialJsonWriter"/>). A file that is not a whole JSON document (a
/// shard killed while writing, a copy cut short), a plain result without <c>shard</c>/<c>source</c>, or keys of the
/// wrong type are a <see cref="ReportFormatException"/> naming the place.
/// </summary>
public static class PartialJsonReader
{
    public static PartialReport Parse(string json)
    {
        var report = ReportJsonReader.Parse(json); // the rows, checked as any result file; throws on text that is not whole JSON
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("shard", out var shard) || !root.TryGetProperty("source", out var source))
            throw new ReportFormatException("not a partial result: no \"shard\" and \"source\" keys (a file of steer run --shard K/N is expected).");
        var partial = new PartialShard(
            Integer(shard, "index", "shard"), Integer(shard, "count", "shard"), Integers(shard, "points", "shard"),
            Integer(shard, "total_points", "shard"), Integers(shard, "row_points", "shard"));
        if (partial.RowPoints.Count != report.Rows.Count)
            throw new ReportFormatException($"shard.row_points: {partial.RowPoints.Count} entries for {report.Rows.Count} rows.");
        var inputs = Property(source, "inputs", "source", JsonValueKind.Array).EnumerateArray()
            .Select((e, i) => new InputDigest(Text(e, "path", $"source.inputs[{i}]"), Text(e, "sha256", $"source.inputs[{i}]")))
            .ToList();
        var fingerprint = new ScenarioFingerprint(Text(source, "sha256", "source"), Text(source, "scenario_sha256", "source"), inputs);
        var arguments = Property(source, "arguments", "source", JsonValueKind.Array).EnumerateArray()
            .Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ReportFormatException($"source.arguments[{i}]: expected a string."))
            .ToList();
        return new PartialReport(report, partial, new PartialSource(
            Text(source, "file", "source"), Integer(source, "scenario_index", "source"), Integer(source, "scenario_count", "source"),
            Integers(source, "scenarios", "source"), fingerprint, arguments, Text(source, "settings", "source")));
    }

    private static JsonElement Property(JsonElement owner, string key, string path, JsonValueKind kind)
    {
        if (owner.ValueKind != JsonValueKind.Object) throw new ReportFormatException($"{path}: expected an object.");
        if (!owner.TryGetProperty(key, out var value)) throw new ReportFormatException($"{path}.{key}: required key \"{key}\" is missing.");
        if (value.ValueKind != kind) throw new ReportFormatException($"{path}.{key}: expected {kind.ToString().ToLowerInvariant()}, found {value.ValueKind.ToString().ToLowerInvariant()}.");
        return value;
    }

    private static int Integer(JsonElement owner, string key, string path) =>
        Property(owner, key, path, JsonValueKind.Number).TryGetInt32(out var value) && value >= 0
            ? value
            : throw new ReportFormatException($"{path}.{key}: expected a non-negative integer.");

    private static IReadOnlyList<int> Integers(JsonElement owner, string key, string path) =>
        Property(owner, key, path, JsonValueKind.Array).EnumerateArray()
            .Select((e, i) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) && v >= 0
                ? v
                : throw new ReportFormatException($"{path}.{key}[{i}]: expected a non-negative integer."))
            .ToList();

    private static string Text(JsonElement owner, string key, string path) => Property(owner, key, path, JsonValueKind.String).GetString()!;
}
