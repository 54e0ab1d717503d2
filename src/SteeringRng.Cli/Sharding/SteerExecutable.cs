using System.Reflection;

namespace SteeringRng.Cli.Sharding;

/// <summary>
/// The shell command that starts the <c>steer</c> now running, for batch scripts: the jobs then run the very build the
/// user tried on the login node (same version, same solver), provided the cluster sees the same path (a shared
/// filesystem) — README, "Running on a cluster".
/// </summary>
public static class SteerExecutable
{
    public static string Command()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running executable is unknown; give --steer \"CMD\".");
        var name = Path.GetFileNameWithoutExtension(process);
        // Through the dotnet host (dotnet steer.dll, dotnet run) the executable is dotnet itself: name the assembly too.
        if (!name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return ShellWords.Quote(process);
        var assembly = Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry && Path.GetFileNameWithoutExtension(entry) == "steer"
            ? entry
            : typeof(Program).Assembly.Location;
        return ShellWords.Join([process, assembly]);
    }
}
