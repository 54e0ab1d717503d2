using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.Output;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer export FILE --sdpa DIR</c>: write every relaxation of a scenario as an SDPA file, solve nothing.</summary>
public sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "write every relaxation (objective x bound x point) of a scenario as an SDPA .dat-s file, or its assemblage (.npy/.json) or trusted-node probabilities (.csv)";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer export FILE.scn --sdpa DIR [--set NAME=VALUE]... [--scenario K] [--no-symmetry] [--memory-limit SIZE] [--force]",
        "       steer export FILE.scn --assemblage OUT.npy|OUT.json [--set NAME=VALUE]... [--scenario K] [--repair]",
        "       steer export FILE.scn --probabilities OUT.csv [--counts N [--seed S]] [--set NAME=VALUE]... [--scenario K]",
        "",
        "Writes one .dat-s file per objective x bound x sweep point into DIR, named objective_bound_parameters,",
        "each starting with comment lines naming the scenario, objective, bound and parameters, the offset and sign",
        "that turn the optimum <C,X> into the reported value (e.g. P_g = offset - <C,X>) and what it means. A file",
        "with several scenarios writes DIR/scenario-1/, DIR/scenario-2/, ... (K = the scenario's position in the",
        "file). Bounds that are not a single SDP (seesaw) or not available are listed on stderr and skipped.",
        "",
        "Options:",
        "  --sdpa DIR         the output folder (created when missing)",
        "  --set NAME=VALUE   override a parameter as 'steer run' does",
        "  --scenario K       export only the K-th scenario of the file (1 = the first), straight into DIR",
        "  --no-symmetry      write Q_k, NS and the steering test in full, not reduced by the data's symmetries (the header names a reduction)",
        "  --memory-limit SIZE  refuse relaxations whose estimated memory exceeds SIZE (8G, 512M; default: the memory",
        "                     available to this process), as 'steer run' does: exit code 3 before anything is built",
        "  --force            build even when an estimate exceeds the limit (sizes that cannot be represented are refused anyway)",
        "  --assemblage OUT   write the scenario's assemblage sigma_{a|x} at its one sweep point (choose it with --set) as",
        "                     NumPy .npy (complex128, axes settings..., outcomes..., d_A, d_A) or JSON, by extension",
        "                     (docs/formulations/measured-data.md); readable with 'assemblage = file(\"OUT\")'",
        "  --repair           for measured data: use the nearest valid assemblage (as 'repair = nearest')",
        "  --probabilities OUT  write p(a b c | x y z) of the trusted node's measure line and the untrusted nodes'",
        "                     measurements at the one sweep point, as the tidy CSV 'probabilities = file(\"OUT\")' reads",
        "                     (a 'probability' column; docs/formulations/measured-probabilities.md). Needs a trusted",
        "                     measure line (data = probabilities)",
        "  --counts N         with --probabilities: N ≤ 10⁷ simulated events per setting tuple (seeded multinomial draws), a",
        "                     'count' column instead",
        "  --seed S           the simulation's seed (default 1); the same seed gives the same counts everywhere",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        string? file = null, folder = null, assemblageFile = null, probabilitiesFile = null;
        long? counts = null;
        ulong? seed = null;
        var symmetry = true;
        var force = false;
        double? memoryLimit = null;
        var repair = false;
        int? only = null;
        var overrides = new List<ParamOverride>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var arg = arguments[i];
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--sdpa": folder = Value(); break;
                case "--assemblage": assemblageFile = Value(); break;
                case "--repair": repair = true; break;
                case "--probabilities": probabilitiesFile = Value(); break;
                case "--counts":
                    var n = Value();
                    if (!long.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var events) || events < 1)
                        throw new UsageException($"--counts needs a positive whole number of events per setting tuple, got '{n}'.");
                    if (events > SteeringRng.Certification.Data.CountSimulation.MaxPerSetting)
                        throw new UsageException($"--counts {n} is more than {SteeringRng.Certification.Data.CountSimulation.MaxPerSetting:N0} " +
                                                 "events per setting tuple, the most this simulation draws (one draw per event).");
                    counts = events;
                    break;
                case "--seed":
                    var s = Value();
                    if (!ulong.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                        throw new UsageException($"--seed needs a non-negative whole number, got '{s}'.");
                    seed = parsed;
                    break;
                case "--set": overrides.Add(ParamOverride.Parse(Value())); break;
                case "--no-symmetry": symmetry = false; break;
                case "--force": force = true; break;
                case "--memory-limit": memoryLimit = MemorySize.Parse(Value()); break;
                case "--scenario":
                    var which = Value();
                    if (!int.TryParse(which, out var k) || k < 1) throw new UsageException($"--scenario needs a scenario number (1 = the first in the file), got '{which}'.");
                    only = k;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
                    file = arg;
                    break;
            }
        }
        if (file is null) throw new UsageException("no scenario file given.");
        if (folder is null && assemblageFile is null && probabilitiesFile is null)
            throw new UsageException("--sdpa DIR is required (the folder for the .dat-s files), or --assemblage OUT.npy|OUT.json for the assemblage, or --probabilities OUT.csv.");
        // One output per call: each has its own point and file rules, and a half-written pair would be confusing.
        if (new[] { folder, assemblageFile, probabilitiesFile }.Count(o => o is not null) > 1)
            throw new UsageException("give one of --sdpa, --assemblage and --probabilities.");
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
}
