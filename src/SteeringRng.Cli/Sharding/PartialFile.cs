using SteeringRng.Cli.Commands;
using SteeringRng.Cli.Output;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Sharding;

/// <summary>Writes and reads partial-result files; each is written whole or not at all (<see cref="AtomicFile"/>), so a
/// shard killed by the scheduler leaves no half file that a merge could mistake for a part.</summary>
public static class PartialFile
{
    public static void Write(PartialReport partial, string path)
    {
        try
        {
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (parent is not null) Directory.CreateDirectory(parent);
            var text = PartialJsonWriter.ToJson(partial);
            AtomicFile.Write(path, temporary => File.WriteAllText(temporary, text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write '{path}': {e.Message}");
        }
    }

    /// <exception cref="InputException">The file cannot be read, is truncated or not JSON, or is not a partial result.</exception>
    public static PartialReport Read(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read part '{path}': {e.Message}");
        }
        try { return PartialJsonReader.Parse(text); }
        catch (ReportFormatException e)
        {
            throw new InputException($"part '{path}' is truncated or not a partial result of steer run --shard: {e.Message}");
        }
    }
}
