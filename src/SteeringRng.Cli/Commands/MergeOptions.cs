using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer merge</c>.</summary>
public sealed record MergeOptions(IReadOnlyList<string> Parts, string? Json, string? Csv, string? Plot, PlotOptions? PlotStyle = null)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value, or no part.</exception>
    public static MergeOptions Parse(IReadOnlyList<string> args)
    {
        string? json = null, csv = null;
        var plotArguments = new PlotArguments();
        var parts = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--json": json = Value(); break;
                case "--csv": csv = Value(); break;
                default:
                    if (plotArguments.TryTake(arg, Value)) break;
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    parts.Add(arg);
                    break;
            }
        }
        if (parts.Count == 0) throw new UsageException("no part files given (the JSON files of steer run --shard K/N).");
        plotArguments.CheckUsed();
        return new MergeOptions(parts, json, csv, plotArguments.Path, plotArguments.Options);
    }
}
