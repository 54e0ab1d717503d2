using System.Globalization;
using System.Text.Json;
using SteeringRng.Certification.Results;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Runs every sample listed in samples/expected.json through <c>steer run</c> (restricted with --set/--bounds to the
/// checked points) and compares the JSON rows with the paper's numbers listed there.
/// </summary>
public class SampleExpectationTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(CliRunner.Root, "samples", "expected.json"))).RootElement;

    public static TheoryData<int, string> Samples()
    {
        var data = new TheoryData<int, string>();
        var k = 0;
        foreach (var s in Expected.GetProperty("samples").EnumerateArray())
            data.Add(k++, s.GetProperty("sample").GetString()! + (s.TryGetProperty("scenario", out var n) ? $" #{n.GetInt32()}" : ""));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_reproduces_the_expected_numbers(int index, string name)
    {
        var sample = Expected.GetProperty("samples")[index];
        var report = Run(sample);
        Assert.False(report.Interrupted);
        foreach (var check in sample.GetProperty("checks").EnumerateArray())
        {
            if (check.TryGetProperty("ordering", out _)) CheckOrdering(report, name);
            else CheckValue(report, check, name);
        }
    }

    private static RunReport Run(JsonElement sample)
    {
        var json = Path.Combine(Path.GetTempPath(), $"steer-sample-{Guid.NewGuid():N}.json");
        var args = new List<string> { "run", Path.Combine(CliRunner.Root, "samples", sample.GetProperty("sample").GetString()!), "--json", json, "--no-scenario-outputs" };
        if (sample.TryGetProperty("set", out var set))
            foreach (var s in set.EnumerateArray()) args.AddRange(["--set", s.GetString()!]);
        if (sample.TryGetProperty("bounds", out var bounds)) args.AddRange(["--bounds", bounds.GetString()!]);
        if (sample.TryGetProperty("scenario", out var scenario)) args.AddRange(["--scenario", scenario.GetInt32().ToString(CultureInfo.InvariantCulture)]);
        try
        {
            var r = CliRunner.Run([.. args]);
            Assert.True(File.Exists(json), $"no JSON written; exit {r.ExitCode}; stderr: {r.Stderr}");
            return ReportJsonReader.Parse(File.ReadAllText(json));
        }
        finally { File.Delete(json); }
    }

    private static void CheckValue(RunReport report, JsonElement check, string sample)
    {
        var objective = check.GetProperty("objective").GetString()!;
        var bound = check.GetProperty("bound").GetString()!;
        var parameters = check.GetProperty("parameters").EnumerateObject().Select(p => (p.Name, p.Value.GetDouble())).ToArray();
        var where = $"{sample}: {objective} / {bound} at {string.Join(", ", parameters.Select(p => $"{p.Name}={p.Item2}"))}";
        var row = report.Rows.SingleOrDefault(r => r.Objective == objective && r.Bound == bound &&
            parameters.All(p => r.Parameters.TryGetValue(p.Name, out var v) && Math.Abs(v - p.Item2) < 1e-12));
        Assert.True(row is not null, $"{where}: no such row");
        Assert.True(row!.Status == RowStatus.Optimal, $"{where}: status {row.Status}: {row.Message}");
        var field = check.GetProperty("field").GetString();
        double actual = field switch
        {
            "hmin" => row.Hmin!.Value,
            "pguess" => row.Pguess!.Value,
            "visibility" => row.CriticalVisibility!.Value,
            "value" => row.Value!.Value,
            "repair_distance" => row.RepairDistance!.Value,
            _ => throw new InvalidOperationException($"unknown field {field}"),
        };
        if (check.TryGetProperty("expected", out var expected))
        {
            var tolerance = check.GetProperty("tolerance").GetDouble();
            Assert.True(Math.Abs(actual - expected.GetDouble()) <= tolerance,
                $"{where}: {field} = {actual:R}, expected {expected.GetDouble():R} ± {tolerance}");
        }
        else if (check.TryGetProperty("lessThan", out var upper))
        {
            Assert.True(actual < upper.GetDouble(), $"{where}: {field} = {actual:R}, expected < {upper.GetDouble()}");
        }
        else
        {
            var limit = check.GetProperty("greaterThan").GetDouble();
            Assert.True(actual > limit, $"{where}: {field} = {actual:R}, expected > {limit}");
        }
    }

    /// <summary>H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ H^Dim recomputed from the rows: every pair present at a point, per objective.</summary>
    private static void CheckOrdering(RunReport report, string sample)
    {
        var chain = new[] { "global", "ns", "npa 1", "npa 2", "seesaw" };
        int Rank(string bound) => Array.FindIndex(chain, c => bound == c || (c == "seesaw" && bound.StartsWith("seesaw", StringComparison.Ordinal)));
        foreach (var row in report.Rows)
            Assert.True(row.Status is RowStatus.Optimal or "not-applicable", $"{sample}: {row.Objective} / {row.Bound} at {row.Parameters}: {row.Status}: {row.Message}");
        var pairs = 0;
        foreach (var group in report.Rows.Where(r => r.Hmin is not null && Rank(r.Bound) >= 0).GroupBy(r => (r.Parameters, r.Objective)))
        {
            var rows = group.OrderBy(r => Rank(r.Bound)).ToList();
            for (var i = 0; i + 1 < rows.Count; i++, pairs++)
                Assert.True(rows[i].Hmin <= rows[i + 1].Hmin + 1e-6,
                    $"{sample}: {group.Key.Objective} at {group.Key.Parameters}: H[{rows[i].Bound}] = {rows[i].Hmin} > H[{rows[i + 1].Bound}] = {rows[i + 1].Hmin}");
        }
        Assert.True(pairs >= 3, $"{sample}: only {pairs} ordered pair(s) to compare; the ordering check needs at least three");
    }
}
