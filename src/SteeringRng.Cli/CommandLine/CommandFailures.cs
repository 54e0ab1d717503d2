using SteeringRng.Certification.Input;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.CommandLine;

/// <summary>
/// Every failure of a command ends here as a plain message on stderr and an exit code from <see cref="ExitCodes"/>,
/// never as a stack trace: usage errors (2) point to the command's help, input errors (3) say what and where.
/// </summary>
public static class CommandFailures
{
    public static int Guard(string name, TextWriter stderr, Func<int> run)
    {
        try { return run(); }
        catch (UsageException e)
        {
            stderr.WriteLine($"steer {name}: {e.Message} See 'steer {name} --help'.");
            return ExitCodes.UsageError;
        }
        catch (ScenarioInputException e) when (e.IsUsage)
        {
            stderr.WriteLine($"steer {name}: {e.Message} See 'steer {name} --help'.");
            return ExitCodes.UsageError;
        }
        catch (ScenarioInputException e)
        {
            stderr.WriteLine($"steer {name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"steer {name}: {e.Message}");
            return ExitCodes.InputError;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"steer {name}: internal error: {e.GetType().Name}: {e.Message}");
            // The trace is for us, not the user: only on request (a bug report, a failing test).
            if (Environment.GetEnvironmentVariable("STEERINGRNG_TRACE") == "1") stderr.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
    }
}
