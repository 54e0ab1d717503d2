using System.Collections.Concurrent;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Results;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Run;

/// <summary>Told when a sweep point has finished (for progress displays); called from worker threads.</summary>
public interface IPointProgress
{
    /// <param name="outcome">Whether every row of the point has a value, a computed row failed, or the point was cut short.</param>
    void PointDone(PointOutcome outcome);
}

/// <summary>
/// Runs every job (objective × bound) at every sweep point: points in parallel, the jobs of one point in order,
/// then the ordering check per point. Cancellation stops cleanly: points already finished keep their rows, a point
/// cut short keeps the rows it finished and marks the rest skipped, unstarted points are left out.
/// </summary>
public sealed class SweepRunner(ISdpSolver solver, SdpSettings settings)
{
    /// <summary>How many points run at once (default: one per core).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    private readonly ConcurrentDictionary<BoundJob, byte> _announced = new();

    /// <returns>The rows in point order, and whether the run was interrupted.</returns>
    public (IReadOnlyList<ResultRow> Rows, bool Interrupted) Run(IReadOnlyList<PointInput> points, IReadOnlyList<BoundJob> jobs,
        IPointProgress? progress, CancellationToken cancellation)
    {
        var (byPoint, interrupted) = RunByPoint(points, jobs, progress, cancellation);
        return (byPoint.SelectMany(p => p.Rows).ToList(), interrupted);
    }

    /// <returns>The finished points in the order given, each with its rows (a shard's partial result names each row's point),
    /// and whether the run was interrupted.</returns>
    public (IReadOnlyList<(PointInput Point, IReadOnlyList<ResultRow> Rows)> Points, bool Interrupted) RunByPoint(
        IReadOnlyList<PointInput> points, IReadOnlyList<BoundJob> jobs, IPointProgress? progress, CancellationToken cancellation)
    {
        var done = new ConcurrentDictionary<int, IReadOnlyList<ResultRow>>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
        var interrupted = false;
        try
        {
            // One point at a time to whichever worker is free, in order. Parallel.For gave each worker its own range
            // of points, so the costly end of a sweep could fall to one worker: the Fig. 2 sample's seesaw scenario
            // (15 points, the last 7 costly) took 8.5 s on 2 cores against 6.9 s now, with the same rows.
            var order = Partitioner.Create(Enumerable.Range(0, points.Count), EnumerablePartitionerOptions.NoBuffering);
            Parallel.ForEach(order, options, index =>
            {
                var rows = RunPoint(points[index], jobs, cancellation, progress as IBuildProgress);
                done[index] = rows;
                points[index].Release(); // the point's ρ and σ are not needed any more (memory of long sweeps of large states)
                progress?.PointDone(PointOutcomes.Of(rows));
            });
        }
        catch (OperationCanceledException) { interrupted = true; }
        interrupted |= cancellation.IsCancellationRequested;
        return (done.OrderBy(p => p.Key).Select(p => (points[p.Key], p.Value)).ToList(), interrupted);
    }

    /// <summary>All jobs at one point, then the ordering check. A job that throws becomes an error row (a defect, reported).</summary>
    public IReadOnlyList<ResultRow> RunPoint(PointInput point, IReadOnlyList<BoundJob> jobs, CancellationToken cancellation,
        IBuildProgress? building = null)
    {
        var rows = new List<(BoundRank?, ResultRow)>();
        foreach (var job in jobs)
        {
            ResultRow row;
            if (cancellation.IsCancellationRequested)
                row = ResultRow.Failed(point.Parameters, job.Objective, job.Bound, RowStatus.Skipped, "the run was interrupted before this row");
            else
            {
                // The first point to reach a large job builds its relaxation (the others wait for it): say so once.
                if (building is not null && job.Estimate is { IsLarge: true } estimate && _announced.TryAdd(job, 0))
                    building.Building(job.Objective, job.Bound, estimate);
                try { row = job.Run(point, rows, solver, settings, cancellation); }
                catch (OperationCanceledException)
                {
                    row = ResultRow.Failed(point.Parameters, job.Objective, job.Bound, RowStatus.Skipped, "the run was interrupted during this row");
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
                {
                    row = ResultRow.Failed(point.Parameters, job.Objective, job.Bound, RowStatus.Error, $"{e.GetType().Name}: {e.Message}");
                }
            }
            rows.Add((job.Rank, row));
        }
        return OrderingCheck.Apply(rows);
    }
}
