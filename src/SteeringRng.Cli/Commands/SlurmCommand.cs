using System.CommandLine;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Sharding;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer slurm FILE</c>: writes the batch scripts that compute the sweep as a Slurm job array of shards and merge
/// the parts afterwards (<see cref="SlurmScripts"/>), and with --submit submits them.
/// </summary>
public sealed class SlurmCommand : ISteerCommand
{
    public string Name => "slurm";

    public string Summary => "write (and --submit) Slurm batch scripts: the sweep as a job array of shards, then a merge";

    private readonly SlurmSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Checks the scenario, then writes to DIR: array.sbatch (a job array; task K runs",
        "'steer run FILE --shard K/N --json DIR/part-K.json --parallel $SLURM_CPUS_PER_TASK'), merge.sbatch",
        "('steer merge' of every part into DIR/result.json and DIR/result.csv) and submit.sh (submits both, the merge",
        "with --dependency=afterok on the array). Logs go to DIR/logs. With --submit the scripts are submitted here",
        "through sbatch and the job ids printed. The run options (--set, ...) are those of 'steer run'.",
    ]));

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
        var run = options.Run;
        var loaded = ScenarioInput.LoadOrReport(run.File, run.Overrides, stderr, run.Repair);
        if (loaded is null) return ExitCodes.InputError;
        var count = loaded.Result.Scenarios.Count;
        if (run.Scenario is { } only && only > count)
            throw new UsageException($"--scenario {only}: '{run.File}' holds {count} scenario(s).");
        IReadOnlyList<int> scenarios = run.Scenario is { } s ? [s] : Enumerable.Range(1, count).ToList();
        foreach (var index in scenarios)
        {
            // Planned here so that a bad --bounds is found now, not in every task; the plan also says how many points there are.
            var points = ScenarioRun.Plan(loaded.Result.Scenarios[index - 1], new RunSettings { Symmetry = run.Symmetry, Bounds = run.Bounds }).Points.Count;
            if (options.Shards > points)
                stderr.WriteLine($"note: scenario {index} has {points} point(s) for {options.Shards} shards; {options.Shards - points} shard(s) will have none.");
        }

        var stem = Path.GetFileNameWithoutExtension(run.File);
        var folder = Path.GetFullPath(options.Out ?? $"steer-slurm-{stem}");
        var jobName = "steer-" + new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        var scripts = SlurmScripts.For(options, options.Steer ?? SteerExecutable.Command(), Path.GetFullPath(run.File), folder, scenarios, jobName);
        var array = Path.Combine(folder, "array.sbatch");
        var merge = Path.Combine(folder, "merge.sbatch");
        var submit = Path.Combine(folder, "submit.sh");
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "logs"));
            File.WriteAllText(array, scripts.Array);
            File.WriteAllText(merge, scripts.Merge);
            File.WriteAllText(submit, scripts.Submit);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(submit, File.GetUnixFileMode(submit) | UnixFileMode.UserExecute);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write the scripts to '{folder}': {e.Message}");
        }
        stderr.WriteLine($"wrote {array}, {merge} and {submit}");
        // steer merge names the results of several scenarios as steer run does: result-1.json, result-2.json, ...
        var results = scenarios.Count > 1
            ? $"{Path.ChangeExtension(scripts.Result, null)}-1.json ... -{scenarios.Count}.json (one per scenario)"
            : scripts.Result;
        if (!options.Submit)
        {
            stdout.WriteLine($"submit with: {ShellWords.Quote(submit)}");
            stdout.WriteLine($"the merged result will be {results}");
            return ExitCodes.Optimal;
        }
        var arrayId = Sbatch.Submit(array);
        var mergeId = Sbatch.Submit(merge, $"--dependency=afterok:{arrayId}");
        stdout.WriteLine($"array job {arrayId} ({options.Shards} shards)");
        stdout.WriteLine($"merge job {mergeId} (after every shard succeeded)");
        stdout.WriteLine($"the merged result will be {results}");
        return ExitCodes.Optimal;
    }
}
