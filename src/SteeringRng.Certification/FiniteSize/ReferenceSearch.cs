namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Where the EAT looks for the reference statistic v of the min-tradeoff function (docs/formulations/finite-size.md §5.4):
/// along a path t ↦ v(t), t ∈ [0, 1], of statistics the relaxation accepts (e.g. the model at visibility μ(t), or the
/// segment from the expected statistics towards the acceptance box's worst point). The rate as a function of t is not
/// proven unimodal, so the search evaluates a grid of <see cref="GridPoints"/> values of t and then refines around the
/// best by golden section for <see cref="RefineSteps"/> steps; every candidate is a valid min-tradeoff function, so the
/// search can only lose rate, never soundness. One relaxation solve per candidate.
/// </summary>
public sealed record ReferenceSearch(Func<double, IReadOnlyList<double>> Path, int GridPoints = 9, int RefineSteps = 8)
{
    /// <summary>The expected statistics only (no search).</summary>
    public static ReferenceSearch At(IReadOnlyList<double> v) => new(_ => v, 1, 0);
}
