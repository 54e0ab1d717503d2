using System.CommandLine;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// One subcommand of <c>steer</c>, declared to System.CommandLine: its arguments and options (with descriptions,
/// defaults and validators) are declared once in <see cref="Declare"/>, which gives help, completion and response
/// files; <see cref="Execute"/> reads the parsed values into the command's options record and runs it.
/// </summary>
public interface ISteerCommand
{
    /// <summary>The word after <c>steer</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list of <c>steer --help</c>.</summary>
    string Summary { get; }

    /// <summary>The command's syntax. Called once, when the root command is built.</summary>
    Command Declare();

    /// <summary>Runs the parsed command; returns an <see cref="ExitCodes"/> value.</summary>
    /// <exception cref="Commands.UsageException">The values cannot be used together (checks across options).</exception>
    int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr);
}
