using Spectre.Console;

namespace SteeringRng.Reporting;

/// <summary>
/// The live display of a sweep on an interactive terminal, drawn by Spectre.Console's progress: under a heading line
/// (the scenario), a spinner, the points done of the total with failed and interrupted points, a bar, the elapsed time
/// and Spectre's estimate of the time left, in one line that fits 80 columns. Spectre redraws it about ten times a second on its own thread and, when the work ends (also by Ctrl-C or
/// an exception), leaves the last frame on screen and shows the cursor again. Lines written through <see cref="Line"/>
/// while it runs appear above it. Only <see cref="SweepProgress"/> uses it, after <see cref="TerminalDetection"/> said yes.
/// </summary>
internal sealed class LiveSweepDisplay(TextWriter writer, TimeProvider clock)
{
    // Capabilities are given, not detected: the caller's TerminalDetection decided (Spectre's own rule differs, see there),
    // and the output may be a test's StringWriter.
    private readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(writer),
        Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
    });

    private ProgressTask? task;

    /// <summary>Runs <paramref name="work"/> with the display on screen; <paramref name="heading"/> is text, <paramref name="description"/> markup.</summary>
    public T Run<T>(string heading, string description, int total, Func<T> work)
    {
        console.WriteLine(heading);
        // The description never wraps (Spectre cuts it): a narrow bar leaves the time columns room on 80 columns.
        var progress = new Progress(console, clock) { AutoClear = false, ExcludeVerticalPadding = true }
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 },
                new ElapsedTimeColumn(), new RemainingTimeColumn());
        return progress.Start(context =>
        {
            task = context.AddTask(description, maxValue: total);
            try { return work(); }
            finally { task = null; }
        });
    }

    /// <summary>The task's new state (thread-safe: Spectre's task locks); ignored when no display runs.</summary>
    public void Show(string description, int done)
    {
        if (task is not { } t) return;
        t.Description = description;
        t.Value = done;
    }

    /// <summary>A line of plain text (not markup), above the display while it runs.</summary>
    public void Line(string text) => console.WriteLine(text);
}
