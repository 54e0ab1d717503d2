namespace SteeringRng.Cli.Output;

/// <summary>
/// Writes a file through a temporary file in the same folder, renamed over the target at the end: an interrupted or
/// failed write leaves the old file (or none), never half a file. (A rename within one folder is atomic.)
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The file to write.</param>
    /// <param name="writeTemporary">Writes the whole content to the path it is given (same folder and extension as
    /// <paramref name="path"/>, so writers that choose a format by extension still do).</param>
    public static void Write(string path, Action<string> writeTemporary)
    {
        if (WritesInPlace(path))
        {
            writeTemporary(path);
            return;
        }
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            // After a successful move the temporary name is gone; after a failure it must not stay behind.
            try { File.Delete(temporary); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// True for an existing empty file: it is written in place. That covers devices and pipes (/dev/stdout, /dev/null,
    /// a FIFO), which report length 0 and must be written, not renamed over (which would replace the device itself);
    /// .NET does not tell them from regular files, and an empty file holds nothing a half write could destroy.
    /// </summary>
    public static bool WritesInPlace(string path) => File.Exists(path) && new FileInfo(path).Length == 0;
}
