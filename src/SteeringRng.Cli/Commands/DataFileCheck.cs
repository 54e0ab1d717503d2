using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Scenario;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer check</c> on the contents of a scenario's probabilities file (<c>probabilities = file("counts.csv")</c>).
/// The scenario checker reads an assemblage file itself (SR1101–SR1106), but a probabilities CSV is only read when the
/// model is built, i.e. by <c>steer run</c>: without this a file with a negative count passed <c>check</c> and failed
/// <c>run</c>. It reads the file with the same reader and repair as <c>run</c> (<see cref="ScenarioModel"/>), so both
/// accept exactly the same files, and prints each problem pointing into the CSV:
/// <c>dir/counts.csv:7: error SR1170: row 7: column 'count': negative count -3</c>, then the line.
/// </summary>
public static class DataFileCheck
{
    /// <summary>A probabilities file that cannot be used (unreadable, malformed, signalling without repair).</summary>
    public const string Invalid = "SR1170";

    /// <summary>A probabilities file that was repaired (repair = nearest): a warning, as SR1106 for an assemblage file.</summary>
    public const string Repaired = "SR1171";

    /// <summary>(errors, warnings) printed for the scenario's probabilities file; (0, 0) when it has none.</summary>
    /// <param name="scenarioFile">The scenario's path as given, to locate the data file (which is relative to it).</param>
    public static (int Errors, int Warnings) Report(Checked.Scenario scenario, string scenarioFile, TextWriter stderr)
    {
        if (scenario.Data.Source is not Checked.DataSource.ProbabilitiesFile source) return (0, 0);
        var shownPath = Path.Combine(Path.GetDirectoryName(scenarioFile) ?? "", source.file);
        try
        {
            var model = new ScenarioModel(scenario);
            if (model.MeasuredData is { Note.Length: > 0 } measured)
            {
                stderr.WriteLine(ScenarioLanguage.Printable($"{shownPath}: warning {Repaired}: {measured.Note}"));
                return (0, 1);
            }
            return (0, 0);
        }
        catch (ScenarioInputException e)
        {
            // The reader's messages start with the file as the scenario names it; the location replaces that.
            var message = e.Message.StartsWith(source.file + ": ", StringComparison.Ordinal) ? e.Message[(source.file.Length + 2)..] : e.Message;
            var where = e.DataLine is { } line ? $"{shownPath}:{line}" : shownPath;
            stderr.WriteLine(ScenarioLanguage.Printable($"{where}: error {Invalid}: {message}"));
            if (e.DataLine is { } l && LineOf(source.text, l) is { } text)
                stderr.WriteLine("  " + ScenarioLanguage.Printable(text));
            return (1, 0);
        }
    }

    /// <summary>
    /// The text of 1-based line <paramref name="line"/>, cut to 200 characters; null when out of range. Lines end as the
    /// CSV reader counts them (CR LF, LF or CR alone), so the line shown is the one the message's number names.
    /// </summary>
    private static string? LineOf(string text, int line)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (line < 1 || line > lines.Length) return null;
        var content = lines[line - 1];
        return content.Length > 200 ? content[..200] + "…" : content;
    }
}
