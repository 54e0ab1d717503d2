namespace SteeringRng.Cli.Commands;

/// <summary>One subcommand of <c>steer</c> ("sdp", later "run", "check", "export", "show").</summary>
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
