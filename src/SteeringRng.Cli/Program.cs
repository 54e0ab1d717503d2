using SteeringRng.Certification.Input;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli;

/// <summary>
/// Entry point of <c>steer</c>: finds the subcommand and runs it. Every failure ends here as a plain message on
/// stderr and an exit code from <see cref="ExitCodes"/>, never as a stack trace.
/// </summary>
public static class Program
{
    /// <summary>The subcommands, in the order the help lists them.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
        [new RunCommand(), new CheckCommand(), new ExportCommand(), new ShowCommand(), new SdpCommand(), new VerifyCommand(), new ThresholdCommand(), new MergeCommand(), new SlurmCommand(), new ExtractCommand(), new PlanCommand(), new FiniteCommand(), new CvCommand()];

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs <c>steer</c> in-process (tests call this with string writers).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(GeneralHelp());
            return ExitCodes.UsageError;
        }
        if (args[0] is "--help" or "-h" or "help")
        {
            stdout.WriteLine(GeneralHelp());
            return ExitCodes.Optimal;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"steer: unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}. See 'steer --help'.");
            return ExitCodes.UsageError;
        }
        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            stdout.WriteLine(CommandHelp(command));
            return ExitCodes.Optimal;
        }
        try { return command.Execute(rest, stdout, stderr); }
        catch (UsageException e)
        {
            stderr.WriteLine($"steer {command.Name}: {e.Message} See 'steer {command.Name} --help'.");
            return ExitCodes.UsageError;
        }
        catch (ScenarioInputException e) when (e.IsUsage)
        {
            stderr.WriteLine($"steer {command.Name}: {e.Message} See 'steer {command.Name} --help'.");
            return ExitCodes.UsageError;
        }
        catch (ScenarioInputException e)
        {
            stderr.WriteLine($"steer {command.Name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"steer {command.Name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"steer {command.Name}: internal error: {e.GetType().Name}: {e.Message}");
            // The trace is for us, not the user: only on request (a bug report, a failing test).
            if (Environment.GetEnvironmentVariable("STEERINGRNG_TRACE") == "1") stderr.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
    }

    public static string GeneralHelp() => string.Join(Environment.NewLine,
    [
        "steer - certified randomness from multipartite quantum steering",
        "",
        "Usage: steer COMMAND [OPTIONS]      steer COMMAND --help",
        "",
        "Commands:",
        .. Commands.Select(c => $"  {c.Name,-8}{c.Summary}"),
        "",
        "Exit codes:",
        ExitCodes.Describe(),
    ]);

    public static string CommandHelp(ICommand command) =>
        command.Usage + Environment.NewLine + Environment.NewLine + "Exit codes:" + Environment.NewLine + ExitCodes.Describe();
}
