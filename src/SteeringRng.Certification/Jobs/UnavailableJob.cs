using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// A requested bound that cannot be computed for this objective: every point gets a row with the status and the
/// reason, never a number.
/// </summary>
public sealed class UnavailableJob(string objective, string bound, string status, string reason) : BoundJob(objective, bound)
{
    public string Reason { get; } = reason;

    public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation) => Failed(point, status, Reason);

    public override (SdpProblem? Problem, string Meaning) ProblemAt(PointInput point) => (null, Reason);
}
