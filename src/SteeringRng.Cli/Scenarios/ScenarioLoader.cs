using SteeringRng.Cli.Commands;
using SteeringRng.Scenario;

namespace SteeringRng.Cli.Scenarios;

/// <summary>Reads a scenario file (with <c>--set</c> overrides), resolves its includes and data files next to it, and checks it.</summary>
public static class ScenarioLoader
{
    /// <summary>The check result and the folder the file's relative paths (outputs, data files) are resolved against.</summary>
    public sealed record Loaded(string Path, string Directory, CheckResult Result);

    /// <exception cref="InputException">The file cannot be read.</exception>
    public static Loaded Load(string path, IReadOnlyList<ParamOverride>? overrides = null)
    {
        var text = ReadText(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var fileName = path;
        text = ParamOverride.Apply(fileName, text, overrides ?? []);
        var options = new CheckOptions
        {
            Resolver = name =>
            {
                var full = System.IO.Path.Combine(directory, name);
                try { return File.Exists(full) ? File.ReadAllText(full) : null; }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
            },
        };
        return new Loaded(path, directory, ScenarioLanguage.Check(fileName, text, options));
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
            throw new InputException(Directory.Exists(path) ? $"'{path}' is a folder, not a scenario file." : $"file not found: '{path}'.");
        try { return File.ReadAllText(path); }
        catch (IOException e) { throw new InputException($"cannot read '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new InputException($"cannot read '{path}': permission denied."); }
    }
}
