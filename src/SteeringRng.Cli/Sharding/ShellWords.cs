namespace SteeringRng.Cli.Sharding;

/// <summary>Arguments quoted for a POSIX shell (batch scripts, the rerun commands merge prints).</summary>
public static class ShellWords
{
    /// <summary>The word as it is when it holds nothing a shell would interpret, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
