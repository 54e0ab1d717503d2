using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer verify RUN.json</c>: a per-run certificate (written by <c>steer finite</c>) checked end to end by
/// <see cref="RunCertificateCheck"/>: parameters and hash, files, chain, statistics, entropy from the recorded duals,
/// output length, and the output re-extracted. A failure prints the located reason and makes verify exit 11.
/// </summary>
public static class RunCertificateVerification
{
    /// <summary>A run certificate is JSON (its first non-blank byte is '{'); relaxation certificates are SDPA text.</summary>
    public static bool IsRunCertificate(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            int b;
            while ((b = stream.ReadByte()) >= 0)
                if (!char.IsWhiteSpace((char)b)) return b == '{';
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <returns><see cref="ExitCodes.Optimal"/> when every check passed, <see cref="ExitCodes.NotVerified"/> otherwise.</returns>
    public static int Verify(string path, TextWriter stdout, IRunAnalysis? analysis = null)
    {
        try
        {
            var lines = RunCertificateCheck.Verify(path, analysis ?? new FiniteSizeRunAnalysis(), CancellationToken.None);
            stdout.WriteLine($"{path}: verified run certificate");
            foreach (var line in lines) stdout.WriteLine("  " + line);
            return ExitCodes.Optimal;
        }
        catch (Exception e) when (e is ScenarioInputException or FiniteSizeInputException)
        {
            stdout.WriteLine($"{path}: NOT VERIFIED: {e.Message}");
            return ExitCodes.NotVerified;
        }
    }
}
