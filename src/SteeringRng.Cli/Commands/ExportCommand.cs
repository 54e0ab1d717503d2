using System.CommandLine;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Output;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer export FILE --sdpa DIR</c>: write every relaxation of a scenario as an SDPA file, solve nothing.</summary>
public sealed class ExportCommand : ISteerCommand
{
    public string Name => "export";

    public string Summary => "write every relaxation (objective x bound x point) of a scenario as an SDPA .dat-s file, or its assemblage (.npy/.json) or trusted-node probabilities (.csv)";

    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the scenario file");
    private readonly Option<string?> sdpa = CommonOptions.Path("--sdpa", "DIR", "the output folder of the .dat-s files (created when missing)");
    private readonly Option<IReadOnlyList<ParamOverride>> set = CommonOptions.Set("override a parameter as 'steer run' does");
    private readonly Option<int?> scenario = CommonOptions.Scenario("export only the K-th scenario of the file (1 = the first), straight into DIR");
    private readonly Option<bool> noSymmetry = Declared.Flag("--no-symmetry",
        "write Q_k, NS and the steering test in full, not reduced by the data's symmetries (the header names a reduction)");
    private readonly Option<double?> memoryLimit = CommonOptions.MemoryLimit(
        "refuse relaxations whose estimated memory exceeds SIZE (8G, 512M; default: the memory available to this process), as 'steer run' " +
        "does: exit code 3 before anything is built");
    private readonly Option<bool> force = CommonOptions.Force("build even when an estimate exceeds the limit (sizes that cannot be represented are refused anyway)");
    private readonly Option<string?> assemblage = CommonOptions.Path("--assemblage", "OUT",
        "write the scenario's assemblage sigma_{a|x} at its one sweep point (choose it with --set) as NumPy .npy (complex128, axes " +
        "settings..., outcomes..., d_A, d_A) or JSON, by extension (docs/formulations/measured-data.md); readable with 'assemblage = file(\"OUT\")'");
    private readonly Option<bool> repair = Declared.Flag("--repair", "for measured data: use the nearest valid assemblage (as 'repair = nearest')");
    private readonly Option<string?> probabilities = CommonOptions.Path("--probabilities", "OUT",
        "write p(a b c | x y z) of the trusted node's measure line and the untrusted nodes' measurements at the one sweep point, as the " +
        "tidy CSV 'probabilities = file(\"OUT\")' reads (a 'probability' column; docs/formulations/measured-probabilities.md). Needs a " +
        "trusted measure line (data = probabilities)");
    private readonly Option<string?> functional = CommonOptions.Path("--functional", "OUT",
        "write the steering test's optimal functional F_{a|x} of the assemblage at the one sweep point (critical visibility against " +
        "white noise) as JSON or .npy in the assemblage file's layout; readable with 'inequality = file(\"OUT\")' " +
        "(docs/formulations/measured-probabilities.md, \"A functional from a file\")");
    private readonly Option<long?> counts = Declared.Value<long?>("--counts", "N",
        "with --probabilities: N ≤ 10⁷ simulated events per setting tuple (seeded multinomial draws), a 'count' column instead", Counts);
    private readonly Option<ulong?> seed = Declared.Value<ulong?>("--seed", "S",
        "the simulation's seed (default 1); the same seed gives the same counts everywhere", Seed);

    public Command Declare() => new(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "  steer export FILE.scn --sdpa DIR [--set NAME=VALUE]... [--scenario K] [--no-symmetry] [--memory-limit SIZE] [--force]",
        "  steer export FILE.scn --assemblage OUT.npy|OUT.json [--set NAME=VALUE]... [--scenario K] [--repair]",
        "  steer export FILE.scn --probabilities OUT.csv [--counts N [--seed S]] [--set NAME=VALUE]... [--scenario K]",
        "  steer export FILE.scn --functional OUT.json|OUT.npy [--set NAME=VALUE]... [--scenario K]",
        "",
        "Writes one .dat-s file per objective x bound x sweep point into DIR, named objective_bound_parameters,",
        "each starting with comment lines naming the scenario, objective, bound and parameters, the offset and sign",
        "that turn the optimum <C,X> into the reported value (e.g. P_g = offset - <C,X>) and what it means. A file",
        "with several scenarios writes DIR/scenario-1/, DIR/scenario-2/, ... (K = the scenario's position in the",
        "file). Bounds that are not a single SDP (seesaw) or not available are listed on stderr and skipped.",
    ]))
    {
        files, sdpa, set, scenario, noSymmetry, memoryLimit, force, assemblage, repair, probabilities, counts, seed, functional,
    };

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var file = Declared.OneFile(parsed, files, "no scenario file given.");
        var folder = parsed.GetValue(sdpa);
        var assemblageFile = parsed.GetValue(assemblage);
        var probabilitiesFile = parsed.GetValue(probabilities);
        var functionalFile = parsed.GetValue(functional);
        var counts = parsed.GetValue(this.counts);
        var seed = parsed.GetValue(this.seed);
        var symmetry = !parsed.GetValue(noSymmetry);
        var force = parsed.GetValue(this.force);
        var memoryLimit = parsed.GetValue(this.memoryLimit);
        var repair = parsed.GetValue(this.repair);
        var only = parsed.GetValue(scenario);
        var overrides = CommonOptions.Overrides(parsed, set);
        if (folder is null && assemblageFile is null && probabilitiesFile is null && functionalFile is null)
            throw new UsageException("--sdpa DIR is required (the folder for the .dat-s files), or --assemblage OUT.npy|OUT.json for the assemblage, or --probabilities OUT.csv, or --functional OUT.json.");
        // One output per call: each has its own point and file rules, and a half-written pair would be confusing.
        if (new[] { folder, assemblageFile, probabilitiesFile, functionalFile }.Count(o => o is not null) > 1)
            throw new UsageException("give one of --sdpa, --assemblage, --probabilities and --functional.");
        if (functionalFile is not null && SteeringRng.Quantum.Data.AssemblageFile.KindOf(functionalFile) is null)
            throw new UsageException($"--functional needs a .json or .npy file name, got '{functionalFile}'.");
        if (probabilitiesFile is not null && !probabilitiesFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"--probabilities needs a .csv file name, got '{probabilitiesFile}'.");
        if (probabilitiesFile is null && (counts is not null || seed is not null))
            throw new UsageException("--counts and --seed go with --probabilities.");
        if (seed is not null && counts is null)
            throw new UsageException("--seed needs --counts N (the probabilities themselves are not random).");
        if (assemblageFile is not null && SteeringRng.Quantum.Data.AssemblageFile.KindOf(assemblageFile) is null)
            throw new UsageException($"--assemblage needs a .npy or .json file name, got '{assemblageFile}'.");
        var loaded = ScenarioInput.LoadOrReport(file, overrides, stderr, repair);
        if (loaded is null) return ExitCodes.InputError;
        var total = 0;
        var scenarios = loaded.Result.Scenarios;
        if (only is { } chosen)
        {
            if (chosen > scenarios.Count) throw new UsageException($"--scenario {chosen}: '{file}' holds {scenarios.Count} scenario(s).");
            scenarios = [scenarios[chosen - 1]];
        }
        if (assemblageFile is not null)
            return AssemblageExport.Write(loaded, scenarios, assemblageFile, file, stdout);
        if (functionalFile is not null)
            return FunctionalExport.Write(loaded, scenarios, functionalFile, file, stdout);
        if (probabilitiesFile is not null)
            return ProbabilitiesExport.Write(loaded, scenarios, probabilitiesFile, file, counts, seed ?? 1, stdout);
        // Every scenario is planned and judged by its size estimate before any relaxation is built (as 'steer run'):
        // an export must not run for minutes and end out of memory either.
        var runs = scenarios.Select(s => ScenarioRun.Plan(s, new RunSettings { Symmetry = symmetry, Force = force, MemoryLimit = memoryLimit, Parallelism = 1 })).ToList();
        foreach (var planned in runs)
            if (planned.Refusal() is { } refusal)
                throw new ScenarioInputException($"scenario '{planned.Title}': {refusal}");
        for (var k = 0; k < scenarios.Count; k++)
        {
            var run = runs[k];
            // One scenario (the file's only one, or the one --scenario chose) goes straight into the folder.
            var target = scenarios.Count == 1 ? folder! : Path.Combine(folder!, $"scenario-{k + 1}");
            var skipped = new List<SdpaExport.Skipped>();
            var files = SdpaExport.Write(run, target, Path.GetFileName(file), skipped);
            foreach (var s in skipped) stderr.WriteLine($"{scenarios[k].Title}: {s.Objective} / {s.Bound}: not exported: {s.Reason}");
            stdout.WriteLine($"{scenarios[k].Title}: wrote {files.Count} file(s) to {target}");
            total += files.Count;
        }
        return total > 0 ? ExitCodes.Optimal : ExitCodes.RowsFailed;
    }

    private static long? Counts(string n)
    {
        if (!long.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var events) || events < 1)
            throw new UsageException($"--counts needs a positive whole number of events per setting tuple, got '{n}'.");
        if (events > SteeringRng.Certification.Data.CountSimulation.MaxPerSetting)
            throw new UsageException($"--counts {n} is more than {SteeringRng.Certification.Data.CountSimulation.MaxPerSetting:N0} " +
                                     "events per setting tuple, the most this simulation draws (one draw per event).");
        return events;
    }

    private static ulong? Seed(string s) =>
        ulong.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new UsageException($"--seed needs a non-negative whole number, got '{s}'.");
}
