using SteeringRng.Certification.Run;
using SteeringRng.Cli.Commands;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>
/// The one scenario and one sweep point that a data export (<c>--assemblage</c>, <c>--probabilities</c>) writes: a file
/// holds the data of one point, so several scenarios or points are refused with the option that picks one.
/// </summary>
public static class SinglePointExport
{
    /// <param name="option">The export option, named in the message (e.g. "--assemblage").</param>
    /// <exception cref="UsageException">Several scenarios or several sweep points.</exception>
    public static (Checked.Scenario Scenario, ScenarioRun Run) Plan(IReadOnlyList<Checked.Scenario> scenarios, string file, string option)
    {
        if (scenarios.Count != 1)
            throw new UsageException($"'{file}' holds {scenarios.Count} scenarios; choose the one to export with --scenario K.");
        var scenario = scenarios[0];
        var run = ScenarioRun.Plan(scenario);
        // An observed inequality value (`value beta`) is one number: no assemblage, functional of it or probabilities to write.
        if (run.Model.MeasuredData?.Observed is not null)
            throw new SteeringRng.Certification.Input.ScenarioInputException(
                $"{scenario.Range}: scenario '{scenario.Title}': its data are one observed inequality value ('inequality = ... value ...'), not an assemblage; {option} has nothing to write.");
        if (run.Points.Count != 1)
        {
            var swept = string.Join(", ", run.Model.SweptNames);
            throw new UsageException($"scenario '{scenario.Title}' has {run.Points.Count} sweep points ({swept}); {option} writes one: " +
                                     $"choose it with --set, e.g. --set {run.Model.SweptNames.FirstOrDefault() ?? "mu"}=VALUE.");
        }
        return (scenario, run);
    }
}
