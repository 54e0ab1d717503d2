using SteeringRng.Certification.Results;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>steer run --shard and steer merge: shards compute exactly the rows of a whole run, and merge joins them or refuses.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-shard-").FullName;
    private readonly string _scn;

    public ShardMergeTests() => _scn = ShardScenarios.Write(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    private string Shard(int k, int n, string? scn = null, string? name = null)
    {
        var path = In(name ?? $"part-{k}.json");
        var result = CliRunner.Run("run", scn ?? _scn, "--shard", $"{k}/{n}", "--json", path, "--parallel", "2");
        Assert.True(result.ExitCode == ExitCodes.Optimal, result.Stderr);
        return path;
    }

    private string Whole(string name)
    {
        var path = In(name);
        var result = CliRunner.Run("run", _scn, "--json", path, "--parallel", "2");
        Assert.True(result.ExitCode == ExitCodes.Optimal, result.Stderr);
        return path;
    }

    // Certificate files are named by point, so shards share one folder: together they write the files of a whole run,
    // byte for byte, and steer verify accepts every one.
    [Fact]
    public void Shards_write_the_certificates_of_the_whole_run_into_one_folder()
    {
        var whole = In("certs-whole");
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("run", _scn, "--json", In("w.json"), "--certificates", whole).ExitCode);
        var shared = In("certs-shards");
        foreach (var k in new[] { 1, 2, 3 })
        {
            var r = CliRunner.Run("run", _scn, "--shard", $"{k}/3", "--json", In($"c-{k}.json"), "--certificates", shared);
            Assert.True(r.ExitCode == ExitCodes.Optimal, r.Stderr);
        }
        var names = Directory.GetFiles(whole, "*.cert").Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(12, names.Length); // 6 points × (ns, npa 1)
        Assert.Equal(names, Directory.GetFiles(shared).Select(Path.GetFileName).Order().ToArray());
        foreach (var name in names)
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, name!)), File.ReadAllBytes(Path.Combine(shared, name!)));
        var verify = CliRunner.Run(["verify", .. Directory.GetFiles(shared)]);
        Assert.True(verify.ExitCode == ExitCodes.Optimal, verify.Stdout + verify.Stderr);
    }

    [Fact]
    public void Shard_rows_are_bit_identical_to_the_whole_runs_rows_for_their_points()
    {
        var whole = ReportJsonReader.Parse(File.ReadAllText(Whole("whole.json"))).Rows;
        var seen = 0;
        foreach (var k in new[] { 2, 3 }) // shards that do not start at the sweep's first point, where relaxations are built
        {
            var part = PartialJsonReader.Parse(File.ReadAllText(Shard(k, 3)));
            for (var r = 0; r < part.Report.Rows.Count; r++)
            {
                var mine = part.Report.Rows[r];
                var theirs = whole[part.Shard.RowPoints[r] * 2 + (r % 2)]; // two bounds per point
                Assert.Equal(theirs with { Seconds = null }, mine with { Seconds = null });
                Assert.Equal(BitConverter.DoubleToInt64Bits(theirs.Pguess!.Value), BitConverter.DoubleToInt64Bits(mine.Pguess!.Value));
                seen++;
            }
        }
        Assert.Equal(8, seen);
    }

    [Fact]
    public void A_sweep_from_white_noise_gives_a_shard_the_rows_of_the_whole_run()
    {
        // At μ = 0 the symmetry reduction of the symmetric NS (Q at level 0) is deferred to a later point; it must be the
        // sweep's second point whichever point a shard (or a thread) starts with.
        var scn = Path.Combine(CliRunner.Root, "samples", "fig3-thresholds.scn");
        string[] common = ["--scenario", "3", "--bounds", "ns", "--set", "mu=0 .. 1 step 0.05", "--parallel", "1"];
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run(["run", scn, .. common, "--no-scenario-outputs", "--json", In("whole.json")]).ExitCode);
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run(["run", scn, .. common, "--shard", "3/4", "--json", In("part.json")]).ExitCode);
        var whole = ReportJsonReader.Parse(File.ReadAllText(In("whole.json"))).Rows;
        var part = PartialJsonReader.Parse(File.ReadAllText(In("part.json")));
        Assert.Equal(new[] { 10, 11, 12, 13, 14 }, part.Shard.Points);
        Assert.Equal(part.Shard.Points.Select(i => whole[i] with { Seconds = null }), part.Report.Rows.Select(r => r with { Seconds = null }));
    }

    [Fact]
    public void Merge_writes_what_a_whole_run_writes_timings_aside()
    {
        var parts = Enumerable.Range(1, 4).Select(k => Shard(k, 4)).ToArray();
        var merged = CliRunner.Run(["merge", .. parts, "--json", In("merged.json"), "--csv", In("merged.csv")]);
        Assert.True(merged.ExitCode == ExitCodes.Optimal, merged.Stderr);
        var whole = CliRunner.Run("run", _scn, "--json", In("whole.json"), "--csv", In("whole.csv"), "--parallel", "2");
        Assert.Equal(ShardScenarios.WithoutTimings(File.ReadAllText(In("whole.json"))), ShardScenarios.WithoutTimings(File.ReadAllText(In("merged.json"))));
        Assert.Equal(12, ReportJsonReader.Parse(File.ReadAllText(In("merged.json"))).Rows.Count);
        // CSV: every column but seconds equal (read as CSV: messages may hold quoted commas).
        static IEnumerable<ResultRow> Csv(string path) => ReportCsvReader.Parse(File.ReadAllText(path), "s").Rows.Select(r => r with { Seconds = null });
        Assert.Equal(Csv(In("whole.csv")), Csv(In("merged.csv")));
        Assert.Equal(File.ReadAllLines(In("whole.csv")).Length, File.ReadAllLines(In("merged.csv")).Length);
        Assert.Equal(whole.Stdout, merged.Stdout);
    }

    [Fact]
    public void A_shard_run_twice_gives_the_same_rows()
    {
        var first = PartialJsonReader.Parse(File.ReadAllText(Shard(2, 2, name: "a.json")));
        var second = PartialJsonReader.Parse(File.ReadAllText(Shard(2, 2, name: "b.json")));
        Assert.Equal(first.Report.Rows.Select(r => r with { Seconds = null }), second.Report.Rows.Select(r => r with { Seconds = null }));
        Assert.Equal(first.Source.Fingerprint.Sha256, second.Source.Fingerprint.Sha256);
        Assert.Equal(first.Source.Fingerprint.Inputs, second.Source.Fingerprint.Inputs);
        Assert.Equal(new[] { 3, 4, 5 }, first.Shard.Points);
        Assert.Equal(6, first.Shard.TotalPoints);
    }

    [Fact]
    public void A_missing_shard_is_named_with_the_command_that_reruns_it()
    {
        var merged = CliRunner.Run("merge", Shard(1, 3), Shard(3, 3), "--json", In("m.json"));
        Assert.Equal(ExitCodes.InputError, merged.ExitCode);
        Assert.Contains("shard 2/3 is missing (points 2..3); rerun it: steer run", merged.Stderr);
        Assert.Contains("--shard 2/3 --json " + In("part-2.json"), merged.Stderr);
        Assert.False(File.Exists(In("m.json")));
    }

    [Fact]
    public void Overlapping_shards_are_refused()
    {
        var one = Shard(1, 2);
        File.Copy(one, In("copy.json"));
        var merged = CliRunner.Run("merge", one, In("copy.json"), Shard(2, 2));
        Assert.Equal(ExitCodes.InputError, merged.ExitCode);
        Assert.Contains("are both shard 1/2 of scenario 1: the parts overlap", merged.Stderr);
    }

    [Fact]
    public void A_truncated_part_is_refused()
    {
        var two = Shard(2, 2);
        var text = File.ReadAllText(two);
        File.WriteAllText(two, text[..(text.Length / 2)]);
        var merged = CliRunner.Run("merge", Shard(1, 2), two);
        Assert.Equal(ExitCodes.InputError, merged.ExitCode);
        Assert.Contains($"part '{two}' is truncated or not a partial result", merged.Stderr);
        Assert.Contains("shard 2/2 is missing", merged.Stderr);
    }

    [Fact]
    public void Parts_of_different_scenarios_are_refused()
    {
        var one = Shard(1, 2);
        var other = CliRunner.Run("run", _scn, "--set", "mu=0.6 .. 0.9 step 0.1", "--shard", "2/2", "--json", In("other.json"));
        Assert.NotEqual(ExitCodes.InternalError, other.ExitCode);
        var merged = CliRunner.Run("merge", one, In("other.json"));
        Assert.Equal(ExitCodes.InputError, merged.ExitCode);
        Assert.Contains("come from different scenarios", merged.Stderr);
    }

    [Fact]
    public void Parts_of_different_data_files_are_refused()
    {
        var one = Shard(1, 2);
        var elsewhere = Directory.CreateDirectory(In("elsewhere")).FullName;
        var scn = ShardScenarios.Write(elsewhere, "0.7071067811865475 0 0 0 0 0 0 0.7071067811865476");
        var two = Shard(2, 2, scn);
        var merged = CliRunner.Run("merge", one, two);
        Assert.Equal(ExitCodes.InputError, merged.ExitCode);
        Assert.Contains("were computed from different data files: 'ghz.txt' has different contents", merged.Stderr);
    }

    [Fact]
    public void Shard_needs_a_valid_K_of_N_and_writes_no_csv()
    {
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("run", _scn, "--shard", "5/4").ExitCode);
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("run", _scn, "--shard", "1/2", "--csv", In("x.csv")).ExitCode);
    }
}

/// <summary>A file with several scenarios: one part per shard and scenario, merged into PATH-1.json, PATH-2.json as steer run writes.</summary>
public sealed class MultiScenarioShardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Each_scenario_is_sharded_and_merged_like_a_whole_run_of_the_file()
    {
        var scn = Path.Combine(_dir, "two.scn");
        File.WriteAllText(scn, """
            scenario "first"
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.5 .. 1 step 0.1
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            bounds ns

            scenario "second"
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.6 .. 1 step 0.2
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds ns
            """);
        foreach (var k in new[] { 1, 2 })
            Assert.Equal(ExitCodes.Optimal, CliRunner.Run("run", scn, "--shard", $"{k}/2", "--json", Path.Combine(_dir, $"part-{k}.json")).ExitCode);
        var parts = new[] { "part-1-1.json", "part-1-2.json", "part-2-1.json", "part-2-2.json" }.Select(p => Path.Combine(_dir, p)).ToArray();
        Assert.All(parts, p => Assert.True(File.Exists(p), p));
        var merged = CliRunner.Run(["merge", .. parts, "--json", Path.Combine(_dir, "m.json")]);
        Assert.True(merged.ExitCode == ExitCodes.Optimal, merged.Stderr);
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("run", scn, "--json", Path.Combine(_dir, "w.json")).ExitCode);
        foreach (var s in new[] { 1, 2 })
            Assert.Equal(ShardScenarios.WithoutTimings(File.ReadAllText(Path.Combine(_dir, $"w-{s}.json"))),
                         ShardScenarios.WithoutTimings(File.ReadAllText(Path.Combine(_dir, $"m-{s}.json"))));

        var missing = CliRunner.Run("merge", parts[0], parts[1], parts[2]);
        Assert.Equal(ExitCodes.InputError, missing.ExitCode);
        Assert.Contains("shard 2/2 of scenario 2 is missing (points 1..2); rerun it: steer run " + scn + " --scenario 2 --shard 2/2 --json " + Path.Combine(_dir, "part-2-2.json"), missing.Stderr);
    }
}
