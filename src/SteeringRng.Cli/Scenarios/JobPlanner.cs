using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// Lowers a checked scenario's objectives × bounds to jobs: guess objectives with a trusted node go to the
/// steering relaxations (ns, global, npa Q_k, seesaw), Bell objectives without a trusted node to plain NPA
/// (npa levels) or the no-signalling LP (ns), and
/// the steering test is one job per scenario. Combinations that make no sense get a "not-applicable" job that says why.
/// </summary>
public static class JobPlanner
{
    /// <param name="symmetry">Whether Q_k, NS and the steering test are reduced by the data's symmetries (`steer run --no-symmetry` turns it off).</param>
    public static IReadOnlyList<BoundJob> Plan(LoweredScenario s, bool symmetry = true)
    {
        var jobs = new List<BoundJob>();
        foreach (var objective in s.Scenario.Objectives)
            foreach (var bound in s.Scenario.Bounds.Where(b => !b.IsSteering))
                jobs.Add(objective.Kind switch
                {
                    Checked.ObjectiveKind.Guess g => GuessJob(s, objective.Name, g.targets, bound, symmetry),
                    Checked.ObjectiveKind.Bell b => BellJob(s, objective.Name, b.expression, bound),
                    _ => throw new InvalidOperationException("unknown objective kind"),
                });
        if (s.Scenario.Bounds.Any(b => b.IsSteering)) jobs.Add(new SteeringJob(s, symmetry));
        return jobs;
    }

    public static string BoundName(Checked.Bound bound) => bound switch
    {
        Checked.Bound.Npa n => "npa " + n.level.Text,
        Checked.Bound.Seesaw z => $"seesaw dim {z.options.Dim}",
        _ when bound.IsNoSignalling => "ns",
        _ when bound.IsGlobal => "global",
        _ => "steering",
    };

    private static BoundJob GuessJob(LoweredScenario s, string objective, Checked.Target[] targets, Checked.Bound bound, bool symmetry)
    {
        var name = BoundName(bound);
        var (parties, settings) = s.GuessOf(targets);
        switch (bound)
        {
            case { IsNoSignalling: true }:
                return new NoSignallingJob(objective, parties, settings, symmetry);
            case { IsGlobal: true }:
                if (!s.IsJointGuess(targets))
                    return new UnavailableJob(objective, name, SolveRows.NotApplicable,
                        "global is the bound for a joint guess of every untrusted node (formulations §2)");
                return GuessingJob.Global(objective, settings);
            case Checked.Bound.Npa npa:
                return NpaJobs.Steering(s, objective, parties, settings, npa.level, symmetry);
            case Checked.Bound.Seesaw seesaw:
                return SeesawJobs.Create(s, objective, parties, settings, seesaw.options);
            default:
                return new UnavailableJob(objective, name, RowStatus.Error, $"bound '{name}' is not supported for guess objectives");
        }
    }

    private static BoundJob BellJob(LoweredScenario s, string objective, Checked.BellExpression expression, Checked.Bound bound)
    {
        var name = BoundName(bound);
        if (s.HasTrustedNode)
            return new UnavailableJob(objective, name, RowStatus.Error,
                "Bell objectives are maximised over correlations of untrusted nodes only; this scenario has a trusted node");
        return bound switch
        {
            Checked.Bound.Npa npa => NpaJobs.Bell(s, objective, expression, npa.level),
            _ when bound.IsNoSignalling => NpaJobs.BellNoSignalling(s, objective, expression, name),
            _ => new UnavailableJob(objective, name, SolveRows.NotApplicable, $"bound '{name}' needs a trusted node"),
        };
    }
}
