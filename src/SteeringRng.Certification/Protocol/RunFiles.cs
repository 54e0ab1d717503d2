using System.Security.Cryptography;

namespace SteeringRng.Certification.Protocol;

/// <summary>Reading a run's files with plain, located refusals (missing, a folder, unreadable, too short, too large).</summary>
public static class RunFiles
{
    /// <summary>Largest counts CSV read whole (a counts file has one short row per event).</summary>
    public const long MaxCountsBytes = 64L << 20;

    public static long Length(string path, string origin)
    {
        if (Directory.Exists(path)) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, $"{origin} is a folder, not a file.");
        if (!File.Exists(path)) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, $"{origin}: file not found.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return stream.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, $"{origin} cannot be read: {e.Message}");
        }
    }

    /// <summary>The first <paramref name="count"/> bytes of a file.</summary>
    public static byte[] Prefix(string path, string origin, long count)
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
            throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, $"{origin} cannot be read: {e.Message}");
        }
    }

    public static string Text(string path, string origin)
    {
        var length = Length(path, origin);
        if (length > MaxCountsBytes) throw ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, $"{origin} holds {length} bytes; at most {MaxCountsBytes} are read.");
        return System.Text.Encoding.UTF8.GetString(Prefix(path, origin, length));
    }

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A path as the certificate records it: relative to the certificate's folder, '/' separated.</summary>
    public static string Relative(string certificatePath, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(certificatePath)) ?? ".";
        return Path.GetRelativePath(folder, Path.GetFullPath(path)).Replace('\\', '/');
    }

    /// <summary>A recorded path resolved against the certificate's folder.</summary>
    public static string Resolve(string certificatePath, string recorded)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(certificatePath)) ?? ".";
        return Path.GetFullPath(Path.Combine(folder, recorded));
    }
}
