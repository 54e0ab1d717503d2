using SteeringRng.Cli.Scenarios;
using SteeringRng.Quantum;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Commands;

/// <summary>Shared by run, export and show: load and check a scenario file, print its diagnostics, lower it.</summary>
public static class ScenarioInput
{
    /// <summary>The checked scenarios, or null after printing the errors (file:line:col, source line, caret) to stderr.</summary>
    public static ScenarioLoader.Loaded? LoadOrReport(string file, IReadOnlyList<ParamOverride> overrides, TextWriter stderr)
    {
        var loaded = ScenarioLoader.Load(file, overrides);
        if (loaded.Result.Diagnostics.Count > 0) stderr.WriteLine(loaded.Result.RenderDiagnostics());
        if (!loaded.Result.Succeeded)
        {
            if (!loaded.Result.HasErrors) stderr.WriteLine($"{file}: the file holds no scenario.");
            return null;
        }
        return loaded;
    }

    /// <exception cref="InputException">A measurement fails the physical check (should have been caught by the checker).</exception>
    public static LoweredScenario Lower(Checked.Scenario scenario)
    {
        try { return new LoweredScenario(scenario); }
        catch (QuantumValidationException e) { throw new InputException($"{scenario.Range}: scenario '{scenario.Title}': {e.Message}"); }
    }

    public static string ResolveRelative(string directory, string path) => Path.IsPathRooted(path) ? path : Path.Combine(directory, path);
}
