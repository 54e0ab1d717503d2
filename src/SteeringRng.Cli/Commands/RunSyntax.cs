using System.CommandLine;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;

namespace SteeringRng.Cli.Commands;

/// <summary>The options of <c>steer run</c>, declared once (<c>steer slurm</c> passes its run options through them too).</summary>
public sealed class RunSyntax
{
    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the scenario file");
    private readonly Option<IReadOnlyList<ParamOverride>> set = CommonOptions.Set();
    private readonly Option<string?> json = CommonOptions.Path("--json", "PATH",
        "write the rows as JSON (src/SteeringRng.Reporting/JSON-CONTRACT.md); with --shard the partial result (default FILE-shard-K-of-N.json)");
    private readonly Option<string?> csv = CommonOptions.Path("--csv", "PATH", "write the rows as CSV (same columns)");
    private readonly PlotSyntax plot = new();
    private readonly Option<string> solver = CommonOptions.Solver();
    private readonly Option<int?> parallel = CommonOptions.Parallel();
    private readonly Option<int?> scenario = CommonOptions.Scenario("run only the K-th scenario of the file (1 = the first)");
    private readonly Option<Shard?> shard = Declared.Value<Shard?>("--shard", "K/N",
        "run only part K of N of the sweep (contiguous points) and write a partial JSON result for 'steer merge'; no CSV, plot or scenario outputs", ShardOf);
    private readonly Option<string?> certificates = CommonOptions.Path("--certificates", "DIR",
        "write one certificate file per relaxation row (DIR/OBJECTIVE_BOUND_PARAMS.cert; a file with several scenarios: DIR/scenario-K/); " +
        "'steer verify FILE' re-checks one without the solver. Every relaxation row is certified with or without this option (the table " +
        "shows certified H_min, rounded down; '?' marks a row whose certificate failed)");
    private readonly Option<bool> noCertify = Declared.Flag("--no-certify",
        "skip the certificate check (rows then have no certificate; the table shows raw values); only for measuring what certification costs");
    private readonly Option<IReadOnlyList<string>?> bounds = Declared.Value<IReadOnlyList<string>?>("--bounds", "LIST",
        "compute only these of the scenario's bounds, e.g. \"ns,npa 1,steering\"", RunOptions.BoundList);
    private readonly Option<bool> noScenarioOutputs = Declared.Flag("--no-scenario-outputs", "do not write the table/plot/export files named in the scenario");
    private readonly Option<bool> noSymmetry = Declared.Flag("--no-symmetry",
        "build Q_k, NS and the steering test in full instead of reducing them by the data's symmetries (same value; for cross-checks and timing)");
    private readonly Option<bool> repair = Declared.Flag("--repair",
        "measured data (assemblage = file(...)) that are not a valid assemblage are replaced by the nearest valid one (Frobenius norm), " +
        "as 'repair = nearest'; the distance is in every row");
    private readonly Option<double?> memoryLimit = CommonOptions.MemoryLimit();
    private readonly Option<bool> force = CommonOptions.Force("run even when an estimate exceeds the limit (exit code 3 otherwise, before anything is built)");

    public Command Declare(string name, string description)
    {
        var command = new Command(name, description);
        AddTo(command);
        return command;
    }

    /// <summary>Adds the file argument and every run option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(files);
        foreach (var option in new Option[] { set, json, csv }) command.Options.Add(option);
        plot.AddTo(command);
        foreach (var option in new Option[] { solver, parallel, scenario, shard, certificates, noCertify, bounds, noScenarioOutputs, noSymmetry, repair, memoryLimit, force })
            command.Options.Add(option);
    }

    /// <exception cref="UsageException">Not exactly one file, a --set name twice, or options that contradict each other.</exception>
    public RunOptions Read(ParseResult parsed)
    {
        var file = Declared.OneFile(parsed, files, "no scenario file given.");
        var overrides = CommonOptions.Overrides(parsed, set);
        var certify = !parsed.GetValue(noCertify);
        var certificateFolder = parsed.GetValue(certificates);
        var shardOf = parsed.GetValue(shard);
        var plotPath = plot.Path(parsed);
        var csvPath = parsed.GetValue(csv);
        if (!certify && certificateFolder is not null)
            throw new UsageException("--no-certify and --certificates contradict each other.");
        // A shard writes a partial result only; tables and plots of the whole sweep come from steer merge.
        if (shardOf is not null && (csvPath ?? plotPath) is { } whole)
            throw new UsageException($"--shard writes a partial JSON result only ('{whole}' is for the whole sweep): join the parts with 'steer merge PARTS --csv/--plot'.");
        return new RunOptions(file, overrides, parsed.GetValue(json), csvPath, plotPath, parsed.GetValue(solver)!, parsed.GetValue(parallel),
            !parsed.GetValue(noScenarioOutputs), parsed.GetValue(bounds), parsed.GetValue(scenario), !parsed.GetValue(noSymmetry),
            parsed.GetValue(memoryLimit), parsed.GetValue(force), shardOf, plot.Options(parsed), parsed.GetValue(repair), certificateFolder, certify);
    }

    private static Shard? ShardOf(string text)
    {
        try { return Shard.Parse(text); }
        catch (FormatException e) { throw new UsageException("--shard: " + e.Message); }
    }
}
