using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Run;

/// <summary>A scenario sweep through the engine: interruption, point order, and the data swapped into one build.</summary>
public class SweepRunnerTests
{
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
        var run = Scenarios.Plan(Sweep);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var report = run.Execute(new InteriorPointSolver(), cancellation: cts.Token);
        Assert.True(report.Interrupted);
        Assert.All(report.Rows, r => Assert.Equal(RowStatus.Skipped, r.Status));
    }

    /// <summary>A job that presses Ctrl-C (cancels the run) while it runs, then returns its row as if it had finished.</summary>
    private sealed class InterruptingJob(CancellationTokenSource cts) : BoundJob("joint", "ns")
    {
        public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
            SdpSettings settings, CancellationToken cancellation)
        {
            cts.Cancel();
            return ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, 0.5, RowStatus.Optimal);
        }
    }

    private sealed class Outcomes : IPointProgress
    {
        public List<PointOutcome> Seen { get; } = [];
        public void PointDone(PointOutcome outcome) { lock (Seen) Seen.Add(outcome); }
    }

    [Fact]
    public void A_point_cut_short_by_an_interruption_is_reported_interrupted_not_failed()
    {
        var run = Scenarios.Plan(Sweep);
        using var cts = new CancellationTokenSource();
        var progress = new Outcomes();
        var jobs = new BoundJob[] { new InterruptingJob(cts), new InterruptingJob(cts) };
        var (rows, interrupted) = new SweepRunner(new InteriorPointSolver(), SdpSettings.Default) { Parallelism = 1 }
            .Run([run.Points[0]], jobs, progress, cts.Token);
        Assert.True(interrupted);
        Assert.Equal([RowStatus.Optimal, RowStatus.Skipped], rows.Select(r => r.Status));
        Assert.Equal([PointOutcome.Interrupted], progress.Seen);
    }

    [Fact]
    public void A_failed_row_makes_the_point_failed_even_when_it_was_cut_short()
    {
        var rows = new[]
        {
            ResultRow.Failed(ParameterSet.Empty, "g", "ns", RowStatus.Error, "boom"),
            ResultRow.Failed(ParameterSet.Empty, "g", "npa 1", RowStatus.Skipped, "the run was interrupted before this row"),
        };
        Assert.Equal(PointOutcome.Failed, PointOutcomes.Of(rows));
        Assert.Equal(PointOutcome.Interrupted, PointOutcomes.Of(rows[1..]));
        Assert.Equal(PointOutcome.Succeeded, PointOutcomes.Of([]));
    }

    // H^NS of noisy GHZ with the joint guess X, X: P_g = 1 for μ ≤ 1/2 and 1/4 at μ = 1 (docs/formulations/bound-ordering.md).
    [Fact]
    public void A_full_sweep_has_one_row_per_point_in_point_order()
    {
        var report = Scenarios.Plan(Sweep).Execute(new InteriorPointSolver());
        Assert.False(report.Interrupted);
        Assert.Equal([0.5, 0.6, 0.7, 0.8, 0.9, 1.0], report.Rows.Select(r => Math.Round(r.Parameters[0].Value, 12)));
        Assert.All(report.Rows, r => Assert.Equal(RowStatus.Optimal, r.Status));
        Assert.Equal(1.0, report.Rows[0].Pguess!.Value, 1e-6);
        Assert.Equal(0.25, report.Rows[^1].Pguess!.Value, 1e-6);
        // H^NS grows with the visibility (more noise, less randomness).
        var h = report.Rows.Select(r => r.Hmin!.Value).ToArray();
        for (var i = 1; i < h.Length; i++) Assert.True(h[i] >= h[i - 1] - 1e-7);
    }

    /// <summary>A job that records the order in which points start; the first point holds its worker until every other has run.</summary>
    private sealed class StartOrderJob(int points) : BoundJob("joint", "ns")
    {
        private readonly CountdownEvent _others = new(points - 1);
        public List<int> Started { get; } = [];

        public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
            SdpSettings settings, CancellationToken cancellation)
        {
            lock (Started) Started.Add(point.Index);
            if (point.Index == 0) _others.Wait(TimeSpan.FromSeconds(30), cancellation);
            else _others.Signal();
            return ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, 0.5, RowStatus.Optimal);
        }
    }

    /// <summary>
    /// Points go one at a time, in order, to whichever worker is free: with two workers and the first point busy, the
    /// other worker runs points 1, 2, 3, … (Parallel.For over the index range had started the second worker in the middle
    /// of the sweep, so the costly end of a sweep, the high-visibility points, could fall to one worker).
    /// </summary>
    [Fact]
    public void Points_start_in_order_on_whichever_worker_is_free()
    {
        var run = Scenarios.Plan(Sweep);
        var job = new StartOrderJob(run.Points.Count);
        var (rows, interrupted) = new SweepRunner(new InteriorPointSolver(), SdpSettings.Default) { Parallelism = 2 }
            .Run(run.Points, [job], null, CancellationToken.None);
        Assert.False(interrupted);
        Assert.Equal(run.Points.Count, rows.Count);
        Assert.Equal(Enumerable.Range(0, run.Points.Count), job.Started);
    }
}
