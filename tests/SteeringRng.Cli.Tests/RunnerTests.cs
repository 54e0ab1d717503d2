using SteeringRng.Cli.Commands;
using SteeringRng.Cli.Scenarios;
using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Tests;

/// <summary>The sweep engine without the console: interruption and the ordering check.</summary>
public class RunnerTests
{
    private static LoweredScenario Lower(string text)
    {
        var result = SteeringRng.Scenario.ScenarioLanguage.Check("t.scn", text);
        Assert.True(result.Succeeded, result.RenderDiagnostics());
        return new LoweredScenario(result.Scenarios[0]);
    }

    private const string Sweep = """
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = 0.5 .. 1 step 0.1
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y
        objective joint = guess Bob.X, Charlie.X
        bounds ns
        """;

    [Fact]
    public void A_cancelled_run_is_marked_interrupted_and_keeps_no_invented_rows()
    {
        var scenario = Lower(Sweep);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var report = new ScenarioRunner(new InteriorPointSolver(), SdpSettings.Default)
            .Run(scenario, JobPlanner.Plan(scenario), null, cts.Token);
        Assert.True(report.Interrupted);
        Assert.All(report.Rows, r => Assert.Equal(RowStatus.Skipped, r.Status));
        Assert.Equal(ExitCodes.Interrupted, RunCommand.ExitCode([report], interrupted: false));
        var json = ReportJsonWriter.ToJson(report);
        Assert.Contains("\"interrupted\": true", json);
    }

    [Fact]
    public void A_full_sweep_has_one_row_per_point_in_point_order()
    {
        var scenario = Lower(Sweep);
        var report = new ScenarioRunner(new InteriorPointSolver(), SdpSettings.Default)
            .Run(scenario, JobPlanner.Plan(scenario), null, CancellationToken.None);
        Assert.False(report.Interrupted);
        Assert.Equal([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], report.Rows.Select(r => Math.Round(r.Parameters[0].Value, 12)));
        Assert.All(report.Rows, r => Assert.Equal(RowStatus.Optimal, r.Status));
        // H^NS grows with the visibility (more noise, less randomness).
        var h = report.Rows.Select(r => r.Hmin!.Value).ToArray();
        for (var i = 1; i < h.Length; i++) Assert.True(h[i] >= h[i - 1] - 1e-7);
    }

    [Fact]
    public void An_ordering_violation_turns_both_rows_into_errors()
    {
        var p = ParameterSet.Of(("mu", 0.8));
        var looser = ResultRow.FromGuessingProbability(p, "joint", "ns", 0.5, RowStatus.Optimal);
        var tighter = ResultRow.FromGuessingProbability(p, "joint", "npa 1", 0.6, RowStatus.Optimal); // Q1 allows Eve more than NS: impossible
        var fine = ResultRow.FromGuessingProbability(p, "joint", "global", 0.7, RowStatus.Optimal);
        var rows = OrderingCheck.Apply([
            (new BoundRank(BoundRank.NoSignallingTier), looser),
            (new BoundRank(BoundRank.NpaTier, 1), tighter),
            (new BoundRank(BoundRank.GlobalTier), fine),
        ]);
        Assert.Equal(RowStatus.Error, rows[0].Status);
        Assert.Equal(RowStatus.Error, rows[1].Status);
        Assert.Null(rows[0].Pguess);
        Assert.Contains("ordering violated", rows[1].Message);
        Assert.Equal(RowStatus.Optimal, rows[2].Status);
    }

    [Fact]
    public void Bounds_within_the_tolerance_pass_the_ordering_check()
    {
        var p = ParameterSet.Empty;
        var rows = OrderingCheck.Apply([
            (new BoundRank(BoundRank.NoSignallingTier), ResultRow.FromGuessingProbability(p, "j", "ns", 0.25, RowStatus.Optimal)),
            (new BoundRank(BoundRank.NpaTier, 1), ResultRow.FromGuessingProbability(p, "j", "npa 1", 0.25 + 1e-9, RowStatus.Optimal)),
        ]);
        Assert.All(rows, r => Assert.Equal(RowStatus.Optimal, r.Status));
    }

    [Theory]
    [InlineData(1, new int[0], 2, new int[0], true)]
    [InlineData(1, new int[0], 1, new[] { 1, 2 }, true)]
    [InlineData(1, new[] { 1, 2 }, 2, new int[0], true)]
    [InlineData(2, new int[0], 1, new[] { 1, 2 }, false)]
    [InlineData(1, new[] { 1, 2 }, 1, new int[0], false)]
    public void Npa_levels_are_ordered_by_their_word_sets(int baseA, int[] extraA, int baseB, int[] extraB, bool looser)
    {
        IReadOnlyList<int[]> Extra(int[] e) => e.Length == 0 ? [] : [e];
        var a = new BoundRank(BoundRank.NpaTier, baseA, Extra(extraA));
        var b = new BoundRank(BoundRank.NpaTier, baseB, Extra(extraB));
        Assert.Equal(looser, a.IsLooserThan(b));
    }
}
