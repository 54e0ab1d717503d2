using System.CommandLine;
using System.Text.RegularExpressions;
using SteeringRng.Cli.CommandLine;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// The parsed arguments of <c>steer slurm</c>: its own options, and the <c>steer run</c> options every shard runs with
/// (FILE, --set, --bounds, --solver, --no-symmetry, --scenario; declared by <see cref="RunSyntax"/>).
/// </summary>
public sealed record SlurmOptions(
    RunOptions Run, int Shards, int? Throttle, string? Time, string? Memory, int Cpus, string? Partition, string? Out, bool Submit, string? Steer);

/// <summary>The options of <c>steer slurm</c>: those of <c>steer run</c> (<see cref="RunSyntax"/>) and its own, declared once.</summary>
public sealed partial class SlurmSyntax
{
    /// <summary>Run options the batch scripts set themselves.</summary>
    private static readonly string[] SetByScripts = ["--json", "--csv", "--plot", "--shard", "--parallel", "--no-scenario-outputs"];

    private readonly RunSyntax run = new();
    private readonly Option<int> shards = Declared.Value("--shards", "N",
        "the number of shards, array tasks 1..N; each takes contiguous points", t => Declared.PositiveInteger("--shards", t), 4);
    private readonly Option<int?> throttle = Declared.Value<int?>("--throttle", "M", "at most M tasks at once (--array=1-N%M)",
        t => Declared.PositiveInteger("--throttle", t));
    private readonly Option<string?> time = Declared.Value<string?>("--time", "HH:MM:SS", "passed to #SBATCH as it is (default: the cluster's)", Time);
    private readonly Option<string?> memory = Declared.Value<string?>("--mem", "SIZE", "passed to #SBATCH as it is, e.g. 4G (default: the cluster's)", Memory);
    private readonly Option<int> cpus = Declared.Value("--cpus", "N",
        "CPUs per task; each shard computes that many points at once", t => Declared.PositiveInteger("--cpus", t), 2);
    private readonly Option<string?> partition = Declared.Value<string?>("--partition", "P", "passed to #SBATCH as it is (default: the cluster's)", Partition);
    private readonly Option<string?> output = CommonOptions.Path("--out", "DIR", "where scripts, parts, results and logs go (default steer-slurm-FILE)");
    private readonly Option<string?> steer = CommonOptions.Path("--steer", "CMD",
        "the command that starts steer on the nodes (default: this steer, by its full path; the nodes must see it, e.g. on a shared filesystem)");
    private readonly Option<bool> submit = Declared.Flag("--submit", "submit through sbatch and print the job ids");

    public Command Declare(string name, string description)
    {
        var command = new Command(name, description) { shards, throttle, time, memory, cpus, partition, output, steer, submit };
        run.AddTo(command);
        return command;
    }

    /// <exception cref="UsageException">A run option the scripts set themselves, or as <see cref="RunSyntax.Read"/>.</exception>
    public SlurmOptions Read(ParseResult parsed)
    {
        var scripted = parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>()
            .FirstOrDefault(o => !o.Implicit && SetByScripts.Contains(o.Option.Name));
        if (scripted is not null)
            throw new UsageException($"{scripted.Option.Name} is set by the batch scripts (parts and results go to --out DIR; --parallel follows --cpus).");
        return new SlurmOptions(run.Read(parsed), parsed.GetValue(shards), parsed.GetValue(throttle), parsed.GetValue(time), parsed.GetValue(memory),
            parsed.GetValue(cpus), parsed.GetValue(partition), parsed.GetValue(output), parsed.GetValue(submit), parsed.GetValue(steer));
    }

    private static string? Time(string text) =>
        TimePattern().IsMatch(text) ? text : throw new UsageException($"--time needs HH:MM:SS (or D-HH:MM:SS), got '{text}'.");

    private static string? Memory(string text) =>
        MemoryPattern().IsMatch(text) ? text : throw new UsageException($"--mem needs a size such as 4G or 500M, got '{text}'.");

    private static string? Partition(string text) =>
        SlurmWord().IsMatch(text) ? text : throw new UsageException($"--partition: '{text}' is not a partition name.");

    [GeneratedRegex(@"^(\d+-)?\d{1,3}(:\d{2}){0,2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex SlurmWord();
}
