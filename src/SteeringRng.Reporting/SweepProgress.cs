using System.Globalization;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Run;

namespace SteeringRng.Reporting;

/// <summary>
/// Progress of a sweep whose points finish in any order on several threads. On an interactive terminal, the work run
/// through <see cref="Track{T}"/> is shown by a live display (<see cref="LiveSweepDisplay"/>, Spectre.Console);
/// otherwise (output redirected, CI, TERM=dumb, NO_COLOR: <see cref="TerminalDetection"/>) it writes a plain line
/// each time another tenth of the points is done, or every <see cref="LineEvery"/> points if that is set,
/// so a log file shows steady progress without thousands of lines. All methods may be called concurrently.
/// </summary>
public sealed class SweepProgress : IPointProgress, IBuildProgress
{
    private readonly object gate = new();
    private readonly TextWriter writer;
    private readonly LiveSweepDisplay? live;
    private readonly TimeProvider clock;
    private readonly long started;
    private int done;
    private int failed;
    private int interrupted;
    private int lastLineAt;
    private bool tracking;
    private bool tracked;
    private bool finished;

    /// <param name="writer">Where progress goes (usually standard error, so results on standard output stay clean).</param>
    /// <param name="total">Number of points in the sweep.</param>
    /// <param name="interactive">True for a terminal (see <see cref="TerminalDetection.StandardErrorIsInteractive"/>).</param>
    /// <param name="label">What is being computed, e.g. the scenario name.</param>
    /// <param name="clock">Time source; the system clock unless a test supplies one.</param>
    public SweepProgress(TextWriter writer, int total, bool interactive, string label = "sweep", TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        this.writer = writer;
        this.clock = clock ?? TimeProvider.System;
        live = interactive ? new LiveSweepDisplay(writer, this.clock) : null;
        Total = total;
        Label = label;
        started = this.clock.GetTimestamp();
    }

    public int Total { get; }
    public string Label { get; }

    /// <summary>In non-interactive mode, a line every this many points instead of every tenth (0: tenths).</summary>
    public int LineEvery { get; init; }

    public int Done { get { lock (gate) return done; } }

    /// <summary>
    /// Runs the sweep: on a terminal inside the live display, which ends with it (the last frame stays on screen);
    /// otherwise it just runs <paramref name="work"/>, and points done report as plain lines.
    /// </summary>
    public T Track<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (live is null || Total == 0) return work();
        lock (gate) tracking = tracked = true;
        try { return live.Run(Label, Counts(markup: true), Total, work); }
        finally { lock (gate) tracking = false; }
    }

    /// <summary>Records one finished point (thread-safe), counted as failed or interrupted by its outcome.</summary>
    public void PointDone(PointOutcome outcome = PointOutcome.Succeeded)
    {
        lock (gate)
        {
            if (finished) return;
            done++;
            if (outcome == PointOutcome.Failed) failed++;
            if (outcome == PointOutcome.Interrupted) interrupted++;
            if (tracking) live!.Show(Counts(markup: true), done);
            else if (LineDue()) WriteLine();
        }
    }

    /// <summary>
    /// A line before a large relaxation is built ("building npa 3 for objective joint: blocks …"), so a long silence
    /// has a reason; on a terminal it appears above the live display.
    /// </summary>
    public void Building(string objective, string bound, RelaxationEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        lock (gate)
        {
            if (finished) return;
            var line = $"{Label}: building {bound} for objective {objective}: {estimate.Describe()}; this may take a while";
            if (tracking) live!.Line(line);
            else
            {
                writer.WriteLine(line);
                writer.Flush();
            }
        }
    }

    /// <summary>
    /// Ends the progress: a final plain line with the counts unless the live display showed them, and a line saying
    /// where an interrupted sweep stopped.
    /// </summary>
    public void Finish(bool interrupted = false)
    {
        lock (gate)
        {
            if (finished) return;
            finished = true;
            if (!tracked && (lastLineAt != done || done == 0)) WriteLine();
            if (interrupted) writer.WriteLine($"{Label}: interrupted after {done} of {Total} points.");
            writer.Flush();
        }
    }

    private bool LineDue()
    {
        if (done == Total) return true;
        if (LineEvery > 0) return done - lastLineAt >= LineEvery;
        // A line whenever the tenths digit of the fraction done advances: 10%, 20%, … of the points.
        return Tenths(done) > Tenths(lastLineAt);
    }

    private int Tenths(int count) => Total == 0 ? 10 : (int)(10L * count / Total);

    private void WriteLine()
    {
        lastLineAt = done;
        writer.WriteLine($"{Label}: {Counts()}, {Seconds(Elapsed())} elapsed{Remaining()}");
        writer.Flush();
    }

    /// <summary>"5/20 points (25%), 1 failed, 2 interrupted"; as Spectre markup (failures red, interruptions yellow) for the live display.</summary>
    private string Counts(bool markup = false)
    {
        var percent = Total == 0 ? 100 : (int)(100L * done / Total);
        var failures = failed == 0 ? "" : ", " + Styled($"{failed} failed", "red", markup);
        // Points cut short by Ctrl-C were not tried to the end: not failures.
        var cut = interrupted == 0 ? "" : ", " + Styled($"{interrupted} interrupted", "yellow", markup);
        return $"{done}/{Total} points ({percent}%){failures}{cut}";
    }

    private static string Styled(string text, string colour, bool markup) => markup ? $"[{colour}]{text}[/]" : text;

    /// <summary>Estimated time left, assuming the remaining points take as long on average as the finished ones.</summary>
    private string Remaining()
    {
        if (done == 0 || done >= Total) return "";
        var left = Elapsed().TotalSeconds / done * (Total - done);
        return $", about {Seconds(TimeSpan.FromSeconds(left))} left";
    }

    private TimeSpan Elapsed() => clock.GetElapsedTime(started);

    private static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";
}
