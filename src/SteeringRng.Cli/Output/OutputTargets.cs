using SteeringRng.Certification.Input;
using SteeringRng.Cli.Commands;
using SteeringRng.Reporting;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>The one place that decides where a run's outputs go: command-line options and the scenario's own outputs.</summary>
public static class OutputTargets
{
    /// <summary>
    /// The outputs of the <paramref name="index"/>-th of <paramref name="count"/> scenarios run. Command-line paths are
    /// relative to the working folder (PATH-2.json for the second of several scenarios); the scenario's relative to
    /// the scenario file.
    /// </summary>
    public static IReadOnlyList<OutputTarget> For(ScenarioFile.Loaded loaded, Checked.Scenario scenario, int index, int count, RunOptions options)
    {
        var targets = new List<OutputTarget>();
        if (options.Json is { } json) targets.Add(new OutputTarget.Table("--json", RunOutputs.ForScenario(json, index, count), Checked.TableFormat.Json));
        if (options.Csv is { } csv) targets.Add(new OutputTarget.Table("--csv", RunOutputs.ForScenario(csv, index, count), Checked.TableFormat.Csv));
        var style = options.PlotStyle ?? new PlotOptions();
        var objectives = scenario.Objectives.Select(o => o.Name).ToList();
        if (options.Plot is { } plot) targets.AddRange(OutputTarget.Plots("--plot", RunOutputs.ForScenario(plot, index, count), null, style, objectives));
        if (!options.ScenarioOutputs) return targets;
        foreach (var output in scenario.Outputs)
        {
            switch (output)
            {
                case Checked.Output.Table t:
                    targets.Add(new OutputTarget.Table($"the scenario's table \"{t.file}\"", loaded.Resolve(t.file), t.format));
                    break;
                case Checked.Output.Plot p:
                    targets.AddRange(OutputTarget.Plots($"the scenario's plot \"{p.file}\"", loaded.Resolve(p.file), scenario.Sweep.Parameters[p.over].Name, style, objectives));
                    break;
                case Checked.Output.Sdpa s:
                    targets.Add(new OutputTarget.SdpaFolder($"the scenario's export sdpa \"{s.file}\"", loaded.Resolve(s.file)));
                    break;
            }
        }
        return targets;
    }
}
