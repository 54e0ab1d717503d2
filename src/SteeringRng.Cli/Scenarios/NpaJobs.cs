using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// Q_k for guess objectives and plain NPA for Bell objectives: the operator-valued NPA builders of
/// SteeringRng.Relaxation (helper "algebra"). Until they are in this build, every point reports an error row.
/// </summary>
public static class NpaJobs
{
    public const string NotAvailable = "npa not available: the NPA builders are not in this build yet";

    public static BoundJob Steering(LoweredScenario s, string objective, int[] parties, int[] settings, Checked.NpaLevel level) =>
        new UnavailableJob(objective, JobPlanner.BoundName(Checked.Bound.NewNpa(level)), RowStatus.Error, NotAvailable);

    public static BoundJob Bell(LoweredScenario s, string objective, Checked.BellExpression expression, Checked.NpaLevel level) =>
        new UnavailableJob(objective, JobPlanner.BoundName(Checked.Bound.NewNpa(level)), RowStatus.Error, NotAvailable);
}
