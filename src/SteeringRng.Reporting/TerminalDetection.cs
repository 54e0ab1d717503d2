namespace SteeringRng.Reporting;

/// <summary>
/// Whether progress may be drawn as a live bar. The caller passes what it knows about the stream, so the
/// rule itself is a pure function: no bar when the stream is redirected (a file or pipe would fill with
/// carriage returns) or when CI is set to a true value (CI logs are files even when they look like terminals).
/// </summary>
public static class TerminalDetection
{
    public static bool IsInteractive(bool outputRedirected, string? ciVariable)
    {
        if (outputRedirected) return false;
        if (ciVariable is null) return true;
        var value = ciVariable.Trim();
        return value.Length == 0 || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>For progress on standard error: the process's own standard error and CI variable.</summary>
    public static bool StandardErrorIsInteractive() =>
        IsInteractive(Console.IsErrorRedirected, Environment.GetEnvironmentVariable("CI"));
}
