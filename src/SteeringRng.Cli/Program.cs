using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli;

/// <summary>
/// Entry point of <c>steer</c>: System.CommandLine finds the subcommand, parses its options and writes help
/// (<see cref="SteerCommandLine"/>). Every failure ends as a plain message on stderr and an exit code from
/// <see cref="ExitCodes"/>, never as a stack trace (<see cref="CommandFailures"/>).
/// </summary>
public static class Program
{
    /// <summary>The subcommands, in the order the help lists them.</summary>
    public static IReadOnlyList<ISteerCommand> Commands { get; } =
    [
        new RunCommand(), new CheckCommand(), new ExportCommand(),
        new ShowCommand(), new SdpCommand(), new TokenCommand(new VerifyCommand()),
        new ThresholdCommand(), new MergeCommand(), new SlurmCommand(),
        new ExtractCommand(), new TokenCommand(new PlanCommand()), new TokenCommand(new FiniteCommand()),
        new CvCommand(),
    ];

    private static readonly SteerCommandLine CommandLine = new(Commands);

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>steer</c> in-process (tests call this with string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => CommandLine.Run(args, stdout, stderr);
}
