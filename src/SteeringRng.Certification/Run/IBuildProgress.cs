using SteeringRng.Certification.Estimates;

namespace SteeringRng.Certification.Run;

/// <summary>
/// Told when a large relaxation starts to build (its estimate is <see cref="RelaxationEstimate.IsLarge"/>), once per
/// job, so that a display can say why nothing seems to happen for a while; called from worker threads. A progress
/// object passed to <see cref="SweepRunner.Run"/> that also implements this interface is told.
/// </summary>
public interface IBuildProgress
{
    void Building(string objective, string bound, RelaxationEstimate estimate);
}
