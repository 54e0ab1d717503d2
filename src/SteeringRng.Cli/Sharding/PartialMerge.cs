using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Sharding;

/// <summary>
/// Joins the partial results of a sharded sweep into the reports one <c>steer run</c> would have produced: per scenario,
/// the rows of every point in point order. Refuses (every problem found, as plain sentences) parts of different
/// scenarios, data files or settings, overlapping or inconsistent shards, interrupted parts, and missing shards, which
/// it names with the command that reruns them.
/// </summary>
public static class PartialMerge
{
    /// <summary>One scenario's merged report, with its place in the file.</summary>
    public sealed record Merged(int ScenarioIndex, RunReport Report);

    /// <returns>The reports by scenario (file order) when the parts fit together, else the problems.</returns>
    public static (IReadOnlyList<Merged> Reports, IReadOnlyList<string> Problems) Merge(IReadOnlyList<(string Path, PartialReport Part)> parts)
    {
        var problems = new List<string>();
        if (parts.Count == 0) return ([], ["no readable part to merge."]);
        var (firstPath, first) = parts[0];
        foreach (var (path, part) in parts.Skip(1)) SameSweep(firstPath, first.Source, path, part.Source, problems);
        if (problems.Count > 0) return ([], problems);

        var expected = parts.SelectMany(p => p.Part.Source.Scenarios).Distinct().Order().ToList();
        var merged = new List<Merged>();
        foreach (var scenario in expected)
        {
            var mine = parts.Where(p => p.Part.Source.ScenarioIndex == scenario).ToList();
            if (mine.Count == 0)
            {
                // No part of this scenario at all: every shard of it is missing (the shard count from the other scenarios).
                var count = parts[0].Part.Shard.Count;
                for (var k = 1; k <= count; k++) problems.Add(Missing(first, firstPath, scenario, expected.Count, new Shard(k, count), null));
                continue;
            }
            if (MergeScenario(scenario, expected.Count, mine, problems) is { } report) merged.Add(new Merged(scenario, report));
        }
        return problems.Count > 0 ? ([], problems) : (merged, []);
    }

    private static void SameSweep(string firstPath, PartialSource a, string path, PartialSource b, List<string> problems)
    {
        if (a.Fingerprint.ScenarioSha256 != b.Fingerprint.ScenarioSha256)
        {
            problems.Add($"'{path}' and '{firstPath}' come from different scenarios (the scenario text after --set differs: sha256 " +
                         $"{b.Fingerprint.ScenarioSha256[..12]}… against {a.Fingerprint.ScenarioSha256[..12]}…); merge only the parts of one sweep.");
            return;
        }
        var inputs = a.Fingerprint.Inputs.Select(i => i.Path).Union(b.Fingerprint.Inputs.Select(i => i.Path)).Order(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var x = a.Fingerprint.Inputs.FirstOrDefault(i => i.Path == input)?.Sha256;
            var y = b.Fingerprint.Inputs.FirstOrDefault(i => i.Path == input)?.Sha256;
            if (x != y)
                problems.Add($"'{path}' and '{firstPath}' were computed from different data files: '{input}' " +
                             (x is null || y is null ? $"was read by {(x is null ? "the first" : "the second")} only." : "has different contents.") +
                             " Rerun the shards of the older data.");
        }
        if (a.Settings != b.Settings)
            problems.Add($"'{path}' and '{firstPath}' were computed with different settings ({b.Settings} against {a.Settings}).");
    }

    private static RunReport? MergeScenario(int scenario, int scenarios, List<(string Path, PartialReport Part)> parts, List<string> problems)
    {
        var (refPath, reference) = parts[0];
        var count = reference.Shard.Count;
        var total = reference.Shard.TotalPoints;
        var byShard = new Dictionary<int, (string Path, PartialReport Part)>();
        foreach (var (path, part) in parts)
        {
            var shard = part.Shard;
            if (shard.Count != count || shard.TotalPoints != total)
            {
                problems.Add($"'{path}' is shard {shard.Index}/{shard.Count} of {shard.TotalPoints} points, but '{refPath}' is one of {count} shards of {total} points: " +
                             "parts of different shardings cannot be merged.");
                continue;
            }
            var ordered = shard.RowPoints.Zip(shard.RowPoints.Skip(1)).All(p => p.First <= p.Second);
            if (shard.Index < 1 || shard.Index > count || !shard.Points.SequenceEqual(new Shard(shard.Index, count).PointsOf(total)) || !ordered)
            {
                problems.Add($"'{path}': shard {shard.Index}/{count} does not hold the points that shard takes, in point order; the file was changed or is not from steer run --shard.");
                continue;
            }
            if (byShard.TryGetValue(shard.Index, out var other))
            {
                problems.Add($"'{path}' and '{other.Path}' are both shard {shard.Index}/{count} of scenario {scenario}: the parts overlap; pass each shard once.");
                continue;
            }
            if (part.Report.Interrupted || !shard.RowPoints.Distinct().Order().SequenceEqual(shard.Points))
            {
                problems.Add($"'{path}' (shard {shard.Index}/{count}) is incomplete (the shard was interrupted); rerun it: {Rerun(part.Source, path, scenario, scenarios, new Shard(shard.Index, count))}");
                continue;
            }
            byShard[shard.Index] = (path, part);
        }
        for (var k = 1; k <= count; k++)
            if (!byShard.ContainsKey(k) && !parts.Any(p => p.Part.Shard.Index == k))
                problems.Add(Missing(reference, refPath, scenario, scenarios, new Shard(k, count), total));
        if (problems.Count > 0) return null;
        // Shards are contiguous and ordered, so shard order is point order; within a part the rows are in point order already.
        var rows = byShard.OrderBy(p => p.Key).SelectMany(p => p.Value.Part.Report.Rows).ToList();
        return new RunReport(reference.Report.Scenario, rows);
    }

    private static string Missing(PartialReport reference, string referencePath, int scenario, int scenarios, Shard shard, int? total)
    {
        var points = total is { } t && shard.PointsOf(t) is { Count: > 0 } p ? (p.Count == 1 ? $" (point {p[0]})" : $" (points {p[0]}..{p[^1]})") : "";
        return $"shard {shard}{(scenarios > 1 ? $" of scenario {scenario}" : "")} is missing{points}; rerun it: {Rerun(reference.Source, referencePath, scenario, scenarios, shard)}";
    }

    /// <summary>The command that computes one shard of one scenario again, writing beside the given part.</summary>
    public static string Rerun(PartialSource source, string besidePath, int scenario, int scenarios, Shard shard)
    {
        var folder = Path.GetDirectoryName(besidePath) ?? "";
        var name = scenarios > 1 ? $"part-{shard.Index}-{scenario}.json" : $"part-{shard.Index}.json";
        var words = new List<string> { "steer", "run", source.File };
        words.AddRange(source.Arguments);
        if (source.Scenarios.Count == 1 || scenarios > 1) words.AddRange(["--scenario", scenario.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        words.AddRange(["--shard", shard.ToString(), "--json", Path.Combine(folder, name)]);
        return ShellWords.Join(words);
    }
}
