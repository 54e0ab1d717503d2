using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Seesaw;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Estimates;

/// <summary>
/// The size estimate of each objective × bound of a scenario (<see cref="SizeFormulas"/>), from the model's shape only:
/// no state is evaluated and no relaxation built, so it is quick for any size. Null for bounds without one SDP of a
/// predictable size (the seesaw, whose SDPs are set by its dimension; the no-signalling LP of a Bell expression).
/// </summary>
public static class JobEstimates
{
    public static RelaxationEstimate? Of(ScenarioModel model, Checked.Objective? objective, BoundSpec bound)
    {
        var parties = Parties(model);
        var d = model.Scenario.TrustedNodes.Aggregate(1, (p, n) => p * n.Dim);
        if (bound is BoundSpec.Steering) return SizeFormulas.LhsModel("LHS model, one block per deterministic strategy", parties, d);
        switch (objective?.Kind)
        {
            case Checked.ObjectiveKind.Guess g:
                var guess = model.GuessOf(g.targets);
                var guesses = guess.Parties.Select((p, i) => (double)model.Untrusted[p].Settings[guess.Settings[i]].Outcomes)
                    .Aggregate(1.0, (a, o) => a * o);
                return bound switch
                {
                    BoundSpec.NoSignalling => SizeFormulas.MomentRelaxation($"NS (Q at level 0): {guesses} guess tuples", parties, d, guesses,
                        GeneratingSetSpec.NewLevel(0)),
                    BoundSpec.Global => Global(parties, d),
                    BoundSpec.Npa npa => SizeFormulas.MomentRelaxation($"Q({bound.Name}): {guesses} guess tuples", parties, d, guesses,
                        NpaGeneratingSet.Of(npa)),
                    _ => null,
                };
            case Checked.ObjectiveKind.Bell when bound is BoundSpec.Npa npa:
                return SizeFormulas.MomentRelaxation($"NPA Bell ({bound.Name}), scalar moments", parties, 1, 1,
                    NpaGeneratingSet.Of(npa), positivityBlocks: false);
            default:
                return null;
        }
    }

    /// <summary>Every (objective, bound) pair the planner makes, with its estimate (null where there is none).</summary>
    public static IReadOnlyList<(string Objective, string Bound, RelaxationEstimate? Estimate)> All(ScenarioModel model)
    {
        var bounds = model.Scenario.Bounds.Select(b => BoundSpecs.Of(model, b)).ToArray();
        var result = new List<(string, string, RelaxationEstimate?)>();
        foreach (var objective in model.Scenario.Objectives)
            foreach (var bound in bounds.Where(b => b is not BoundSpec.Steering))
                result.Add((objective.Name, bound.Name, Of(model, objective, bound)));
        if (bounds.Any(b => b is BoundSpec.Steering)) result.Add(("steering test", "steering", Of(model, null, new BoundSpec.Steering())));
        return result;
    }

    /// <summary>The untrusted parties with their settings' outcome counts (letters only name them).</summary>
    /// <summary>The Q_k relaxation the counts repair builds in full for an npa bound (ProbabilityRepair.QuantumSet: one
    /// guess tuple, no symmetry reduction).</summary>
    public static RelaxationEstimate RepairSet(ScenarioModel model, BoundSpec.Npa npa) =>
        SizeFormulas.MomentRelaxation($"Q({npa.Name}) of the data repair, built in full", Parties(model),
            model.Scenario.TrustedNodes.Aggregate(1, (p, n) => p * n.Dim), 1, NpaGeneratingSet.Of(npa));

    private static SteeringRng.Algebra.Scenario Parties(ScenarioModel model) => BellScenarios.Of(model);

    /// <summary>
    /// Glo: all untrusted parties as one, a setting per setting tuple t with O_t = Π_j n_{j,t_j} outcomes, at level 0:
    /// n = D = 1, |W| = 1 + Σ_t (O_t − 1), T = Σ_t O_t, and Eve guesses a whole outcome tuple (G = O_t of the guessed t,
    /// taken as the largest).
    /// </summary>
    private static RelaxationEstimate Global(SteeringRng.Algebra.Scenario parties, int d)
    {
        var outcomes = new List<double> { 1 };
        foreach (var p in parties.Parties)
            outcomes = outcomes.SelectMany(t => p.Outcomes.Select(o => t * o)).ToList();
        return SizeFormulas.MomentRelaxation("Glo (one grouped party, level 0)", d, outcomes.Max(), 1, 1,
            1 + outcomes.Sum(o => o - 1), outcomes.Sum());
    }
}
