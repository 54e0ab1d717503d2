using SteeringRng.Certification.Run;

namespace SteeringRng.Reporting.Tests;

public class ProgressTests
{
    /// <summary>A clock that moves only when the test says so.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Interlocked.Read(ref ticks);
        public void Advance(double seconds) => Interlocked.Add(ref ticks, (long)(seconds * TimeSpan.TicksPerSecond));
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void NonInteractive_WritesALineAtEveryTenth_WithCountsAndElapsedTime()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var progress = new SweepProgress(output, total: 20, interactive: false, label: "GHZ", clock: clock);
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(0.5);
            progress.PointDone();
        }
        progress.Finish();
        var lines = Lines(output);
        Assert.Equal(10, lines.Length);
        Assert.Equal("GHZ: 2/20 points (10%), 1.0 s elapsed, about 9.0 s left", lines[0]);
        Assert.Equal("GHZ: 10/20 points (50%), 5.0 s elapsed, about 5.0 s left", lines[4]);
        Assert.Equal("GHZ: 20/20 points (100%), 10.0 s elapsed", lines[9]);
        Assert.DoesNotContain('\r', output.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void NonInteractive_LineEvery_CountsFailures()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 7, interactive: false, label: "s", clock: new ManualClock()) { LineEvery = 3 };
        for (var i = 0; i < 7; i++) progress.PointDone(i != 1 ? PointOutcome.Succeeded : PointOutcome.Failed);
        progress.Finish();
        Assert.Equal([
            "s: 3/7 points (42%), 1 failed, 0.0 s elapsed, about 0.0 s left",
            "s: 6/7 points (85%), 1 failed, 0.0 s elapsed, about 0.0 s left",
            "s: 7/7 points (100%), 1 failed, 0.0 s elapsed",
        ], Lines(output));
    }

    [Fact]
    public void Interrupted_points_are_counted_as_interrupted_not_failed()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 4, interactive: false, label: "s", clock: new ManualClock()) { LineEvery = 4 };
        progress.PointDone(PointOutcome.Succeeded);
        progress.PointDone(PointOutcome.Failed);
        progress.PointDone(PointOutcome.Interrupted);
        progress.PointDone(PointOutcome.Interrupted);
        progress.Finish(interrupted: true);
        Assert.Equal([
            "s: 4/4 points (100%), 1 failed, 2 interrupted, 0.0 s elapsed",
            "s: interrupted after 4 of 4 points.",
        ], Lines(output));
    }

    [Fact]
    public void Interrupted_SaysHowFarItGot()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 71, interactive: false, label: "s", clock: new ManualClock());
        for (var i = 0; i < 5; i++) progress.PointDone();
        progress.Finish(interrupted: true);
        var lines = Lines(output);
        Assert.Equal("s: 5/71 points (7%), 0.0 s elapsed, about 0.0 s left", lines[^2]);
        Assert.Equal("s: interrupted after 5 of 71 points.", lines[^1]);
    }

    /// <summary>The text a terminal would show last: ANSI control sequences removed.</summary>
    private static string Visible(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07", "");

    [Fact]
    public void Interactive_ShowsALiveDisplayWhileTheWorkRuns_AndEndsWithTheCursorShown()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 4, interactive: true, label: "GHZ [3]", clock: new ManualClock());
        var result = progress.Track(() =>
        {
            for (var i = 0; i < 4; i++) progress.PointDone(i == 2 ? PointOutcome.Failed : PointOutcome.Succeeded);
            return 42;
        });
        progress.Finish();
        Assert.Equal(42, result);
        var text = output.ToString();
        // Spectre hides the cursor while drawing and shows it again at the end; the last frame stays.
        Assert.Contains("\x1b[?25l", text);
        Assert.EndsWith("\x1b[?25h", text.TrimEnd('\r', '\n'));
        // The label heads the display as text, not markup (a title with brackets is shown as written).
        Assert.StartsWith("GHZ [3]" + Environment.NewLine, Visible(text));
        Assert.Contains("4/4 points (100%), 1 failed", Visible(text));
        // No plain line: the live display showed the counts.
        Assert.DoesNotContain("elapsed", text);
    }

    [Fact]
    public void Interactive_CtrlC_ShowsInterruptedPointsNotFailures_AndSaysWhereItStopped()
    {
        // Issue 15 item 11: "2 failed" was shown at Ctrl-C although no row had failed.
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 5, interactive: true, label: "s", clock: new ManualClock());
        using var cancellation = new CancellationTokenSource();
        progress.Track(() =>
        {
            progress.PointDone(PointOutcome.Succeeded);
            cancellation.Cancel();
            progress.PointDone(PointOutcome.Interrupted);
            progress.PointDone(PointOutcome.Interrupted);
            return 0;
        });
        progress.Finish(interrupted: true);
        var visible = Visible(output.ToString());
        Assert.Contains("3/5 points (60%), 2 interrupted", visible);
        Assert.DoesNotContain("failed", visible);
        Assert.EndsWith("s: interrupted after 3 of 5 points." + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Interactive_WorkThatThrows_StillEndsTheDisplay()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 3, interactive: true, label: "s", clock: new ManualClock());
        Assert.Throws<InvalidOperationException>(() => progress.Track<int>(() => throw new InvalidOperationException("solver defect")));
        Assert.EndsWith("\x1b[?25h", output.ToString().TrimEnd('\r', '\n'));
    }

    [Fact]
    public void Interactive_BuildingLines_AppearAsPlainText()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 2, interactive: true, label: "s", clock: new ManualClock());
        progress.Track(() =>
        {
            progress.Building("joint", "npa 3", new Certification.Estimates.RelaxationEstimate("npa 3", [(100, 1)], 5050, 5050, 1e7, 1e7));
            progress.PointDone();
            progress.PointDone();
            return 0;
        });
        progress.Finish();
        Assert.Contains("s: building npa 3 for objective joint:", Visible(output.ToString()));
    }

    [Fact]
    public void NotTracked_InteractiveProgress_FallsBackToPlainLines()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 2, interactive: true, label: "s", clock: new ManualClock()) { LineEvery = 2 };
        progress.PointDone();
        progress.PointDone();
        progress.Finish();
        Assert.Equal(["s: 2/2 points (100%), 0.0 s elapsed"], Lines(output));
    }

    [Fact]
    public void ParallelPoints_AreAllCounted_AndLinesStayWhole()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(TextWriter.Synchronized(output), total: 2000, interactive: false, label: "par");
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => progress.PointDone());
        progress.Finish();
        Assert.Equal(2000, progress.Done);
        var lines = Lines(output);
        Assert.Equal(10, lines.Length);
        Assert.All(lines, l => Assert.Matches(@"^par: \d+/2000 points \(\d+%\), \d+\.\d s elapsed(, about \d+\.\d s left)?$", l));
        Assert.StartsWith("par: 2000/2000 points (100%)", lines[^1]);
        var counts = lines.Select(l => int.Parse(l.Split(' ')[1].Split('/')[0])).ToList();
        Assert.Equal(counts.Order(), counts);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(true, null, false)]
    [InlineData(false, "true", false)]
    [InlineData(false, "1", false)]
    [InlineData(false, "false", true)]
    [InlineData(false, "0", true)]
    [InlineData(false, "", true)]
    public void Interactive_OnlyOnAnUnredirectedStreamOutsideCi(bool redirected, string? ci, bool interactive) =>
        Assert.Equal(interactive, TerminalDetection.IsInteractive(redirected, ci));

    [Theory]
    [InlineData("xterm-256color", null, true)]
    [InlineData("dumb", null, false)]
    [InlineData("DUMB", null, false)]
    [InlineData(null, "1", false)]
    [InlineData("xterm", "", true)]
    [InlineData("xterm", "anything", false)]
    public void Interactive_NotOnADumbTerminal_NorWithNoColor(string? term, string? noColor, bool interactive) =>
        Assert.Equal(interactive, TerminalDetection.IsInteractive(outputRedirected: false, ciVariable: null, term, noColor));
}
