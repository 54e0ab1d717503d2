using SteeringRng.Scenario;

namespace SteeringRng.Certification.Input;

/// <summary>Reads a scenario file (with <c>--set</c> overrides), resolves its includes and data files next to it, and checks it.</summary>
public static class ScenarioFile
{
    /// <summary>The check result and the folder the file's relative paths (outputs, data files) are resolved against.</summary>
    public sealed record Loaded(string Path, string Directory, CheckResult Result)
    {
        /// <summary>A path named in the scenario, relative to the scenario's folder.</summary>
        public string Resolve(string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(Directory, path);
    }

    /// <exception cref="ScenarioInputException">The file cannot be read, or an override names no parameter.</exception>
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
            throw new ScenarioInputException(Directory.Exists(path) ? $"'{path}' is a folder, not a scenario file." : $"file not found: '{path}'.");
        try { return File.ReadAllText(path); }
        catch (IOException e) { throw new ScenarioInputException($"cannot read '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new ScenarioInputException($"cannot read '{path}': permission denied."); }
    }
}
