using System.Security.Cryptography;
using SteeringRng.Certification.Input;

namespace SteeringRng.Certification.Protocol;

/// <summary>Reading a run's files with plain, located refusals (missing, a folder, unreadable, too short, too large).</summary>
public static class RunFiles
{
    /// <summary>Largest counts CSV read whole (a counts file has one short row per event).</summary>
    public const long MaxCountsBytes = 64L << 20;

    public static long Length(string path, string origin) => FilePrefix.Length(path, Refusal(path, origin));

    /// <summary>The first <paramref name="count"/> bytes of a file.</summary>
    public static byte[] Prefix(string path, string origin, long count) => FilePrefix.Prefix(path, count, Refusal(path, origin));

    private static Func<string, Exception> Refusal(string path, string origin) =>
        reason => ProtocolDiagnostics.In(path, ProtocolDiagnostics.RunData, origin + reason);

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
