using System.CommandLine;
using SteeringRng.Certification;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Scenario;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer check FILE</c>: parse and check a scenario, print the diagnostics; nothing is solved.</summary>
public sealed class CheckCommand : ISteerCommand
{
    public string Name => "check";

    public string Summary => "check a scenario file and print its diagnostics (file:line:col with a caret); solves nothing";

    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the scenario file");
    private readonly Option<IReadOnlyList<ParamOverride>> set = CommonOptions.Set("override a parameter as 'steer run' would (e.g. --set mu=0.5)");
    private readonly Option<bool> estimate = Declared.Flag("--estimate",
        "also print, per objective x bound, the relaxation's size estimated from word counts (blocks, variables, nonzeros, memory) and " +
        "whether 'steer run' would refuse it; exit code 3 when one is over the memory limit");
    private readonly Option<double?> memoryLimit = CommonOptions.MemoryLimit("the limit for --estimate (8G, 512M; default: the memory available to the process)");
    private readonly Option<int?> parallel = CommonOptions.Parallel("points solved at once, as for 'steer run' (each holds its own solver memory)");

    public Command Declare() => new(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Parses and checks the scenario (names, dimensions, measurements, the state at every sweep point,",
        "objectives, bounds, outputs) and prints each problem as  file:line:col: error SRnnnn: message,",
        "then the source line and a caret under the place. Data files the scenario reads are checked too, with",
        "the readers 'steer run' uses: an assemblage file by the checker, a probabilities CSV (probabilities =",
        "file(...)) as  data.csv:line: error SR1170: message  and the line. Exit code 0 when there is no error",
        "(warnings are printed), 3 when there are errors.",
    ]))
    {
        files, set, estimate, memoryLimit, parallel,
    };

    public int Execute(System.CommandLine.ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var file = Declared.OneFile(parsed, files, "no scenario file given.");
        var overrides = CommonOptions.Overrides(parsed, set);
        var memoryLimit = parsed.GetValue(this.memoryLimit);
        var parallelism = parsed.GetValue(parallel);
        var estimate = parsed.GetValue(this.estimate);
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
        // The probabilities CSVs: only read when a model is built, so read here, after the scenario itself is clean.
        var dataErrors = 0;
        foreach (var s in result.Scenarios)
        {
            var (e, w) = DataFileCheck.Report(s, file, stderr);
            dataErrors += e;
            warnings += w;
        }
        if (dataErrors > 0)
        {
            stderr.WriteLine($"{file}: {dataErrors} error(s).");
            return ExitCodes.InputError;
        }
        foreach (var s in result.Scenarios)
            stdout.WriteLine($"{ScenarioLanguage.Printable(s.Title)}: {s.Nodes.Length} nodes, {s.Sweep.Points.Length} point(s), {s.Objectives.Length} objective(s), " +
                             $"bounds {string.Join(", ", s.Bounds.Select(BoundSpecs.NameOf))}");
        var over = false;
        if (estimate)
            foreach (var s in result.Scenarios)
            {
                // Planning reads the model's shape only: no state is evaluated, no relaxation built.
                var run = ScenarioRun.Plan(s, new RunSettings { MemoryLimit = memoryLimit, Parallelism = parallelism ?? Math.Max(1, Environment.ProcessorCount) });
                stdout.WriteLine(EstimateReport.Describe(run));
                over |= run.MemoryRefusal() is not null || Representability.Refusal(run.Jobs) is not null;
            }
        stdout.WriteLine($"{file}: ok ({result.Scenarios.Count} scenario(s), {warnings} warning(s)).");
        if (over)
        {
            stderr.WriteLine($"{file}: a relaxation's estimated memory exceeds the limit; 'steer run' would refuse it (see above).");
            return ExitCodes.InputError;
        }
        return ExitCodes.Optimal;
    }
}
