using System.Text;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Input;

/// <summary>
/// Reads a text file without ever holding more than a limit of it: a file that proves longer (a huge file, or an
/// endless device such as /dev/zero, whose reported length is 0) is <see cref="FileContent.TooLarge"/> as soon as
/// one byte past the limit has been read. The limits are the language's (<see cref="InputLimits"/>).
/// </summary>
public static class BoundedFile
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>The file's bytes (a binary data file such as an assemblage in .npy), with the same limit as <see cref="Read"/>.</summary>
    /// <exception cref="IOException">The file exists but cannot be read, or is a pipe, socket or terminal.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileBytes ReadBytes(string path, long maxBytes) =>
        ReadRaw(path, maxBytes) is { } bytes ? FileBytes.NewBytes(bytes.ToArray()) : File.Exists(path) && !Directory.Exists(path) ? FileBytes.TooLarge : FileBytes.NotFound;

    /// <exception cref="IOException">The file exists but cannot be read, or is a pipe, socket or terminal.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileContent Read(string path, long maxBytes)
    {
        if (!File.Exists(path)) return FileContent.NotFound;
        if (ReadRaw(path, maxBytes) is not { } bytes) return FileContent.TooLarge;
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(bytes, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return FileContent.NewText(reader.ReadToEnd());
    }

    // The file's bytes, or null when it does not exist or proves longer than maxBytes.
    private static MemoryStream? ReadRaw(string path, long maxBytes)
    {
        if (!File.Exists(path)) return null;
        // Never blocks in open (a FIFO without a writer); refuses pipes, sockets and terminals (NonBlockingOpen).
        using var stream = NonBlockingOpen.ForReading(path);
        // A regular file says its size up front; devices and pipes do not, so the loop below is the real bound.
        if (stream.CanSeek && stream.Length > maxBytes) return null;
        var bytes = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        while (true)
        {
            var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - bytes.Length);
            var read = stream.Read(chunk, 0, wanted);
            if (read == 0) break;
            bytes.Write(chunk, 0, read);
            if (bytes.Length > maxBytes) return null;
        }
        bytes.Position = 0;
        return bytes;
    }
}
