using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// A requested bound that cannot be computed for this objective or in this build: every point gets a row with
/// the status and the reason, never a number.
/// </summary>
public sealed class UnavailableJob(string objective, string bound, string status, string reason) : BoundJob(objective, bound)
{
    public string Reason { get; } = reason;

    public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation) =>
        Failed(point, status, Reason);

    public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point) => (null, Reason);
}
