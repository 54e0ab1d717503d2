using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// H^Dim by the seesaw of SteeringRng.Certification (helper "seesaw"). Until it is in this build, every point
/// reports an error row.
/// </summary>
public static class SeesawJobs
{
    public const string NotAvailable = "seesaw not available: SteeringRng.Certification's seesaw is not in this build yet";

    public static BoundJob Create(LoweredScenario s, string objective, int[] parties, int[] settings, Checked.SeesawOptions options) =>
        new UnavailableJob(objective, $"seesaw dim {options.Dim}", RowStatus.Error, NotAvailable);
}
