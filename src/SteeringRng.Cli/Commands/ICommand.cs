namespace SteeringRng.Cli.Commands;

/// <summary>
/// A subcommand of <c>steer</c> that parses its own arguments (an <c>XxxOptions.Parse(string[])</c>); it is plugged into
/// the System.CommandLine root by <see cref="CommandLine.TokenCommand"/>, which hands it every token after its name.
/// Declaring the options instead (<see cref="CommandLine.ISteerCommand"/>) gives generated help and option completion.
/// </summary>
public interface ICommand
{
    /// <summary>The word after <c>steer</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list of <c>steer --help</c>.</summary>
    string Summary { get; }

    /// <summary>The full help text of <c>steer NAME --help</c> (without the exit-code table).</summary>
    string Usage { get; }

    /// <summary>Runs with the arguments after the command name; returns an <see cref="ExitCodes"/> value.</summary>
    /// <exception cref="UsageException">The arguments are wrong.</exception>
    int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr);
}
