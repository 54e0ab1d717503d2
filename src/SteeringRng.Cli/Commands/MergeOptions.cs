using System.CommandLine;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer merge</c>.</summary>
public sealed record MergeOptions(IReadOnlyList<string> Parts, string? Json, string? Csv, string? Plot, PlotOptions? PlotStyle = null);

/// <summary>The options of <c>steer merge</c>, declared once.</summary>
public sealed class MergeSyntax
{
    private readonly Argument<string[]> parts = Declared.FileArguments("PART.json", "the partial results of 'steer run FILE --shard K/N'");
    private readonly Option<string?> json = Declared.Value<string?>("--json", "PATH",
        "write the merged rows as JSON (src/SteeringRng.Reporting/JSON-CONTRACT.md)", t => t);
    private readonly Option<string?> csv = Declared.Value<string?>("--csv", "PATH", "write them as CSV", t => t);
    private readonly PlotSyntax plot = new();

    public Command Declare(string name, string description)
    {
        var command = new Command(name, description) { parts, json, csv };
        plot.AddTo(command);
        return command;
    }

    /// <exception cref="UsageException">No part, an unknown option, or figure settings without --plot.</exception>
    public MergeOptions Read(ParseResult parsed)
    {
        var files = Declared.Files(parsed, parts);
        if (files.Count == 0) throw new UsageException("no part files given (the JSON files of steer run --shard K/N).");
        plot.CheckUsed(parsed);
        return new MergeOptions(files, parsed.GetValue(json), parsed.GetValue(csv), plot.Path(parsed), plot.Options(parsed));
    }
}
