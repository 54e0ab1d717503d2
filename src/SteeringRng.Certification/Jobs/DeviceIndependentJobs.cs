using SteeringRng.Algebra;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.DeviceIndependent;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// Jobs for a guess objective in a scenario without a trusted node (docs/formulations/device-independent.md):
/// Eve's P_g of the untrusted outcomes given the observed values of the scenario's Bell objectives
/// (<c>inequality = bell(chsh = S)</c>), under NPA (npa levels) or no-signalling (ns). The values may depend on the
/// swept parameters, so the relaxation is built at every point (it is small: one moment matrix per guess).
/// </summary>
public static class DeviceIndependentJobs
{
    public static BoundJob For(ScenarioModel model, string objective, Checked.Target[] targets, BoundSpec bound)
    {
        var scenario = BellScenarios.Of(model);
        var guessed = targets.Select(t => Tuple.Create(model.PartyOf(t.Node), t.Setting)).ToArray();
        var expressions = model.Scenario.Objectives
            .Where(o => o.Kind is Checked.ObjectiveKind.Bell)
            .ToDictionary(o => o.Name, o => BellPolynomial.Of(model, scenario, ((Checked.ObjectiveKind.Bell)o.Kind).expression));
        DeviceIndependentDatum[] DataAt(PointInput point)
        {
            var values = ValuesAt(model, point);
            return SteeringRng.Scenario.ScenarioLanguage.BellValues(model.Scenario, values)
                .Select(v => new DeviceIndependentDatum(v.Item1, expressions[v.Item1], v.Item2)).ToArray();
        }
        return bound switch
        {
            BoundSpec.Npa npa => RelaxationJob.GuessingPerPoint(objective, bound.Name,
                (point, _) => Relaxations.DeviceIndependentGuess(scenario, guessed, DataAt(point), NpaGeneratingSet.Of(npa))),
            BoundSpec.NoSignalling => RelaxationJob.GuessingPerPoint(objective, bound.Name,
                (point, _) => Relaxations.DeviceIndependentGuessNoSignalling(scenario, guessed, DataAt(point))),
            _ => new UnavailableJob(objective, bound.Name, RowStatus.NotApplicable,
                $"bound '{bound.Name}' needs a trusted node; a device-independent guess has the bounds ns and npa"),
        };
    }

    /// <summary>Every parameter's value at a point: the grid's first point with the point's varying parameters set
    /// (so points between grid points, as threshold searches make, are read correctly too).</summary>
    private static double[] ValuesAt(ScenarioModel model, PointInput point)
    {
        var sweep = model.Scenario.Sweep;
        var values = (double[])sweep.Points[0].Clone();
        foreach (var p in sweep.Parameters)
            if (point.Parameters.TryGetValue(p.Name, out var v)) values[p.Index] = v;
        return values;
    }
}
