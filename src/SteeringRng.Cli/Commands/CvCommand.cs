using System.CommandLine;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer cv FILE.scn</c>: a continuous-variable scenario (Gaussian network, binned homodyne measurements, the trusted
/// mode's Fock cut-off; docs/formulations/continuous-variables.md): check it, run it, write the table and plot.
/// </summary>
/// <param name="external">Cancels the run as Ctrl-C does (hosts and tests).</param>
public sealed class CvCommand(CancellationToken external = default) : ISteerCommand
{
    public string Name => "cv";

    public string Summary => "run a continuous-variable scenario (Gaussian network, binned homodyne, Fock cut-off)";

    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the continuous-variable scenario file");
    private readonly Option<bool> check = Declared.Flag("--check", "diagnostics only (exit 0 clean, 3 errors)");
    private readonly Option<IReadOnlyList<(string Name, string Value)>> set = Declared.Repeated("--set", "NAME=VALUE",
        "replace parameter NAME by a constant (VALUE a number) before checking; repeatable", Constant);
    private readonly Option<int?> parallel = CommonOptions.Parallel("points computed at once (default: processors)");
    private readonly Option<string?> csv = CommonOptions.Path("--csv", "PATH", "write the rows as CSV");
    private readonly Option<string?> json = CommonOptions.Path("--json", "PATH", "write the rows as JSON");
    private readonly Option<string?> plot = CommonOptions.Path("--plot", "PATH", "plot H_min against the swept parameter");

    public Command Declare() => new(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Reads a continuous-variable scenario (statements mode, squeeze, beamsplitter, phase, loss, thermal, node ... mode,",
        "homodyne, objective, bounds, data, search; docs/formulations/continuous-variables.md §8), prints its",
        "diagnostics (file:line:col: error SR11xx), and runs it: per point the Gaussian state, the binning periods",
        "searched where a setting says 'period optimise', and every bound. The table goes to stdout; the scenario's",
        "own 'table' and 'plot' files are written next to it. Ctrl-C stops the run: the rows computed so far are",
        "written, the others skipped (exit 10).",
    ]))
    {
        files, check, set, parallel, csv, json, plot,
    };

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var file = Declared.OneFile(parsed, files, "give a scenario file.");
        var (check, parallel, csv, json, plot) = (parsed.GetValue(this.check), parsed.GetValue(this.parallel) ?? Environment.ProcessorCount,
            parsed.GetValue(this.csv), parsed.GetValue(this.json), parsed.GetValue(this.plot));
        var sets = parsed.GetValue(set) ?? [];
        string text;
        try
        {
            if (new FileInfo(file).Length > 4 * 1024 * 1024) { stderr.WriteLine($"steer cv: '{file}' is larger than 4 MiB, the limit for a scenario file"); return ExitCodes.InputError; }
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"steer cv: cannot read '{file}': {e.Message}");
            return ExitCodes.InputError;
        }
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        foreach (var (name, value) in sets)
        {
            // A --set replaces the parameter's line: 'param NAME = VALUE' (the line numbers stay).
            int index = Array.FindIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^\s*param\s+{System.Text.RegularExpressions.Regex.Escape(name)}\s*="));
            if (index < 0) throw new UsageException($"--set: the scenario has no parameter '{name}'.");
            lines[index] = $"param {name} = {value}";
        }
        var (scenario, errors) = CvParser.Parse(string.Join('\n', lines));
        foreach (var e in errors) stderr.WriteLine(e.Render(file, lines));
        if (scenario is null) return ExitCodes.InputError;
        if (check) return ExitCodes.Optimal;
        // Ctrl-C (or the caller's token) stops the run; the rows computed so far are written, marked interrupted.
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        Certification.Results.RunReport report;
        try
        {
            report = CvRun.Execute(scenario, new Sdp.InteriorPointSolver(), RunSettings.Default with { Parallelism = parallel }, m => stderr.WriteLine(m),
                cancellation.Token);
        }
        finally { Console.CancelKeyPress -= onCancel; }
        if (report.Interrupted) stderr.WriteLine("steer cv: interrupted; the rows computed so far are written, marked interrupted");
        ReportTable.Write(report, stdout);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        var csvPaths = new[] { csv, scenario.Table is null ? null : Path.Combine(folder, scenario.Table) }.OfType<string>();
        foreach (var p in csvPaths) File.WriteAllText(p, ReportCsvWriter.ToCsv(report));
        if (json is not null) File.WriteAllText(json, ReportJsonWriter.ToJson(report));
        var plots = new[] { plot, scenario.Plot is null ? null : Path.Combine(folder, scenario.Plot) }.OfType<string>();
        foreach (var p in plots) HminPlot.Save(report, p, new PlotOptions(XParameter: scenario.SweptNames.FirstOrDefault()));
        if (report.Interrupted) return ExitCodes.Interrupted;
        return report.Rows.Any(r => r.Hmin is null && r.Status != Certification.Results.RowStatus.NotApplicable) ? ExitCodes.RowsFailed : ExitCodes.Optimal;
    }

    private static (string Name, string Value) Constant(string text)
    {
        var kv = text.Split('=', 2);
        return kv.Length == 2 && kv[0].Length > 0 ? (kv[0].Trim(), kv[1].Trim()) : throw new UsageException("--set needs NAME=VALUE.");
    }
}
