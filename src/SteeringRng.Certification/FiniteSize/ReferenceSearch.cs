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

    /// <summary>v(t) = <see cref="Mixed"/>(w_exp, η = maxNoise·t): from the expected statistics towards uniform ones.</summary>
    public static ReferenceSearch TowardsUniform(IReadOnlyList<double> expected, TestStatistics statistics, double maxNoise) =>
        new(t => Mixed(expected, statistics, maxNoise * t));

    /// <summary>
    /// (1 − η)·w + η·u with u_c = 1/(number of event classes of c's setting tuple): the conditional probabilities of
    /// uniformly random outcomes (the maximally mixed state's, a possible statistic), so every mixture is possible when w is.
    /// For statistics that are conditional probabilities (<see cref="TestStatistics.ConditionalProbabilities"/>).
    /// </summary>
    public static double[] Mixed(IReadOnlyList<double> expected, TestStatistics statistics, double noise)
    {
        var perTuple = statistics.Events.GroupBy(e => e.SettingsKey).ToDictionary(g => g.Key, g => g.Count());
        return expected.Select((w, c) => (1 - noise) * w + noise / perTuple[statistics.Events[c].SettingsKey]).ToArray();
    }
}
