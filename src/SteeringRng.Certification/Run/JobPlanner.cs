using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Results;
using SteeringRng.Relaxation;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Run;

/// <summary>
/// Plans a scenario's objectives × bounds as jobs: guess objectives with a trusted node go to the steering
/// relaxations and the seesaw (<see cref="GuessJobs"/>), Bell objectives without a trusted node to plain NPA (npa
/// levels) or the no-signalling LP (ns), and the steering test is one job per scenario. Combinations that make no
/// sense get a "not-applicable" job that says why.
/// </summary>
public static class JobPlanner
{
    /// <param name="symmetry">Whether Q_k, NS and the steering test are reduced by the data's symmetries (false: built in full, for cross-checks).</param>
    public static IReadOnlyList<BoundJob> Plan(ScenarioModel model, bool symmetry = true)
    {
        var jobs = new List<BoundJob>();
        var bounds = model.Scenario.Bounds.Select(b => BoundSpecs.Of(model, b)).ToArray();
        foreach (var objective in model.Scenario.Objectives)
            foreach (var bound in bounds.Where(b => b is not BoundSpec.Steering))
            {
                var job = objective.Kind switch
                {
                    Checked.ObjectiveKind.Guess when bound is BoundSpec.Dimension && model.MeasuredAssemblage is { } data =>
                        new UnavailableJob(objective.Name, bound.Name, RowStatus.NotApplicable, Data.DataRowNotes.SeesawNeedsModel(data)),
                    Checked.ObjectiveKind.Guess g when !model.HasTrustedNode => DeviceIndependentJobs.For(model, objective.Name, g.targets, bound),
                    Checked.ObjectiveKind.Guess g => GuessJobs.For(objective.Name, model.GuessOf(g.targets), model.Untrusted.Count, bound, symmetry,
                        model.MeasuredData?.Form),
                    Checked.ObjectiveKind.Bell b => BellJob(model, objective.Name, b.expression, bound),
                    _ => throw new InvalidOperationException("unknown objective kind"),
                };
                // (device-independent guesses have no estimate: JobEstimates sizes relaxations of a trusted node)
                if (job is not UnavailableJob && !(objective.Kind is Checked.ObjectiveKind.Guess && !model.HasTrustedNode)) job.Estimate = JobEstimates.Of(model, objective, bound);
                jobs.Add(job);
            }
        if (bounds.Any(b => b is BoundSpec.Steering) && model.MeasuredData is not null)
            jobs.Add(new UnavailableJob("", "steering", RowStatus.NotApplicable,
                "the steering test is defined on the assemblage; with 'data = probabilities' use 'data = assemblage' for it"));
        else if (bounds.Any(b => b is BoundSpec.Steering))
            jobs.Add(new SteeringJob(model.WhiteNoiseAssemblage, symmetry, NoiseFamilyOf(model))
                { Estimate = JobEstimates.Of(model, null, new BoundSpec.Steering()) });
        return jobs;
    }

    private static SteeringRng.Scenario.NoiseFamily.WhiteNoiseFamily? NoiseFamilyOf(ScenarioModel model)
    {
        var family = SteeringRng.Scenario.ScenarioLanguage.WhiteNoiseFamily(model.Scenario);
        return Microsoft.FSharp.Core.FSharpOption<SteeringRng.Scenario.NoiseFamily.WhiteNoiseFamily>.get_IsSome(family) ? family!.Value : null;
    }

    private static BoundJob BellJob(ScenarioModel model, string objective, Checked.BellExpression expression, BoundSpec bound)
    {
        if (model.HasTrustedNode)
            return new UnavailableJob(objective, bound.Name, RowStatus.Error,
                "Bell objectives are maximised over correlations of untrusted nodes only; this scenario has a trusted node");
        var scenario = BellScenarios.Of(model);
        var polynomial = BellPolynomial.Of(model, scenario, expression);
        return bound switch
        {
            BoundSpec.Npa npa => RelaxationJob.Bell(objective, bound.Name, "quantum",
                () => Relaxations.NpaBell(scenario, polynomial, NpaGeneratingSet.Of(npa))),
            BoundSpec.NoSignalling => RelaxationJob.Bell(objective, bound.Name, "no-signalling",
                () => Relaxations.NoSignallingBell(scenario, polynomial)),
            _ => new UnavailableJob(objective, bound.Name, RowStatus.NotApplicable, $"bound '{bound.Name}' needs a trusted node"),
        };
    }
}
