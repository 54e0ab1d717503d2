using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Commands;
using SteeringRng.Quantum.Data;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>
/// <c>steer export FILE --assemblage OUT</c>: the assemblage σ_{a|x} a scenario computes from (its state and measurements,
/// or its measured data as used, i.e. repaired when repair was asked for) at its one sweep point, as .npy or .json
/// (<see cref="AssemblageFile"/>), so that model → file → <c>assemblage = file(...)</c> can be checked to give the same bounds.
/// </summary>
public static class AssemblageExport
{
    /// <exception cref="UsageException">Several scenarios or several sweep points.</exception>
    /// <exception cref="InputException">The output would overwrite an input or cannot be written.</exception>
    public static int Write(ScenarioFile.Loaded loaded, IReadOnlyList<Checked.Scenario> scenarios, string path, string file, TextWriter stdout)
    {
        var (scenario, run) = SinglePointExport.Plan(scenarios, file, "--assemblage");
        OutputCheck.Check([new OutputTarget.DataFile("--assemblage", path)], loaded.Inputs);
        var sigma = run.Points[0].Assemblage;
        var names = run.Model.Untrusted.Select(n => n.Name).ToArray();
        var bytes = AssemblageFile.Write(sigma, path, names);
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
        stdout.WriteLine($"{scenario.Title}: wrote the assemblage (d_A = {sigma.TrustedDimension}, shape {AssemblageLayout.Describe(AssemblageLayout.Of(sigma).Shape)}) to {path}");
        return ExitCodes.Optimal;
    }
}
