using SteeringRng.Certification.Data;
using SteeringRng.Certification.Input;
using SteeringRng.Cli.Commands;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Cli.Output;

/// <summary>
/// <c>steer export FILE --functional OUT.json</c>: the steering test's optimal functional F_{a|x} of the scenario's
/// assemblage at its one sweep point (critical visibility against white noise, docs/formulations/steering-test.md), as
/// <see cref="FunctionalFiles"/> writes it, readable with <c>inequality = file("OUT.json")</c>
/// (docs/formulations/measured-probabilities.md, "A functional from a file").
/// </summary>
public static class FunctionalExport
{
    /// <exception cref="UsageException">Several scenarios or several sweep points.</exception>
    /// <exception cref="InputException">The output would overwrite an input or cannot be written.</exception>
    public static int Write(ScenarioFile.Loaded loaded, IReadOnlyList<Checked.Scenario> scenarios, string path, string file, TextWriter stdout)
    {
        var (scenario, run) = SinglePointExport.Plan(scenarios, file, "--functional");
        OutputCheck.Check([new OutputTarget.DataFile("--functional", path)], loaded.Inputs);
        var sigma = run.Points[0].Assemblage;
        var (functional, critical) = MeasuredData.SteeringTestFunctional(sigma, run.Model.WhiteNoiseAssemblage(), $"scenario '{scenario.Title}'");
        var names = run.Model.Untrusted.Select(n => n.Name).ToArray();
        var bytes = FunctionalFiles.Bytes(functional, sigma, path, names);
        AtomicFile.Write(path, temporary => File.WriteAllBytes(temporary, bytes));
        stdout.WriteLine(System.FormattableString.Invariant(
            $"{scenario.Title}: wrote the steering test's functional (critical visibility {critical:0.######}; {FunctionalFiles.DescribeShape(sigma)}) to {path}"));
        return ExitCodes.Optimal;
    }
}
