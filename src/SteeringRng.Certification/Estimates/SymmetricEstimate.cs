using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Lowering;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// The estimate of a Q_k relaxation with the data's symmetry taken into account (docs/formulations/symmetry-reduction.md):
/// one moment matrix per orbit of Eve's guesses instead of one per guess (G → number of orbits), and m bounded by the
/// reduced layout's variable count before the stabiliser invariance (<see cref="ReducedSize"/>), so still an upper
/// bound on what is allocated. It needs the symmetry search at the sweep's first point (where the relaxation is built),
/// seconds rather than the minutes of a build, so it is only asked for when the full problem's estimate does not fit.
/// </summary>
public static class SymmetricEstimate
{
    /// <summary>The reduced estimate, or null when the bound is not a Q_k guess bound or no symmetry merges guesses.</summary>
    /// <param name="worthSearching">Whether an estimate could be used (it fits); the search is skipped when even the best case,
    /// one orbit with half the formula's variables, does not (a huge scenario is then refused at once, as before).</param>
    public static RelaxationEstimate? Of(ScenarioModel model, string objectiveName, string boundName, Assemblage first,
        Func<RelaxationEstimate, bool> worthSearching, CancellationToken cancellation = default)
    {
        var objective = model.Scenario.Objectives.FirstOrDefault(o => o.Name == objectiveName);
        if (objective?.Kind is not Checked.ObjectiveKind.Guess g || !model.HasTrustedNode) return null;
        var bound = model.Scenario.Bounds.Select(b => BoundSpecs.Of(model, b)).FirstOrDefault(b => b.Name == boundName);
        if (bound is not BoundSpec.Npa npa) return null;
        var guess = model.GuessOf(g.targets);
        var generatingSet = NpaGeneratingSet.Of(npa);
        var d = model.Scenario.TrustedNodes.Aggregate(1, (p, n) => p * n.Dim);
        var parties = BellScenarios.Of(model);
        var oneOrbit = SizeFormulas.MomentRelaxation("", parties, d, 1, generatingSet);
        if (!worthSearching(SizeFormulas.MomentRelaxation("", parties, d, 1, generatingSet, variables: oneOrbit.Variables / 2))) return null;
        var size = Relaxations.QLevelReducedSize(first, guess.Parties.ToArray(), guess.Settings.ToArray(), generatingSet, cancellation);
        if (size is null) return null;
        return SizeFormulas.MomentRelaxation($"Q({bound.Name}), symmetry-reduced: {size.Orbits} guess orbit(s)", parties, d,
            size.Orbits, generatingSet, variables: size.Variables);
    }
}
