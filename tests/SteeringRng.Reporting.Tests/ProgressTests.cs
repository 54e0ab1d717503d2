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

    [Fact]
    public void Interactive_RedrawsOneLineWithABar()
    {
        var output = new StringWriter();
        var clock = new ManualClock();
        var progress = new SweepProgress(output, total: 4, interactive: true, label: "s", clock: clock);
        for (var i = 0; i < 4; i++)
        {
            clock.Advance(1);
            progress.PointDone();
        }
        progress.Finish();
        var text = output.ToString();
        Assert.StartsWith("\rs [" + new string('#', 7) + new string('.', 23) + "] 1/4 points (25%), 1.0 s, about 3.0 s left", text);
        Assert.Contains("\rs [" + new string('#', 30) + "] 4/4 points (100%), 4.0 s", text);
        Assert.EndsWith(Environment.NewLine, text);
        // One line on the terminal: only the final newline, everything before it is carriage-return redraws.
        Assert.Equal(1, text.Split(Environment.NewLine).Length - 1);
    }

    [Fact]
    public void Interactive_DoesNotRedrawMoreThanTenTimesASecond()
    {
        var output = new StringWriter();
        var progress = new SweepProgress(output, total: 1000, interactive: true, label: "s", clock: new ManualClock());
        for (var i = 0; i < 999; i++) progress.PointDone();
        Assert.Equal(1, output.ToString().Count(c => c == '\r'));
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
}
