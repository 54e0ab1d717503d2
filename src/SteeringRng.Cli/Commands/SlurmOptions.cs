using System.Text.RegularExpressions;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// The parsed arguments of <c>steer slurm</c>: its own options, and the <c>steer run</c> options every shard runs with
/// (FILE, --set, --bounds, --solver, --no-symmetry, --scenario; parsed by <see cref="RunSyntax"/>).
/// </summary>
public sealed partial record SlurmOptions(
    RunOptions Run, int Shards, int? Throttle, string? Time, string? Memory, int Cpus, string? Partition, string? Out, bool Submit, string? Steer)
{
    /// <exception cref="UsageException">An unknown option, a bad value, or a run option the scripts set themselves.</exception>
    public static SlurmOptions Parse(IReadOnlyList<string> args)
    {
        int shards = 4, cpus = 2;
        int? throttle = null;
        string? time = null, memory = null, partition = null, output = null, steer = null;
        var submit = false;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            int Positive()
            {
                var text = Value();
                return int.TryParse(text, out var n) && n >= 1 ? n : throw new UsageException($"{arg} needs a positive integer, got '{text}'.");
            }
            switch (arg)
            {
                case "--shards": shards = Positive(); break;
                case "--throttle": throttle = Positive(); break;
                case "--cpus": cpus = Positive(); break;
                case "--time":
                    time = Value();
                    if (!TimePattern().IsMatch(time)) throw new UsageException($"--time needs HH:MM:SS (or D-HH:MM:SS), got '{time}'.");
                    break;
                case "--mem":
                    memory = Value();
                    if (!MemoryPattern().IsMatch(memory)) throw new UsageException($"--mem needs a size such as 4G or 500M, got '{memory}'.");
                    break;
                case "--partition": partition = Value(); break;
                case "--out": output = Value(); break;
                case "--steer": steer = Value(); break;
                case "--submit": submit = true; break;
                case "--json" or "--csv" or "--plot" or "--shard" or "--parallel" or "--no-scenario-outputs":
                    throw new UsageException($"{arg} is set by the batch scripts (parts and results go to --out DIR; --parallel follows --cpus).");
                default:
                    rest.Add(arg);
                    if (arg is "--set" or "--bounds" or "--solver" or "--scenario" && i + 1 < args.Count) rest.Add(args[++i]);
                    break;
            }
        }
        if (partition is not null && !SlurmWord().IsMatch(partition)) throw new UsageException($"--partition: '{partition}' is not a partition name.");
        return new SlurmOptions(RunSyntax.ParseTokens(rest), shards, throttle, time, memory, cpus, partition, output, submit, steer);
    }

    [GeneratedRegex(@"^(\d+-)?\d{1,3}(:\d{2}){0,2}$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemoryPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.,-]+$")]
    private static partial Regex SlurmWord();
}
