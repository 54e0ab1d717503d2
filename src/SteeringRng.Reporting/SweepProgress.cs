using System.Globalization;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Run;

namespace SteeringRng.Reporting;

/// <summary>
/// Progress of a sweep whose points finish in any order on several threads. On an interactive terminal it
/// redraws one bar line in place (carriage return); otherwise (output redirected, CI) it writes a plain line
/// each time another tenth of the points is done, or every <see cref="LineEvery"/> points if that is set,
/// so a log file shows steady progress without thousands of lines. All methods may be called concurrently.
/// </summary>
public sealed class SweepProgress : IPointProgress, IBuildProgress
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly object gate = new();
    private readonly TextWriter writer;
    private readonly bool interactive;
    private readonly TimeProvider clock;
    private readonly long started;
    private int done;
    private int failed;
    private int interrupted;
    private int lastLineAt;
    private TimeSpan? lastRedraw;
    private bool finished;

    /// <param name="writer">Where progress goes (usually standard error, so results on standard output stay clean).</param>
    /// <param name="total">Number of points in the sweep.</param>
    /// <param name="interactive">True for a terminal (see <see cref="TerminalDetection.IsInteractive"/>).</param>
    /// <param name="label">What is being computed, e.g. the scenario name.</param>
    /// <param name="clock">Time source; the system clock unless a test supplies one.</param>
    public SweepProgress(TextWriter writer, int total, bool interactive, string label = "sweep", TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        this.writer = writer;
        this.interactive = interactive;
        this.clock = clock ?? TimeProvider.System;
        Total = total;
        Label = label;
        started = this.clock.GetTimestamp();
    }

    public int Total { get; }
    public string Label { get; }

    /// <summary>In non-interactive mode, a line every this many points instead of every tenth (0: tenths).</summary>
    public int LineEvery { get; init; }

    public int Done { get { lock (gate) return done; } }

    /// <summary>Records one finished point (thread-safe), counted as failed or interrupted by its outcome.</summary>
    public void PointDone(PointOutcome outcome = PointOutcome.Succeeded)
    {
        lock (gate)
        {
            if (finished) return;
            done++;
            if (outcome == PointOutcome.Failed) failed++;
            if (outcome == PointOutcome.Interrupted) interrupted++;
            if (interactive) Redraw(force: done == Total);
            else if (LineDue()) WriteLine();
        }
    }

    /// <summary>
    /// A line before a large relaxation is built ("building npa 3 for objective joint: blocks …"), so a long silence
    /// has a reason; on a terminal the bar line is closed first and redrawn after.
    /// </summary>
    public void Building(string objective, string bound, RelaxationEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        lock (gate)
        {
            if (finished) return;
            if (interactive && lastRedraw is not null) writer.WriteLine();
            writer.WriteLine($"{Label}: building {bound} for objective {objective}: {estimate.Describe()}; this may take a while");
            writer.Flush();
            if (interactive) Redraw(force: true);
        }
    }

    /// <summary>Ends the progress display: the bar's line is closed, a final line says how the sweep ended.</summary>
    public void Finish(bool interrupted = false)
    {
        lock (gate)
        {
            if (finished) return;
            finished = true;
            if (interactive)
            {
                Redraw(force: true);
                writer.WriteLine();
            }
            else if (lastLineAt != done || done == 0)
            {
                WriteLine();
            }
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

    private void Redraw(bool force)
    {
        var now = Elapsed();
        if (!force && lastRedraw is { } last && now - last < RedrawInterval) return;
        lastRedraw = now;
        var filled = Total == 0 ? BarWidth : (int)((long)BarWidth * done / Total);
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        writer.Write($"\r{Label} [{bar}] {Counts()}, {Seconds(now)}{Remaining()}  ");
        writer.Flush();
    }

    private string Counts()
    {
        var percent = Total == 0 ? 100 : (int)(100L * done / Total);
        var failures = failed == 0 ? "" : $", {failed} failed";
        // Points cut short by Ctrl-C were not tried to the end: not failures.
        var cut = interrupted == 0 ? "" : $", {interrupted} interrupted";
        return $"{done}/{Total} points ({percent}%){failures}{cut}";
    }

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
