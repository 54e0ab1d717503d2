namespace SteeringRng.Certification.Input;

/// <summary>
/// The length and the leading bytes of a regular file, with every refusal (missing, a folder, unreadable, shorter than
/// asked) handed to the caller as the tail of a sentence, so that each command words its own located error around it.
/// </summary>
public static class FilePrefix
{
    /// <param name="refuse">Builds the caller's exception from a reason such as " is a folder, not a file.".</param>
    public static long Length(string path, Func<string, Exception> refuse)
    {
        if (Directory.Exists(path)) throw refuse(" is a folder, not a file.");
        if (!File.Exists(path)) throw refuse(": file not found.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return stream.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw refuse($" cannot be read: {e.Message}");
        }
    }

    /// <summary>The first <paramref name="count"/> bytes (a seed file may be a larger pool than one run needs).</summary>
    public static byte[] Prefix(string path, long count, Func<string, Exception> refuse)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var bytes = new byte[count];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            throw refuse($" cannot be read: {e.Message}");
        }
    }
}
