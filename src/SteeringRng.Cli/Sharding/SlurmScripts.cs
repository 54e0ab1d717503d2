using System.Globalization;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Sharding;

/// <summary>
/// The batch scripts of <c>steer slurm</c>: a job array whose task K runs shard K/N of the sweep
/// (<c>steer run --shard</c>), and a merge job meant to run after the whole array succeeded
/// (<c>sbatch --dependency=afterok:ARRAY</c>; the dependency is given at submission, when the array's id is known).
/// </summary>
public sealed record SlurmScripts(string Array, string Merge, string Submit, IReadOnlyList<string> Parts, string Result)
{
    /// <param name="steer">The shell command that starts steer on the nodes.</param>
    /// <param name="file">The scenario file, full path (jobs may start in another folder).</param>
    /// <param name="folder">Where parts, results and logs go, full path.</param>
    /// <param name="scenarios">The scenarios the run covers, by place in the file (one part per shard and scenario).</param>
    public static SlurmScripts For(SlurmOptions options, string steer, string file, string folder, IReadOnlyList<int> scenarios, string jobName)
    {
        var n = options.Shards.ToString(CultureInfo.InvariantCulture);
        var run = new List<string> { "run", file };
        run.AddRange(RowArguments.Of(options.Run));
        if (options.Run.Scenario is { } only) run.AddRange(["--scenario", only.ToString(CultureInfo.InvariantCulture)]);
        var partStem = Path.Combine(folder, "part-");
        // With several scenarios steer run names the parts part-K-1.json, part-K-2.json, ... itself.
        var parts = Enumerable.Range(1, options.Shards)
            .SelectMany(k => scenarios.Count > 1 ? scenarios.Select(s => $"{partStem}{k}-{s}.json") : [$"{partStem}{k}.json"])
            .ToList();
        var result = Path.Combine(folder, "result.json");
        var logs = Path.Combine(folder, "logs");

        var array = Lines(
            "#!/bin/bash",
            $"# Written by steer slurm: task K of this job array computes shard K/{n} of {file}.",
            $"#SBATCH --job-name={jobName}",
            $"#SBATCH --array=1-{n}{(options.Throttle is { } m ? "%" + m.ToString(CultureInfo.InvariantCulture) : "")}",
            $"#SBATCH --cpus-per-task={options.Cpus.ToString(CultureInfo.InvariantCulture)}",
            Directive("time", options.Time), Directive("mem", options.Memory), Directive("partition", options.Partition),
            $"#SBATCH --output={logs}/shard-%a.out",
            "set -u",
            $"{steer} {ShellWords.Join(run)} --shard \"$SLURM_ARRAY_TASK_ID/{n}\" --json {ShellWords.Quote(partStem)}\"$SLURM_ARRAY_TASK_ID.json\" --parallel \"${{SLURM_CPUS_PER_TASK:-1}}\"",
            "rc=$?",
            "# 1 (near-optimal rows) and 9 (rows without a certified value) are results, written to the part: the task",
            "# succeeded and the merge (afterok) may run; it reports those rows. Anything else fails the task.",
            "case $rc in 0|1|9) exit 0 ;; *) exit $rc ;; esac");

        var merge = Lines(
            "#!/bin/bash",
            $"# Written by steer slurm: joins the parts of the job array into {result} (submitted with --dependency=afterok:ARRAY).",
            $"#SBATCH --job-name={jobName}-merge",
            "#SBATCH --cpus-per-task=1",
            Directive("time", options.Time), Directive("partition", options.Partition),
            $"#SBATCH --output={logs}/merge.out",
            "set -u",
            $"{steer} merge {ShellWords.Join(parts)} --json {ShellWords.Quote(result)} --csv {ShellWords.Quote(Path.ChangeExtension(result, ".csv"))}");

        var submit = Lines(
            "#!/bin/bash",
            "# Written by steer slurm: submits the job array, then the merge job to run once every task succeeded.",
            "set -euo pipefail",
            $"array=$(sbatch --parsable {ShellWords.Quote(Path.Combine(folder, "array.sbatch"))})",
            "array=${array%%;*} # --parsable prints ID or ID;CLUSTER",
            $"merge=$(sbatch --parsable --dependency=afterok:$array {ShellWords.Quote(Path.Combine(folder, "merge.sbatch"))})",
            "echo \"array job ${array}, merge job ${merge%%;*}\"");
        return new SlurmScripts(array, merge, submit, parts, result);
    }

    private static string? Directive(string name, string? value) => value is null ? null : $"#SBATCH --{name}={value}";

    private static string Lines(params string?[] lines) => string.Join("\n", lines.Where(l => l is not null)) + "\n";
}
