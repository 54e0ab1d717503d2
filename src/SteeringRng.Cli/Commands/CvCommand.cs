using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Run;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer cv FILE.scn</c>: a continuous-variable scenario (Gaussian network, binned homodyne measurements, the trusted
/// mode's Fock cut-off; docs/formulations/continuous-variables.md): check it, run it, write the table and plot.
/// </summary>
/// <param name="external">Cancels the run as Ctrl-C does (hosts and tests).</param>
public sealed class CvCommand(CancellationToken external = default) : ICommand
{
    public string Name => "cv";

    public string Summary => "run a continuous-variable scenario (Gaussian network, binned homodyne, Fock cut-off)";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer cv FILE.scn [--check] [--set NAME=VALUE] [--parallel N] [--csv P] [--json P] [--plot P.svg]",
        "",
        "Reads a continuous-variable scenario (statements mode, squeeze, beamsplitter, phase, loss, thermal, node ... mode,",
        "homodyne, objective, bounds, data, search; docs/formulations/continuous-variables.md §8), prints its",
        "diagnostics (file:line:col: error SR11xx), and runs it: per point the Gaussian state, the binning periods",
        "searched where a setting says 'period optimise', and every bound. The table goes to stdout; the scenario's",
        "own 'table' and 'plot' files are written next to it. Ctrl-C stops the run: the rows computed so far are",
        "written, the others skipped (exit 10).",
        "",
        "Options:",
        "  --check         diagnostics only (exit 0 clean, 3 errors)",
        "  --set N=V       replace parameter N by a constant (V a number) before checking",
        "  --parallel N    points computed at once (default: processors)",
        "  --csv P, --json P, --plot P   more outputs",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, csv = null, json = null, plot = null;
        bool check = false;
        int parallel = Environment.ProcessorCount;
        var sets = new List<(string Name, string Value)>();
        for (int i = 0; i < arguments.Count; i++)
        {
            string Next() => i + 1 < arguments.Count ? arguments[++i] : throw new UsageException($"{arguments[i]} needs a value.");
            switch (arguments[i])
            {
                case "--check": check = true; break;
                case "--csv": csv = Next(); break;
                case "--json": json = Next(); break;
                case "--plot": plot = Next(); break;
                case "--parallel":
                    if (!int.TryParse(Next(), out parallel) || parallel < 1) throw new UsageException("--parallel needs a positive integer.");
                    break;
                case "--set":
                    var kv = Next().Split('=', 2);
                    if (kv.Length != 2 || kv[0].Length == 0) throw new UsageException("--set needs NAME=VALUE.");
                    sets.Add((kv[0].Trim(), kv[1].Trim()));
                    break;
                default:
                    if (arguments[i].StartsWith('-') || file is not null) throw new UsageException($"unexpected argument '{arguments[i]}'.");
                    file = arguments[i];
                    break;
            }
        }
        if (file is null) throw new UsageException("give a scenario file.");
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
}
