using System.CommandLine;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// Plugs a command that parses its own arguments (<see cref="ICommand"/>: an <c>XxxOptions.Parse(string[])</c>
/// behind <c>Execute</c>) into the System.CommandLine root: every token after the command name (response files
/// already expanded) goes to it unchanged, and its hand-written usage text is its help. It has no option
/// completion; declaring the options (<see cref="ISteerCommand"/>) gives that.
/// </summary>
public sealed class TokenCommand(ICommand inner) : ISteerCommand
{
    private readonly Argument<string[]> tokens = new("arguments") { Arity = ArgumentArity.ZeroOrMore };

    public string Name => inner.Name;

    public string Summary => inner.Summary;

    public Command Declare()
    {
        var command = new Command(inner.Name, inner.Summary) { tokens };
        command.TreatUnmatchedTokensAsErrors = false;
        SteerHelp.UseUsageText(command, inner.Usage);
        return command;
    }

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr) =>
        inner.Execute([.. parsed.GetValue(tokens) ?? [], .. parsed.UnmatchedTokens], stdout, stderr);
}
