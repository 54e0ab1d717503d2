using SteeringRng.Certification;
using SteeringRng.Certification.Input;

namespace SteeringRng.Cli.Commands;

/// <summary>Shared by run, export and show: load and check a scenario file through the engine, print its diagnostics.</summary>
public static class ScenarioInput
{
    /// <summary>The checked scenarios, or null after printing the errors (file:line:col, source line, caret) to stderr.</summary>
    /// <param name="repair">--repair: repair measured data that are not a valid assemblage (as 'repair = nearest').</param>
    public static ScenarioFile.Loaded? LoadOrReport(string file, IReadOnlyList<ParamOverride> overrides, TextWriter stderr, bool repair = false)
    {
        var loaded = CertificationEngine.Load(file, overrides, repair);
        if (loaded.Result.Diagnostics.Count > 0) stderr.WriteLine(loaded.Result.RenderDiagnostics());
        if (!loaded.Result.Succeeded)
        {
            if (!loaded.Result.HasErrors) stderr.WriteLine($"{file}: the file holds no scenario.");
            return null;
        }
        return loaded;
    }
}
