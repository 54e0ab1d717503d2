using System.CommandLine;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer show FILE</c>: the generating set (monomial list) and the moment-matrix word layout of an NPA level
/// of a scenario, for people designing new levels. Nothing is solved.
/// </summary>
public sealed class ShowCommand : ISteerCommand
{
    public string Name => "show";

    public string Summary => "print the monomials and the moment-matrix word layout of an NPA level of a scenario";

    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the scenario file");
    private readonly Option<string?> objective = CommonOptions.Path("--objective", "NAME", "which objective (default: the first); it fixes the party names");
    private readonly Option<string?> level = CommonOptions.Path("--level", "L",
        "an NPA level: 1, 2, \"1+BC\", ... in the builder's letters, or with words such as B0|1C0|0 (default: the scenario's first npa bound, else 1)");
    private readonly Option<int?> scenario = CommonOptions.Scenario("the K-th scenario of the file (default: the first)");
    private readonly Option<double?> memoryLimit = CommonOptions.MemoryLimit(
        "refuse a layout whose estimated memory (word layout and printed grid) exceeds SIZE (8G, 512M; default: the memory available to " +
        "this process): exit code 3 before it is built");
    private readonly Option<bool> force = CommonOptions.Force("show it even when the estimate exceeds the limit (sizes that cannot be represented are refused anyway)");

    public Command Declare() => new(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Prints the untrusted parties as the NPA builder names them (one letter each), the generating set S of",
        "the level (numbered words; B0|1 is Bob's projector for outcome 0 of setting 1, last outcomes are not",
        "letters: they are I minus the others) and the moment matrix as a grid of words u^dagger v (0 for products",
        "that vanish). For a guess objective every entry is a d_A x d_A block; for a Bell objective a number.",
        "The size estimate of every objective x bound (as 'steer check --estimate') comes first.",
    ]))
    {
        files, objective, level, scenario, memoryLimit, force,
    };

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var file = Declared.OneFile(parsed, files, "no scenario file given.");
        var objectiveName = parsed.GetValue(objective);
        var level = parsed.GetValue(this.level);
        var scenarioIndex = parsed.GetValue(scenario) ?? 1;
        var memoryLimit = parsed.GetValue(this.memoryLimit);
        var force = parsed.GetValue(this.force);
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
