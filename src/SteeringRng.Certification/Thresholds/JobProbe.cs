using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Run;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// Solves one job at arbitrary values of the searched parameter, the way a sweep solves it at a grid point: the job's
/// relaxation is built once, at the build point (the grid's first point, as in a sweep), and every probe swaps its
/// data in (<see cref="Jobs.RelaxationCache"/>). Errors and Ctrl-C become rows through <see cref="SweepRunner.RunPoint"/>,
/// so a probe never throws for a bad point.
/// </summary>
public sealed class JobProbe(ScenarioModel model, string parameter, BoundJob job, PointInput buildPoint, ThresholdCriterion criterion,
    ISdpSolver solver, SdpSettings settings)
{
    private readonly SweepRunner _runner = new(solver, settings) { Parallelism = 1 };

    public BoundJob Job => job;
    public ThresholdCriterion Criterion => criterion;

    public ThresholdEvidence At(double value, CancellationToken cancellation)
    {
        var point = model.PointWith(parameter, value, buildPoint);
        var row = _runner.RunPoint(point, [job], cancellation)[0];
        return ThresholdEvidence.Of(value, row, criterion);
    }
}
