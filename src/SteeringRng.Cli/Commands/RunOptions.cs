using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer run</c>.</summary>
public sealed record RunOptions(
    string File, IReadOnlyList<ParamOverride> Overrides, string? Json, string? Csv, string? Plot, string Solver, int? Parallelism,
    bool ScenarioOutputs = true, IReadOnlyList<string>? Bounds = null, int? Scenario = null, bool Symmetry = true,
    double? MemoryLimit = null, bool Force = false, Shard? Shard = null, PlotOptions? PlotStyle = null, bool Repair = false,
    string? Certificates = null, bool Certify = true)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value, or not exactly one file.</exception>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null, json = null, csv = null;
        var plotArguments = new PlotArguments();
        int? parallelism = null;
        var solver = "builtin";
        var scenarioOutputs = true;
        var symmetry = true;
        var force = false;
        var repair = false;
        double? memoryLimit = null;
        List<string>? bounds = null;
        int? scenario = null;
        Shard? shard = null;
        string? certificates = null;
        var certify = true;
        var overrides = new List<ParamOverride>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--set": overrides.Add(ParamOverride.Parse(Value())); break;
                case "--json": json = Value(); break;
                case "--no-scenario-outputs": scenarioOutputs = false; break;
                case "--no-symmetry": symmetry = false; break;
                case "--force": force = true; break;
                case "--repair": repair = true; break;
                case "--memory-limit": memoryLimit = MemorySize.Parse(Value()); break;
                case "--bounds":
                    bounds = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Select(b => string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
                    if (bounds.Count == 0) throw new UsageException("--bounds needs a list such as \"ns,npa 1\".");
                    break;
                case "--csv": csv = Value(); break;
                case "--certificates": certificates = Value(); break;
                case "--no-certify": certify = false; break;
                case "--solver":
                    solver = Value();
                    if (!SdpOptions.SolverNames.Contains(solver))
                        throw new UsageException($"unknown solver '{solver}'; choose one of {string.Join(", ", SdpOptions.SolverNames)}.");
                    break;
                case "--scenario":
                    var which = Value();
                    if (!int.TryParse(which, out var k) || k < 1) throw new UsageException($"--scenario needs a scenario number (1 = the first in the file), got '{which}'.");
                    scenario = k;
                    break;
                case "--shard":
                    try { shard = Shard.Parse(Value()); }
                    catch (FormatException e) { throw new UsageException("--shard: " + e.Message); }
                    break;
                case "--parallel":
                    var text = Value();
                    if (!int.TryParse(text, out var n) || n < 1) throw new UsageException($"--parallel needs a positive integer, got '{text}'.");
                    parallelism = n;
                    break;
                default:
                    if (plotArguments.TryTake(arg, Value)) break;
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
                    file = arg;
                    break;
            }
        }
        var duplicate = overrides.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UsageException($"--set {duplicate.Key} is given twice.");
        var plot = plotArguments.Path;
        if (!certify && certificates is not null)
            throw new UsageException("--no-certify and --certificates contradict each other.");
        // A shard writes a partial result only; tables and plots of the whole sweep come from steer merge.
        if (shard is not null && (csv ?? plot) is { } whole)
            throw new UsageException($"--shard writes a partial JSON result only ('{whole}' is for the whole sweep): join the parts with 'steer merge PARTS --csv/--plot'.");
        return new RunOptions(file ?? throw new UsageException("no scenario file given."), overrides, json, csv, plot, solver, parallelism, scenarioOutputs, bounds, scenario, symmetry,
            memoryLimit, force, shard, plotArguments.Options, repair, certificates, certify);
    }
}
