using System.Globalization;
using SteeringRng.Algebra;
using SteeringRng.Cli.Scenarios;
using SteeringRng.Relaxation;
using Checked = SteeringRng.Scenario.Checked;

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
        "Usage: steer show FILE.scn [--objective NAME] [--level L] [--scenario K]",
        "",
        "Prints the untrusted parties as the NPA builder names them (one letter each), the generating set S of",
        "the level (numbered words; B0|1 is Bob's projector for outcome 0 of setting 1, last outcomes are not",
        "letters: they are I minus the others) and the moment matrix as a grid of words u^dagger v (0 for products",
        "that vanish). For a guess objective every entry is a d_A x d_A block; for a Bell objective a number.",
        "",
        "Options:",
        "  --objective NAME   which objective (default: the first); it fixes the party names",
        "  --level L          an NPA level: 1, 2, \"1+BC\", ... in the builder's letters (default: the scenario's",
        "                     first npa bound, else 1)",
        "  --scenario K       the K-th scenario of the file (default: the first)",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, objectiveName = null, level = null;
        var scenarioIndex = 1;
        for (var i = 0; i < arguments.Count; i++)
        {
            var arg = arguments[i];
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--objective": objectiveName = Value(); break;
                case "--level": level = Value(); break;
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
        var lowered = ScenarioInput.Lower(scenarios[scenarioIndex - 1]);
        var scenario = lowered.Scenario;
        var objective = objectiveName is null
            ? scenario.Objectives.FirstOrDefault()
            : scenario.Objectives.FirstOrDefault(o => o.Name == objectiveName)
              ?? throw new UsageException($"--objective: scenario '{scenario.Title}' has no objective '{objectiveName}'; its objectives are {string.Join(", ", scenario.Objectives.Select(o => o.Name))}.");
        var bell = objective?.Kind.IsBell ?? !lowered.HasTrustedNode;
        var names = NpaJobs.Names(lowered.Untrusted.Count, bell ? 'A' : 'B');
        var parties = lowered.Untrusted.Select((n, j) => new Party(names[j], n.Settings.Select(x => x.Outcomes).ToArray())).ToArray();
        var algebra = new SteeringRng.Algebra.Scenario(parties);
        level ??= scenario.Bounds.OfType<Checked.Bound.Npa>().Select(n => NpaJobs.LevelString(lowered, n.level, names)).FirstOrDefault() ?? "1";

        Word[] words;
        try { words = GeneratingSet.parse(algebra, level); }
        catch (ArgumentException e) { throw new UsageException($"--level '{level}': {e.Message}"); }
        var moments = MomentMatrix.Build(words);

        stdout.WriteLine($"Scenario: {scenario.Title}");
        stdout.WriteLine($"Objective: {objective?.Name ?? "(none)"} ({(bell ? "Bell: scalar moments" : $"guess: {lowered.Scenario.TrustedNodes.Aggregate(1, (p, n) => p * n.Dim)}-dimensional trusted blocks")})");
        stdout.WriteLine("Parties: " + string.Join(", ", lowered.Untrusted.Select((n, j) =>
            $"{names[j]} = {n.Name} ({string.Join(", ", n.Settings.Select((x, k) => $"{k}:{x.Label}/{x.Outcomes}"))})")));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Level {level}: {words.Length} words, moment matrix {moments.Size} x {moments.Size}"));
        stdout.WriteLine();
        stdout.WriteLine("Generating set:");
        stdout.WriteLine(Layout.monomials(algebra, words));
        stdout.WriteLine();
        stdout.WriteLine("Moment matrix (entry = u^dagger v):");
        stdout.WriteLine(Layout.momentMatrix(algebra, moments));
        return ExitCodes.Optimal;
    }
}
