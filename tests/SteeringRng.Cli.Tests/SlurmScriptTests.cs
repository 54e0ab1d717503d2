using SteeringRng.Cli.Sharding;

namespace SteeringRng.Cli.Tests;

/// <summary>steer slurm without --submit: the scripts it writes (no cluster needed).</summary>
public sealed class SlurmScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-sbatch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_array_script_runs_shard_K_of_N_per_task_and_the_merge_script_joins_every_part()
    {
        var scn = ShardScenarios.Write(_dir);
        var outDir = Path.Combine(_dir, "out");
        var result = CliRunner.Run("slurm", scn, "--shards", "3", "--throttle", "2", "--time", "01:30:00", "--mem", "4G", "--cpus", "2",
            "--partition", "short", "--out", outDir, "--set", "mu=0.5 .. 0.7 step 0.1", "--steer", "/opt/steer/steer");
        Assert.True(result.ExitCode == ExitCodes.Optimal, result.Stderr);
        var array = File.ReadAllText(Path.Combine(outDir, "array.sbatch"));
        Assert.Contains("#SBATCH --array=1-3%2\n", array);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", array);
        Assert.Contains("#SBATCH --time=01:30:00\n", array);
        Assert.Contains("#SBATCH --mem=4G\n", array);
        Assert.Contains("#SBATCH --partition=short\n", array);
        Assert.Contains($"/opt/steer/steer run {scn} --set 'mu=0.5 .. 0.7 step 0.1' --shard \"$SLURM_ARRAY_TASK_ID/3\" " +
                        $"--json {outDir}/part-\"$SLURM_ARRAY_TASK_ID.json\" --parallel \"${{SLURM_CPUS_PER_TASK:-1}}\"", array);
        var merge = File.ReadAllText(Path.Combine(outDir, "merge.sbatch"));
        Assert.Contains($"/opt/steer/steer merge {outDir}/part-1.json {outDir}/part-2.json {outDir}/part-3.json --json {outDir}/result.json", merge);
        Assert.Contains("--dependency=afterok:$array", File.ReadAllText(Path.Combine(outDir, "submit.sh")));
    }

    [Fact]
    public void Without_steer_the_scripts_name_the_running_steer()
    {
        var command = SteerExecutable.Command();
        Assert.Contains("steer", command);
    }

    [Theory]
    [InlineData("1234\n", "1234")]
    [InlineData("1234;cluster\n", "1234")]
    [InlineData("sbatch: warning: x\n77\n", "77")]
    [InlineData("Submitted batch job 5\n", null)]
    public void The_job_id_is_read_from_sbatch_parsable_output(string output, string? id) => Assert.Equal(id, Sbatch.ParseJobId(output));

    [Theory]
    [InlineData("--json", "x.json")]
    [InlineData("--shard", "1/2")]
    [InlineData("--time", "soon")]
    public void Options_the_scripts_set_or_bad_values_are_usage_errors(string option, string value)
    {
        var scn = ShardScenarios.Write(_dir);
        Assert.Equal(ExitCodes.UsageError, CliRunner.Run("slurm", scn, option, value, "--out", Path.Combine(_dir, "o")).ExitCode);
    }
}
