using SteeringRng.Certification.Bounds;

namespace SteeringRng.Certification.Certify;

/// <summary>
/// The bounds at one data point (a sweep parameter, or NaN for a single point), after the ordering check:
/// results that contradict each other are marked and their contradiction is listed in <see cref="Errors"/>.
/// </summary>
public sealed record CertificationPoint(double Parameter, IReadOnlyList<BoundResult> Results, IReadOnlyList<string> Errors)
{
    public bool IsConsistent => Errors.Count == 0;

    /// <summary>The result of one bound, or null when it was not requested.</summary>
    public BoundResult? Find(BoundKind kind, int level = 0) =>
        Results.FirstOrDefault(r => r.Kind == kind && (kind != BoundKind.Npa || r.Level == level));
}
