using SteeringRng.Scenario;

namespace SteeringRng.Certification.Input;

/// <summary>Reads a scenario file (with <c>--set</c> overrides), resolves its includes and data files next to it, and checks it.</summary>
public static class ScenarioFile
{
    /// <summary>
    /// The check result, the folder the file's relative paths (outputs, data files) are resolved against, and
    /// <paramref name="Inputs"/>: the full paths of the scenario file and of every file it includes or reads, which
    /// no output may overwrite.
    /// </summary>
    public sealed record Loaded(string Path, string Directory, CheckResult Result, IReadOnlyList<string> Inputs)
    {
        /// <summary>A path named in the scenario, relative to the scenario's folder.</summary>
        public string Resolve(string path) => System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(Directory, path);
    }

    /// <exception cref="ScenarioInputException">The file cannot be read or is too large, or an override names no parameter.</exception>
    /// <param name="repair">Repair measured data that are not a valid assemblage, as <c>repair = nearest</c> (the CLI's --repair).</param>
    public static Loaded Load(string path, IReadOnlyList<ParamOverride>? overrides = null, bool repair = false)
    {
        var text = ReadText(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var fileName = path;
        text = ParamOverride.Apply(fileName, text, overrides ?? []);
        var inputs = new List<string> { System.IO.Path.GetFullPath(path) };
        var options = new CheckOptions
        {
            FileReader = (name, maxBytes) =>
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, name));
                lock (inputs) if (!inputs.Contains(full)) inputs.Add(full);
                try { return BoundedFile.Read(full, maxBytes); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return FileContent.NotFound; }
            },
            // Assemblage files (.npy is binary): the same folder, the same limits, recorded as inputs like any data file.
            ByteReader = (name, maxBytes) =>
            {
                var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, name));
                lock (inputs) if (!inputs.Contains(full)) inputs.Add(full);
                try { return BoundedFile.ReadBytes(full, maxBytes); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return FileBytes.NotFound; }
            },
            RepairData = repair,
        };
        var result = ScenarioLanguage.Check(fileName, text, options);
        return new Loaded(path, directory, result, inputs);
    }

    private static string ReadText(string path)
    {
        if (Directory.Exists(path)) throw new ScenarioInputException($"'{path}' is a folder, not a scenario file.");
        FileContent content;
        try { content = BoundedFile.Read(path, InputLimits.MaxSourceBytes); }
        catch (IOException e) { throw new ScenarioInputException($"cannot read '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new ScenarioInputException($"cannot read '{path}': permission denied."); }
        return content switch
        {
            FileContent.Text t => t.Item,
            _ when content.IsTooLarge => throw new ScenarioInputException(
                $"'{path}' is larger than {InputLimits.Describe(InputLimits.MaxSourceBytes)}, the limit for scenario files; it was not read (dsl/grammar.md, Limits)."),
            _ => throw new ScenarioInputException($"file not found: '{path}'."),
        };
    }
}
