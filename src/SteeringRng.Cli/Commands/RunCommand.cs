using System.CommandLine;
using SteeringRng.Certification.Input;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Output;
using SteeringRng.Cli.Sharding;
using SteeringRng.Reporting;
using SteeringRng.Sdp;
using SteeringRng.Scenario;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer run FILE</c>: every objective × bound × sweep point of every scenario in the file, a progress display
/// on stderr, the table on stdout, and the result files (command line and scenario outputs). Ctrl-C stops cleanly
/// and keeps the rows already computed.
/// </summary>
public sealed class RunCommand(CancellationToken external = default) : ISteerCommand
{
    public string Name => "run";

    public string Summary => "run a scenario file: every objective x bound x sweep point; table, JSON/CSV, plot";

    private readonly RunSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Checks the scenario (errors are printed as file:line:col with a caret, exit code 3), then computes every",
        "requested bound (ns, global, npa k, seesaw, steering) for every objective at every sweep point, points in",
        "parallel; a relaxation SDP that an earlier scenario of the run already solved is not solved again (its row",
        "says so in its message). Progress goes to stderr (a bar on a terminal; plain lines when redirected or",
        "CI=true), the table to stdout. Outputs named in the scenario (table, plot, export sdpa) are written too,",
        "relative to the scenario file. Ctrl-C stops cleanly: the rows computed so far are written, marked interrupted.",
        "Before anything is computed every output path is checked (exit code 3 otherwise): none may be an input",
        "(the scenario file or a file it includes or reads), no two outputs may share a path, and each folder must",
        "take new files. Each file is written to a temporary file beside it and renamed, never left half written.",
        "A file with several scenarios writes PATH-1.json, PATH-2.json, ... for --json/--csv/--plot.",
    ]));

    public int Execute(System.CommandLine.ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
        // One solver for every scenario of the file, so that a relaxation SDP an earlier scenario solved is not solved again.
        var solver = new ReusingSolver(SolverCatalog.Create(options.Solver));
        var (available, reason) = solver.Availability;
        if (!available)
        {
            stderr.WriteLine($"steer run: solver '{solver.Name}' is not available: {reason}");
            return ExitCodes.SolverUnavailable;
        }
        var loaded = ScenarioInput.LoadOrReport(options.File, options.Overrides, stderr, options.Repair);
        if (loaded is null) return ExitCodes.InputError;

        // Ctrl-C (or the caller's token, for hosts and tests) cancels the run.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop cleanly: finish writing what was computed
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var scenarios = loaded.Result.Scenarios;
            if (options.Scenario is { } only)
            {
                if (only > scenarios.Count)
                    throw new UsageException($"--scenario {only}: '{options.File}' holds {scenarios.Count} scenario(s).");
                scenarios = [scenarios[only - 1]];
            }
            // Every output of every scenario, checked before anything is computed (OutputCheck).
            var targets = scenarios.Select((s, k) => options.Shard is null
                ? OutputTargets.For(loaded, s, k, scenarios.Count, options)
                : ShardRun.Targets(options, k, scenarios.Count)).ToList();
            OutputCheck.Check(targets.SelectMany(t => t).ToList(), loaded.Inputs);
            var reports = new List<RunReport>();
            for (var k = 0; k < scenarios.Count; k++)
            {
                if (k > 0) stdout.WriteLine();
                // The scenario under way when Ctrl-C comes is still written (marked interrupted); later ones are not started.
                var perScenario = options.Certificates is { } folder && scenarios.Count > 1
                    ? options with { Certificates = Path.Combine(folder, $"scenario-{k + 1}") }
                    : options;
                reports.Add(options.Shard is null
                    ? RunOne(loaded, scenarios[k], targets[k], perScenario, solver, stdout, stderr, cancellation.Token)
                    : ShardRun.RunOne(loaded, options.Scenario ?? k + 1, targets[k], perScenario, solver, stdout, stderr, cancellation.Token));
                if (cancellation.IsCancellationRequested) break;
            }
            return ExitCode(reports, cancellation.IsCancellationRequested);
        }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    private static RunReport RunOne(ScenarioFile.Loaded loaded, Checked.Scenario scenario, IReadOnlyList<OutputTarget> targets, RunOptions options,
        ISdpSolver solver, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var run = ScenarioRun.Plan(scenario, new RunSettings
        {
            Symmetry = options.Symmetry, Bounds = options.Bounds, MemoryLimit = options.MemoryLimit, Force = options.Force,
            Parallelism = options.Parallelism ?? Math.Max(1, Environment.ProcessorCount),
            CertificateDirectory = options.Certificates, Certify = options.Certify,
        });
        var interactive = ReferenceEquals(stderr, Console.Error) && TerminalDetection.StandardErrorIsInteractive();
        var progress = new SweepProgress(stderr, run.Points.Count, interactive, Shorten(scenario.Title));
        var report = progress.Track(() => run.Execute(solver, progress, cancellation));
        progress.Finish(report.Interrupted);
        ReportTable.Write(report, stdout);

        var x = run.Model.SweptNames.Count > 0 ? run.Model.SweptNames[0] : null;
        foreach (var target in targets)
        {
            switch (target)
            {
                case OutputTarget.Table t:
                    Written(stderr, t.Path, p => RunOutputs.WriteTable(report, p, t.Format));
                    break;
                case OutputTarget.Plot p:
                    Written(stderr, p.Path, path => Notes(stderr, RunOutputs.WritePlot(report, path, p.Over ?? x, options.PlotStyle, p.Objective)));
                    break;
                case OutputTarget.SdpaFolder s:
                    var files = SdpaExport.Write(run, s.Path, Path.GetFileName(loaded.Path));
                    stderr.WriteLine($"wrote {files.Count} SDPA file(s) to {s.Path}");
                    break;
            }
        }
        return report;
    }

    private static void Written(TextWriter stderr, string path, Action<string> write)
    {
        write(path);
        stderr.WriteLine($"wrote {path}");
    }

    private static void Notes(TextWriter stderr, IReadOnlyList<string> notes)
    {
        foreach (var note in notes) stderr.WriteLine("  note: " + note);
    }

    // Titles come from the file: control characters are shown escaped, as in diagnostics.
    internal static string Shorten(string title)
    {
        title = ScenarioLanguage.Printable(title);
        return title.Length <= 40 ? title : title[..37] + "...";
    }

    /// <summary>
    /// 10 interrupted; 9 when a row has no certified value; 1 when some are only near-optimal; else 0. A seesaw's
    /// verified attack counts as a success (<see cref="RowStatus.IsSuccess"/>): its P_g is a verified lower bound, as
    /// its status says.
    /// </summary>
    public static int ExitCode(IReadOnlyList<RunReport> reports, bool interrupted)
    {
        if (interrupted || reports.Any(r => r.Interrupted)) return ExitCodes.Interrupted;
        var statuses = reports.SelectMany(r => r.Rows).Select(r => r.Status).Where(s => s != RowStatus.NotApplicable).ToList();
        if (statuses.Any(s => !RowStatus.IsSuccess(s) && s != RowStatus.NearOptimal)) return ExitCodes.RowsFailed;
        return statuses.Any(s => s == RowStatus.NearOptimal) ? ExitCodes.NearOptimal : ExitCodes.Optimal;
    }
}
