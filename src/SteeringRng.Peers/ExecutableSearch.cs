namespace SteeringRng.Peers;

/// <summary>Finds an executable on PATH, the way a shell would.</summary>
public static class ExecutableSearch
{
    /// <summary>The full path of the first executable file named <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name)) return IsExecutable(name) ? name : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (IsExecutable(candidate)) return candidate;
            if (OperatingSystem.IsWindows() && IsExecutable(candidate + ".exe")) return candidate + ".exe";
        }
        return null;
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file)) return false;
        if (OperatingSystem.IsWindows()) return true;
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
