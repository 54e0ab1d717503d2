using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.CompilerServices;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// The help of <c>steer</c> and its commands: for a declared command, System.CommandLine's own sections (description,
/// usage, arguments, options with their descriptions and defaults); for a command that parses its own tokens, its
/// usage text. Every help ends with the exit-code table, which scripts rely on.
/// </summary>
public static class SteerHelp
{
    private static readonly ConditionalWeakTable<Command, string> UsageTexts = new();

    /// <summary>Gives <paramref name="command"/> a hand-written help text instead of the generated sections.</summary>
    public static void UseUsageText(Command command, string usage) => UsageTexts.AddOrUpdate(command, usage);

    /// <summary>
    /// Writes the help of the command <paramref name="parsed"/> names (the root: the command list); a declared command's
    /// sections come from the library's <paramref name="generated"/> help.
    /// </summary>
    public static void Write(ParseResult parsed, HelpAction generated, IReadOnlyList<ISteerCommand> commands)
    {
        var command = parsed.CommandResult.Command;
        var output = parsed.InvocationConfiguration.Output;
        if (command is RootCommand) output.WriteLine(General(commands) + Environment.NewLine);
        else if (UsageTexts.TryGetValue(command, out var usage)) output.WriteLine(usage + Environment.NewLine);
        else generated.Invoke(parsed); // ends with an empty line
        output.WriteLine("Exit codes:");
        output.WriteLine(ExitCodes.Describe());
    }

    /// <summary>The root's help: the commands with their summaries, how to get more.</summary>
    public static string General(IReadOnlyList<ISteerCommand> commands) => string.Join(Environment.NewLine,
    [
        "steer - certified randomness from multipartite quantum steering",
        "",
        "Usage: steer COMMAND [OPTIONS]      steer COMMAND --help      steer @FILE.rsp (arguments from a file)",
        "",
        "Commands:",
        .. commands.Select(c => $"  {c.Name,-10}{c.Summary}"),
        "",
        "Tab completion: see README.md, 'Tab completion' (dotnet-suggest, or the [suggest] directive).",
    ]);
}
