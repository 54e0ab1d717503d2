namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer merge</c>.</summary>
public sealed record MergeOptions(IReadOnlyList<string> Parts, string? Json, string? Csv, string? Plot)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value, or no part.</exception>
    public static MergeOptions Parse(IReadOnlyList<string> args)
    {
        string? json = null, csv = null, plot = null;
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--json": json = Value(); break;
                case "--csv": csv = Value(); break;
                case "--plot":
                    plot = Value();
                    if (Path.GetExtension(plot).ToLowerInvariant() is not (".svg" or ".png"))
                        throw new UsageException($"--plot needs a .svg or .png file, got '{plot}'.");
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    parts.Add(arg);
                    break;
            }
        }
        if (parts.Count == 0) throw new UsageException("no part files given (the JSON files of steer run --shard K/N).");
        return new MergeOptions(parts, json, csv, plot);
    }
}
