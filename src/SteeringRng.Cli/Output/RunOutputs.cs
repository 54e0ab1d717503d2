using SteeringRng.Cli.Commands;
using SteeringRng.Certification.Results;
using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>
/// Writes a run's results: JSON and CSV per JSON-CONTRACT.md, H_min plots (SVG or PNG by extension). Paths named
/// in the scenario are relative to the scenario file; paths on the command line are relative to the working
/// folder. Missing parent folders are created. Each file is written whole or not at all (<see cref="AtomicFile"/>);
/// <see cref="OutputCheck"/> has checked every path before the run. Problems are reported, not thrown past the run.
/// </summary>
public static class RunOutputs
{
    public static void WriteTable(RunReport report, string path, Checked.TableFormat? format = null)
    {
        CreateParent(path);
        var json = format is null ? Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) : format.IsJson;
        try
        {
            var text = json ? ReportJsonWriter.ToJson(report) : ReportCsvWriter.ToCsv(report);
            AtomicFile.Write(path, temporary => File.WriteAllText(temporary, text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}");
        }
    }

    /// <summary>Writes the plot; returns the notes (rows not drawn) and warnings to show the reader.</summary>
    public static IReadOnlyList<string> WritePlot(RunReport report, string path, string? xParameter, PlotOptions? style = null, string? objective = null)
    {
        var options = (style ?? new PlotOptions()) with { XParameter = xParameter, Objective = objective };
        CreateParent(path);
        try
        {
            PlotResult? saved = null;
            AtomicFile.Write(path, temporary => saved = HminPlot.Save(report, temporary, options));
            var result = saved!;
            return [.. result.Warnings, .. result.Notes.Count == 0 ? [] : new[] { $"{result.Notes.Count} row(s) not drawn in {path} (not optimal or no H_min)" }];
        }
        catch (IOException e) { throw new InputException(e.Message); }
        catch (ArgumentException e) { throw new InputException($"cannot plot '{path}': {e.Message}"); }
    }

    /// <summary>The path for one scenario of a file holding several: "out.json" → "out-2.json" for the second.</summary>
    public static string ForScenario(string path, int index, int count) =>
        count <= 1 ? path : Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{index + 1}{Path.GetExtension(path)}");

    private static void CreateParent(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is null) return;
        try { Directory.CreateDirectory(parent); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot create the folder '{parent}': {e.Message}");
        }
    }
}
