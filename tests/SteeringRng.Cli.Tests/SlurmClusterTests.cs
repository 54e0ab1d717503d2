using System.Diagnostics;
using System.Text.RegularExpressions;
using SteeringRng.Reporting;
using Xunit.Abstractions;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// steer slurm --submit on a real (local, single-node) Slurm: a 4-shard job array and the merge job after it; the merged
/// result must equal a plain run's, timings aside. Skipped, with the reason, only where the daemons cannot start.
/// </summary>
public sealed partial class SlurmClusterTests(ITestOutputHelper output)
{
    private static readonly string[] Failed = ["FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE"];

    [SkippableFact]
    public void A_sharded_sweep_on_slurm_merges_to_the_rows_of_a_plain_run()
    {
        var reason = LocalSlurm.CannotStart();
        if (reason is not null) output.WriteLine("skipped: " + reason);
        Skip.If(reason is not null, reason);

        using var slurm = new LocalSlurm();
        slurm.Start();
        output.WriteLine($"local Slurm up ({slurm.Auth}), configuration {slurm.Conf}");
        var scn = ShardScenarios.Write(slurm.Folder);
        var outDir = Path.Combine(slurm.Folder, "run");
        var clock = Stopwatch.StartNew();
        var submitted = CliRunner.Run("slurm", scn, "--shards", "4", "--throttle", "2", "--cpus", "1", "--time", "00:10:00", "--out", outDir, "--submit");
        Assert.True(submitted.ExitCode == ExitCodes.Optimal, submitted.Stderr + submitted.Stdout);
        var arrayId = JobId().Match(submitted.Stdout) is { Success: true } a ? a.Groups[1].Value : throw new Xunit.Sdk.XunitException("no array job id in: " + submitted.Stdout);
        var mergeId = MergeId().Match(submitted.Stdout) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no merge job id in: " + submitted.Stdout);
        slurm.Track(arrayId, mergeId);
        output.WriteLine(submitted.Stdout.TrimEnd());

        // Bounded wait: the merge job completes after every task; a failed state anywhere ends the wait at once.
        var result = Path.Combine(outDir, "result.json");
        var deadline = DateTime.UtcNow.AddMinutes(5);
        string mergeState = "";
        while (DateTime.UtcNow < deadline)
        {
            var states = slurm.Jobs(arrayId).Concat(slurm.Jobs(mergeId)).Select(j => j.GetValueOrDefault("JobState", "?")).ToList();
            mergeState = slurm.Jobs(mergeId).FirstOrDefault()?.GetValueOrDefault("JobState", "?") ?? "?";
            if (states.Any(s => Failed.Contains(s)))
                throw new Xunit.Sdk.XunitException($"a job failed ({string.Join(", ", states)}):\n{JobLogs(outDir)}\n{slurm.Logs()}");
            if (mergeState == "COMPLETED" && File.Exists(result)) break;
            Thread.Sleep(1000);
        }
        Assert.True(mergeState == "COMPLETED" && File.Exists(result), $"the merge job did not complete within 5 minutes (state {mergeState}):\n{JobLogs(outDir)}\n{slurm.Logs()}");
        output.WriteLine($"array and merge done after {clock.Elapsed.TotalSeconds:F1} s");

        foreach (var task in slurm.Jobs(arrayId).OrderBy(t => t.GetValueOrDefault("ArrayTaskId")))
        {
            var k = task.GetValueOrDefault("ArrayTaskId", "?");
            var part = PartialJsonReader.Parse(File.ReadAllText(Path.Combine(outDir, $"part-{k}.json")));
            output.WriteLine($"shard {k}/4 (job {task.GetValueOrDefault("JobId")}): points {string.Join(",", part.Shard.Points)}, " +
                             $"run time {task.GetValueOrDefault("RunTime")}, solver seconds {part.Report.Rows.Sum(r => r.Seconds ?? 0):F2}, " +
                             $"{task.GetValueOrDefault("StartTime")} .. {task.GetValueOrDefault("EndTime")}");
        }
        var merge = slurm.Jobs(mergeId).Single();
        output.WriteLine($"merge (job {mergeId}): run time {merge.GetValueOrDefault("RunTime")}, dependency satisfied after the array");

        var plain = Path.Combine(slurm.Folder, "plain.json");
        var run = CliRunner.Run("run", scn, "--json", plain);
        Assert.True(run.ExitCode == ExitCodes.Optimal, run.Stderr);
        var expected = ShardScenarios.WithoutTimings(File.ReadAllText(plain));
        var merged = ShardScenarios.WithoutTimings(File.ReadAllText(result));
        Assert.True(expected == merged, $"the merged result differs from the plain run:\n{Uncertified(plain)}\n{Uncertified(result)}");
        Assert.Equal(expected, merged);
        var rows = ReportJsonReader.Parse(File.ReadAllText(result)).Rows.Count;
        output.WriteLine($"merged result equals the plain run: {rows} rows identical (timings aside)");
        Assert.True(File.Exists(Path.ChangeExtension(result, ".csv")));
    }

    /// <summary>The uncertified rows of a result and why (a failed comparison then says which side and why).</summary>
    private static string Uncertified(string path) =>
        path + ": " + string.Join("; ", ReportJsonReader.Parse(File.ReadAllText(path)).Rows
            .Where(r => r.Certificate is { Status: not "certified" })
            .Select(r => $"{string.Join(",", r.Parameters.Select(p => $"{p.Key}={p.Value}"))} {r.Bound}: {r.Certificate!.Reason}"));

    private static string JobLogs(string outDir) =>
        Directory.Exists(Path.Combine(outDir, "logs"))
            ? string.Join("\n", Directory.EnumerateFiles(Path.Combine(outDir, "logs")).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : "(no job logs)";

    [GeneratedRegex(@"array job (\d+)")]
    private static partial Regex JobId();

    [GeneratedRegex(@"merge job (\d+)")]
    private static partial Regex MergeId();
}
