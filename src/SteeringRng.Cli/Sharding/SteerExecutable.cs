namespace SteeringRng.Cli.Sharding;

/// <summary>
/// The shell command that starts the <c>steer</c> now running, for batch scripts: the jobs then run the very build the
/// user tried on the login node (same version, same solver), provided the cluster sees the same path (a shared
/// filesystem) — README, "Running on a cluster".
/// </summary>
public static class SteerExecutable
{
    /// <summary>File name of the CLI's managed assembly (the project's AssemblyName) when it runs through the dotnet host.</summary>
    public const string AssemblyFile = "steer.dll";

    public static string Command() => Command(Environment.ProcessPath, AppContext.BaseDirectory);

    /// <summary>
    /// The command for a process started as <paramref name="processPath"/> from the application folder
    /// <paramref name="baseDirectory"/>. The apphost and the Native AOT binary are the process itself; through the
    /// dotnet host (dotnet steer.dll) the executable is dotnet, so the assembly is named too. The folder, not
    /// Assembly.Location, locates it: Location is empty in single-file and Native AOT builds.
    /// </summary>
    public static string Command(string? processPath, string baseDirectory)
    {
        var process = processPath ?? throw new InvalidOperationException("the path of the running executable is unknown; give --steer \"CMD\".");
        var name = Path.GetFileNameWithoutExtension(process);
        if (!name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return ShellWords.Quote(process);
        return ShellWords.Join([process, Path.Combine(baseDirectory, AssemblyFile)]);
    }
}
