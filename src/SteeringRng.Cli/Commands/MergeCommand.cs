using System.CommandLine;
using SteeringRng.Certification.Results;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Output;
using SteeringRng.Cli.Sharding;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer merge PARTS…</c>: joins the partial results of <c>steer run --shard K/N</c> into what one <c>steer run</c> of
/// the whole sweep writes (the same rows in the same order; only the timings are the shards'), after checking that
/// the parts belong together and cover every point exactly once.
/// </summary>
public sealed class MergeCommand : ISteerCommand
{
    public string Name => "merge";

    public string Summary => "join the partial results of 'steer run --shard K/N' into one result (table, JSON/CSV, plot)";

    private readonly MergeSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Reads the partial results written by 'steer run FILE --shard K/N' and writes what 'steer run FILE' would have",
        "written: the table on stdout and the rows, in the same order, as JSON/CSV/plot. Before writing it checks that",
        "every part comes from the same scenario text (after --set) and the same data files (by SHA-256), with the same",
        "settings, and that the shards cover every point exactly once. It refuses (exit code 3, nothing written) parts",
        "of different scenarios or data, overlapping shards, truncated or interrupted parts, and missing shards, which",
        "it names with the command that reruns them. A file with several scenarios gives PATH-1.json, PATH-2.json, ...",
        "The exit code is the one 'steer run' gives for the same rows (0, 1 or 9), or 3 when the parts do not fit.",
    ]));

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
        var parts = new List<(string Path, Reporting.PartialReport Part)>();
        var problems = new List<string>();
        foreach (var path in options.Parts)
        {
            try { parts.Add((path, PartialFile.Read(path))); }
            catch (InputException e) { problems.Add(e.Message); }
        }
        var (reports, mergeProblems) = PartialMerge.Merge(parts);
        // Unreadable parts are named even when the rest would merge: their shards are missing too.
        problems.AddRange(parts.Count > 0 || problems.Count == 0 ? mergeProblems : []);
        if (problems.Count > 0)
        {
            stderr.WriteLine($"steer merge: cannot merge {options.Parts.Count} part(s); nothing was written:");
            foreach (var problem in problems) stderr.WriteLine("  " + problem);
            return ExitCodes.InputError;
        }

        var targets = reports.Select((r, k) => Targets(options, k, reports.Count, r.Report.Rows.Select(row => row.Objective))).ToList();
        CheckTargets(targets.SelectMany(t => t).ToList(), options.Parts);
        for (var k = 0; k < reports.Count; k++)
        {
            if (k > 0) stdout.WriteLine();
            var report = reports[k].Report;
            ReportTable.Write(report, stdout);
            foreach (var target in targets[k])
            {
                if (target is OutputTarget.Plot p)
                    foreach (var note in RunOutputs.WritePlot(report, p.Path, SweptParameter(report), options.PlotStyle, p.Objective)) stderr.WriteLine("  note: " + note);
                else RunOutputs.WriteTable(report, target.Path);
                stderr.WriteLine($"wrote {target.Path}");
            }
        }
        return RunCommand.ExitCode(reports.Select(r => r.Report).ToList(), interrupted: false);
    }

    private static List<OutputTarget> Targets(MergeOptions options, int index, int count, IEnumerable<string> objectives)
    {
        var targets = new List<OutputTarget>();
        if (options.Json is { } json) targets.Add(new OutputTarget.Table("--json", RunOutputs.ForScenario(json, index, count), null));
        if (options.Csv is { } csv) targets.Add(new OutputTarget.Table("--csv", RunOutputs.ForScenario(csv, index, count), null));
        if (options.Plot is { } plot)
            targets.AddRange(OutputTarget.Plots("--plot", RunOutputs.ForScenario(plot, index, count), null, options.PlotStyle ?? new PlotOptions(), objectives));
        return targets;
    }

    // No output may overwrite a part (that would lose a shard's hours); the rest is the run's own check.
    private static void CheckTargets(IReadOnlyList<OutputTarget> targets, IReadOnlyList<string> parts)
    {
        var full = parts.Select(Path.GetFullPath).ToHashSet();
        foreach (var target in targets)
            if (full.Contains(Path.GetFullPath(target.Path)))
                throw new InputException($"{target.Origin} '{target.Path}' is one of the parts being merged; choose another path.");
        OutputCheck.Check(targets, []);
    }

    // The plot's x axis: the first parameter that takes more than one value (the run uses the scenario's first swept one).
    private static string? SweptParameter(RunReport report) =>
        report.ParameterNames().FirstOrDefault(name => report.Rows.Select(r => r.Parameters.TryGetValue(name, out var v) ? v : double.NaN).Distinct().Count() > 1)
        ?? report.ParameterNames().FirstOrDefault();
}
