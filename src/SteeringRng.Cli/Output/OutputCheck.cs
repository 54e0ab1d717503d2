using SteeringRng.Cli.Commands;
using SteeringRng.Scenario;

namespace SteeringRng.Cli.Output;

/// <summary>
/// Checks every output of a run before anything is computed, so that a sweep of hours never ends in "cannot write",
/// and no output destroys an input or another output: no output is an input (the scenario file, or a file it
/// includes or reads), no two outputs are the same file, and every output's folder can be created and written.
/// Paths are compared in full (and through symbolic links).
/// </summary>
public static class OutputCheck
{
    /// <exception cref="InputException">The first problem found, naming the outputs and paths concerned.</exception>
    public static void Check(IReadOnlyList<OutputTarget> targets, IReadOnlyList<string> inputs)
    {
        var comparer = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var inputPaths = inputs.Select(Canonical).ToList();
        var seen = new Dictionary<string, OutputTarget>(comparer);
        foreach (var target in targets)
        {
            var path = Canonical(target.Path);
            var input = inputPaths.FindIndex(p => comparer.Equals(p, path));
            if (input >= 0)
                throw new InputException($"{target.Origin} '{Show(target.Path)}' is {(input == 0 ? "the scenario file" : "a file the scenario reads")}; " +
                                         "writing it would destroy an input. Choose another path.");
            if (seen.TryGetValue(path, out var first))
                throw new InputException($"{first.Origin} and {target.Origin} both write '{Show(target.Path)}'; give each output its own path.");
            seen[path] = target;
        }
        foreach (var target in targets) Writable(target);
    }

    /// <summary>The full path, through a symbolic link to the file it names (so a link to the scenario is the scenario).</summary>
    public static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try { return new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return full; }
    }

    /// <summary>The output's folder exists or can be created, and a file can be made in it; an existing file can be written.</summary>
    private static void Writable(OutputTarget target)
    {
        var full = Path.GetFullPath(target.Path);
        var isFolder = target is OutputTarget.SdpaFolder;
        if (!isFolder && Directory.Exists(full))
            throw new InputException($"{target.Origin}: '{Show(target.Path)}' is a folder, not a file.");
        if (isFolder && File.Exists(full))
            throw new InputException($"{target.Origin}: '{Show(target.Path)}' is a file, not a folder.");
        var folder = isFolder ? full : Path.GetDirectoryName(full) ?? ".";
        try
        {
            if (!isFolder && AtomicFile.WritesInPlace(full))
            {
                // Written in place (a device, a pipe, an empty file): it must open for writing; its folder need not take files.
                using (new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
                return;
            }
            // A file where a folder must be (out.txt/r.json) is the usual mistake: name it.
            for (var above = folder; above is not null; above = Path.GetDirectoryName(above))
                if (File.Exists(above)) throw new IOException($"'{above}' is a file, not a folder");
            Directory.CreateDirectory(folder);
            // A file made and removed at once: the folder takes new files (the output is written as one and renamed).
            using (new FileStream(Path.Combine(folder, $".steer-probe-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
            // An existing file the user cannot write is not replaced behind their back.
            if (!isFolder && File.Exists(full))
                using (new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{target.Origin}: cannot write '{Show(target.Path)}': {Show(e.Message.TrimEnd('.'))}; checked before computing, nothing was run.");
        }
    }

    private static string Show(string path) => ScenarioLanguage.Printable(path);
}
