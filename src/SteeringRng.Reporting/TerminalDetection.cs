namespace SteeringRng.Reporting;

/// <summary>
/// Whether progress may be drawn as a live display (<see cref="LiveSweepDisplay"/>). The caller passes what it knows
/// about the stream, so the rule itself is a pure function: no live display when the stream is redirected (a file or
/// pipe would fill with cursor movements), when CI is set to a true value (CI logs are files even when they look like
/// terminals), when TERM is "dumb" (no cursor movement), or when NO_COLOR is set to a non-empty value (no-color.org:
/// the user asked for plain output). Spectre.Console's own detection is not used: it wants standard input, output and
/// error all unredirected (so <c>steer run x.scn &gt; table.txt</c> would lose its bar although progress goes to
/// standard error) and it knows only some CI services by name, not the CI variable.
/// </summary>
public static class TerminalDetection
{
    public static bool IsInteractive(bool outputRedirected, string? ciVariable) =>
        IsInteractive(outputRedirected, ciVariable, term: null, noColor: null);

    public static bool IsInteractive(bool outputRedirected, string? ciVariable, string? term, string? noColor)
    {
        if (outputRedirected) return false;
        if (string.Equals(term?.Trim(), "dumb", StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.IsNullOrEmpty(noColor)) return false;
        if (ciVariable is null) return true;
        var value = ciVariable.Trim();
        return value.Length == 0 || value == "0" || value.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>For progress on standard error: the process's own standard error, CI, TERM and NO_COLOR.</summary>
    public static bool StandardErrorIsInteractive() =>
        IsInteractive(Console.IsErrorRedirected, Environment.GetEnvironmentVariable("CI"),
            Environment.GetEnvironmentVariable("TERM"), Environment.GetEnvironmentVariable("NO_COLOR"));
}
