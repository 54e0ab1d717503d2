using System.Diagnostics;
using SteeringRng.Quantum;
using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// One (objective, bound) pair of a scenario, run at every sweep point. A job never throws for a bad point: the
/// point's row carries the status and the reason.
/// </summary>
public abstract class BoundJob(string objective, string bound)
{
    public string Objective { get; } = objective;

    /// <summary>The bound as the JSON contract names it: "ns", "npa 2", "global", "seesaw dim 10", "steering".</summary>
    public string Bound { get; } = bound;

    /// <summary>Position in the chain H^Glo ≤ H^NS ≤ H^{Q1} ≤ … ≤ H^Dim, or null when the row is not in the chain.</summary>
    public virtual BoundRank? Rank => null;

    public abstract ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation);

    /// <summary>
    /// The row at a point, given the rows the point's earlier jobs produced (in plan order, with their ranks). Most
    /// jobs do not need them; the seesaw takes the tightest optimal relaxation row of its objective as a proven
    /// upper bound on P_g, so it can stop once an attack meets it.
    /// </summary>
    public virtual ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation) => Run(point, solver, settings, cancellation);

    /// <summary>The SDP this job solves at a point (for <c>steer export</c>), or null when it has none (the reason in the message).</summary>
    public virtual (SdpProblem? Problem, string Message) ProblemAt(PointInput point) => (null, "this bound has no single SDP to export");

    protected ResultRow Failed(PointInput point, string status, string message, double? seconds = null) =>
        ResultRow.Failed(point.Parameters, Objective, Bound, status, message, seconds: seconds);

    /// <summary>
    /// The row of a guessing-probability relaxation at a point: look the relaxation up (a bad point's data becomes an
    /// error row), solve it, and read P_g from the conservative side (an upper bound on P_g, by weak duality), capped
    /// at 1 since P_g ≤ 1 always, so H_min = −log2 P_g is never overstated.
    /// </summary>
    protected ResultRow SolveGuessing<TRelaxation>(PointInput point, ISdpSolver solver, SdpSettings settings,
        CancellationToken cancellation, Func<Assemblage, TRelaxation> relaxationAt, Func<TRelaxation, SdpProblem> problemOf,
        Func<TRelaxation, SdpSolution, double> upperBoundOnGuessing)
    {
        var clock = Stopwatch.StartNew();
        TRelaxation relaxation;
        try { relaxation = relaxationAt(point.Assemblage); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, clock.Elapsed.TotalSeconds); }
        var solution = solver.Solve(problemOf(relaxation), settings, cancellation);
        var status = SolveRows.StatusWord(solution.Status, cancellation);
        if (!SolveRows.HasValue(solution.Status))
            return ResultRow.Failed(point.Parameters, Objective, Bound, status, solution.Message, solution.Iterations, clock.Elapsed.TotalSeconds);
        var pg = Math.Min(1.0, upperBoundOnGuessing(relaxation, solution));
        return ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, pg, status, solution.Iterations,
            clock.Elapsed.TotalSeconds, solution.Message);
    }
}

/// <summary>
/// Where a bound sits in the ordering chain: Glo (0), NS (1), Q_k (by base level, then extra words), Dim (last).
/// A bound is looser than another when it allows Eve at least as much, so its P_g must be at least as large.
/// </summary>
public sealed record BoundRank(int Tier, int NpaBase = 0, IReadOnlyList<int[]>? NpaExtra = null)
{
    public const int GlobalTier = 0, NoSignallingTier = 1, NpaTier = 2, DimensionTier = 3;

    /// <summary>Whether this bound's relaxation contains the other's (so P_g(this) ≥ P_g(other) must hold).</summary>
    public bool IsLooserThan(BoundRank other)
    {
        if (Tier != other.Tier) return Tier < other.Tier;
        if (Tier != NpaTier) return false;
        var mine = NpaExtra ?? [];
        var theirs = other.NpaExtra ?? [];
        bool extrasContained = mine.All(m => theirs.Any(t => t.SequenceEqual(m)));
        return (NpaBase < other.NpaBase && mine.All(m => m.Length <= other.NpaBase)) ||
               (NpaBase == other.NpaBase && extrasContained && mine.Count < theirs.Count);
    }
}
