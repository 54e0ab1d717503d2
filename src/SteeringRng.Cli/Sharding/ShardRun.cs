using SteeringRng.Certification.Input;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Commands;
using SteeringRng.Cli.Output;
using SteeringRng.Reporting;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Sharding;

/// <summary>
/// <c>steer run FILE --shard K/N</c>: one scenario's part K of N of the sweep, written as a partial result
/// (<see cref="PartialReport"/>) for <c>steer merge</c>. The table of the shard's rows goes to stdout as usual.
/// </summary>
public static class ShardRun
{
    /// <summary>The partial result's path: --json (PATH-2.json for the second of several scenarios), else FILE-shard-K-of-N.json here.</summary>
    public static IReadOnlyList<OutputTarget> Targets(RunOptions options, int index, int count)
    {
        var shard = options.Shard ?? throw new InvalidOperationException("not a sharded run");
        var json = options.Json ?? $"{Path.GetFileNameWithoutExtension(options.File)}-shard-{shard.Index}-of-{shard.Count}.json";
        return [new OutputTarget.Table("--json", RunOutputs.ForScenario(json, index, count), Checked.TableFormat.Json)];
    }

    /// <param name="scenarioIndex">The scenario's place in the file (1 = the first).</param>
    public static RunReport RunOne(ScenarioFile.Loaded loaded, int scenarioIndex, IReadOnlyList<OutputTarget> targets, RunOptions options,
        ISdpSolver solver, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var shard = options.Shard ?? throw new InvalidOperationException("not a sharded run");
        var scenario = loaded.Result.Scenarios[scenarioIndex - 1];
        var run = ScenarioRun.Plan(scenario, new RunSettings
        {
            Symmetry = options.Symmetry, Bounds = options.Bounds, MemoryLimit = options.MemoryLimit, Force = options.Force,
            Parallelism = options.Parallelism ?? Math.Max(1, Environment.ProcessorCount),
            // Certificate files are named by point, so shards writing into one folder never collide.
            CertificateDirectory = options.Certificates, Certify = options.Certify,
        });
        var points = shard.PointsOf(run.Points.Count);
        stderr.WriteLine(points.Count == 0
            ? $"shard {shard}: no points (the sweep has {run.Points.Count}); writing an empty part"
            : $"shard {shard}: points {points[0]}..{points[^1]} of 0..{run.Points.Count - 1}");
        var interactive = ReferenceEquals(stderr, Console.Error) && TerminalDetection.StandardErrorIsInteractive();
        var progress = new SweepProgress(stderr, points.Count, interactive, RunCommand.Shorten(scenario.Title));
        var (report, rowPoints) = progress.Track(() => run.ExecutePoints(solver, points, progress, cancellation));
        progress.Finish(report.Interrupted);
        ReportTable.Write(report, stdout);

        var scenarioCount = loaded.Result.Scenarios.Count;
        var source = new PartialSource(
            options.File, scenarioIndex, scenarioCount,
            options.Scenario is { } only ? [only] : Enumerable.Range(1, scenarioCount).ToList(),
            ScenarioFingerprint.Of(loaded, options.Overrides), RowArguments.Of(options), RowArguments.Settings(options));
        var partial = new PartialReport(report, new PartialShard(shard.Index, shard.Count, points, run.Points.Count, rowPoints), source);
        PartialFile.Write(partial, targets[0].Path);
        stderr.WriteLine($"wrote {targets[0].Path}");
        return report;
    }
}
