using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Run;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer show FILE</c>: the generating set (monomial list) and the moment-matrix word layout of an NPA level
/// of a scenario, for people designing new levels. Nothing is solved.
/// </summary>
public sealed class ShowCommand : ICommand
{
    public string Name => "show";

    public string Summary => "print the monomials and the moment-matrix word layout of an NPA level of a scenario";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer show FILE.scn [--objective NAME] [--level L] [--scenario K] [--memory-limit SIZE] [--force]",
        "",
        "Prints the untrusted parties as the NPA builder names them (one letter each), the generating set S of",
        "the level (numbered words; B0|1 is Bob's projector for outcome 0 of setting 1, last outcomes are not",
        "letters: they are I minus the others) and the moment matrix as a grid of words u^dagger v (0 for products",
        "that vanish). For a guess objective every entry is a d_A x d_A block; for a Bell objective a number.",
        "The size estimate of every objective x bound (as 'steer check --estimate') comes first.",
        "",
        "Options:",
        "  --objective NAME   which objective (default: the first); it fixes the party names",
        "  --level L          an NPA level: 1, 2, \"1+BC\", ... in the builder's letters (default: the scenario's",
        "                     first npa bound, else 1)",
        "  --scenario K       the K-th scenario of the file (default: the first)",
        "  --memory-limit SIZE  refuse a layout whose estimated memory (word layout and printed grid) exceeds SIZE",
        "                     (8G, 512M; default: the memory available to this process): exit code 3 before it is built",
        "  --force            show it even when the estimate exceeds the limit (sizes that cannot be represented are refused anyway)",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, objectiveName = null, level = null;
        var scenarioIndex = 1;
        var force = false;
        double? memoryLimit = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var arg = arguments[i];
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--objective": objectiveName = Value(); break;
                case "--level": level = Value(); break;
                case "--force": force = true; break;
                case "--memory-limit": memoryLimit = MemorySize.Parse(Value()); break;
                case "--scenario":
                    var text = Value();
                    if (!int.TryParse(text, out scenarioIndex) || scenarioIndex < 1) throw new UsageException($"--scenario needs a positive number, got '{text}'.");
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
                    file = arg;
                    break;
            }
        }
        if (file is null) throw new UsageException("no scenario file given.");
        var loaded = ScenarioInput.LoadOrReport(file, [], stderr);
        if (loaded is null) return ExitCodes.InputError;
        var scenarios = loaded.Result.Scenarios;
        if (scenarioIndex > scenarios.Count) throw new UsageException($"--scenario {scenarioIndex}: '{file}' holds {scenarios.Count} scenario(s).");
        var run = ScenarioRun.Plan(scenarios[scenarioIndex - 1], new RunSettings { MemoryLimit = memoryLimit });
        // The estimate first: it is quick, while the layout of a large level is long to compute and to print.
        stdout.WriteLine(EstimateReport.Describe(run));
        stdout.WriteLine();
        // The layout itself is judged by its own estimate before it is built (LayoutEstimate), as 'steer run' judges relaxations.
        var (limit, source) = memoryLimit is { } set ? (set, "--memory-limit") : (MemoryBudget.Available, "the memory available to this process");
        stdout.WriteLine(NpaLayout.Describe(run.Model, objectiveName, level, n => LayoutEstimate.Refusal(n, limit, source, force)));
        return ExitCodes.Optimal;
    }
}
