using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// The System.CommandLine root of <c>steer</c>: one subcommand per <see cref="ISteerCommand"/>, the help option on
/// every command (<see cref="SteerHelp"/>), response files (<c>steer @args.rsp</c>: one token per line, or several
/// separated by spaces), and the <c>[suggest]</c> directive that shells' completion scripts call (README, "Tab
/// completion"). Parse errors become one plain line, "steer CMD: MESSAGE See 'steer CMD --help'." (<see cref="ParseErrorText"/>), exit 2.
/// </summary>
public sealed class SteerCommandLine
{
    private readonly RootCommand root;
    private readonly Dictionary<Command, ISteerCommand> byCommand = [];

    public SteerCommandLine(IReadOnlyList<ISteerCommand> commands)
    {
        Commands = commands;
        root = new RootCommand("steer - certified randomness from multipartite quantum steering");
        foreach (var command in commands)
        {
            var declared = command.Declare();
            byCommand[declared] = command;
            root.Subcommands.Add(declared);
        }
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new WriteHelp((HelpAction)help.Action!, commands);
        // No bare --version (the tool's version is in `dotnet tool list`), no [diagram] directive: neither is documented.
        root.Options.Remove(root.Options.OfType<VersionOption>().Single());
        root.Directives.Clear();
        root.Directives.Add(new SuggestDirective());
    }

    public IReadOnlyList<ISteerCommand> Commands { get; }

    /// <summary>Parses <paramref name="args"/> and runs what they ask for; returns the exit code.</summary>
    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // "steer help" and "steer help CMD" as in git and dotnet: the same as "--help".
        if (args is ["help", .. var about]) args = [.. about, "--help"];
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null,
        };
        // Help and the [suggest] directive are the library's actions; the commands themselves have none (they run below).
        if (parsed.Action is { } action and not ParseErrorAction) return parsed.Invoke(configuration);
        if (parsed.CommandResult.Command == root)
        {
            if (parsed.Tokens.Count == 0)
            {
                stderr.WriteLine(SteerHelp.General(Commands));
                return ExitCodes.UsageError;
            }
            var first = parsed.UnmatchedTokens.FirstOrDefault() ?? parsed.Tokens[0].Value;
            stderr.WriteLine($"steer: unknown command '{first}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}. See 'steer --help'.");
            return ExitCodes.UsageError;
        }
        var command = byCommand[parsed.CommandResult.Command];
        return CommandFailures.Guard(command.Name, stderr, () =>
        {
            if (ParseErrorText.First(parsed) is { } error) throw new Commands.UsageException(error);
            return command.Execute(parsed, stdout, stderr);
        });
    }

    /// <summary>Help on standard output, exit 0, for whichever command <c>--help</c> was given to.</summary>
    private sealed class WriteHelp(HelpAction generated, IReadOnlyList<ISteerCommand> commands) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            SteerHelp.Write(parseResult, generated, commands);
            return ExitCodes.Optimal;
        }
    }
}
