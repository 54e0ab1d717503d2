using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// One (objective, bound) pair, run at every sweep point. A job never throws for a bad point: the point's row
/// carries the status and the reason.
/// </summary>
public abstract class BoundJob(string objective, string bound)
{
    public string Objective { get; } = objective;

    /// <summary>The bound as the JSON contract names it: "ns", "npa 2", "global", "seesaw dim 10", "steering".</summary>
    public string Bound { get; } = bound;

    /// <summary>Position in the chain H^Glo ≤ H^NS ≤ H^{Q1} ≤ … ≤ H^Dim, or null when the row is not in the chain.</summary>
    public virtual BoundRank? Rank => null;

    /// <summary>The size of its relaxation, estimated before anything is built (set by the planner; null: none).</summary>
    public RelaxationEstimate? Estimate { get; internal set; }

    /// <summary>
    /// The row at a point, given the rows the point's earlier jobs produced (in plan order, with their ranks). Most
    /// jobs do not need them; the seesaw takes the tightest optimal relaxation row of its objective as a proven
    /// upper bound on P_g, so it can stop once an attack meets it.
    /// </summary>
    public abstract ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation);

    /// <summary>The SDP this job solves at a point (for <c>steer export</c>) with what its optimum means, or a null
    /// problem with the reason when it has none.</summary>
    public virtual (SdpProblem? Problem, string Meaning) ProblemAt(PointInput point) => (null, "this bound has no single SDP to export");

    protected ResultRow Failed(PointInput point, string status, string message, int? iterations = null, double? seconds = null) =>
        ResultRow.Failed(point.Parameters, Objective, Bound, status, message, iterations, seconds);
}
