using SteeringRng.Certification;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Scenario;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer check FILE</c>: parse and check a scenario, print the diagnostics; nothing is solved.</summary>
public sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "check a scenario file and print its diagnostics (file:line:col with a caret); solves nothing";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer check FILE.scn [--set NAME=VALUE]...",
        "",
        "Parses and checks the scenario (names, dimensions, measurements, the state at every sweep point,",
        "objectives, bounds, outputs) and prints each problem as  file:line:col: error SRnnnn: message,",
        "then the source line and a caret under the place. Exit code 0 when there is no error (warnings",
        "are printed), 3 when there are errors.",
        "",
        "Options:",
        "  --set NAME=VALUE   override a parameter as 'steer run' would (e.g. --set mu=0.5)",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        string? file = null;
        var overrides = new List<ParamOverride>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var arg = arguments[i];
            if (arg == "--set")
            {
                if (i + 1 >= arguments.Count) throw new UsageException("option --set needs a value.");
                overrides.Add(ParamOverride.Parse(arguments[++i]));
            }
            else if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
            else if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
            else file = arg;
        }
        if (file is null) throw new UsageException("no scenario file given.");
        var loaded = CertificationEngine.Load(file, overrides);
        var result = loaded.Result;
        if (result.Diagnostics.Count > 0) stderr.WriteLine(result.RenderDiagnostics());
        if (result.HasErrors)
        {
            var errors = result.Diagnostics.Count(d => d.IsError);
            stderr.WriteLine($"{file}: {errors} error(s).");
            return ExitCodes.InputError;
        }
        var warnings = result.Diagnostics.Count;
        foreach (var s in result.Scenarios)
            stdout.WriteLine($"{ScenarioLanguage.Printable(s.Title)}: {s.Nodes.Length} nodes, {s.Sweep.Points.Length} point(s), {s.Objectives.Length} objective(s), " +
                             $"bounds {string.Join(", ", s.Bounds.Select(BoundSpecs.NameOf))}");
        stdout.WriteLine($"{file}: ok ({result.Scenarios.Count} scenario(s), {warnings} warning(s)).");
        return ExitCodes.Optimal;
    }
}
