using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Certificates;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer verify FILE.cert</c> for a steering-test witness certificate (first line "steer witness certificate 1"):
/// read (a malformed file is an input error naming the line, SR1250) and re-checked by <see cref="WitnessCertificateCheck"/>
/// without the solver and without the LHS model; prints what is proven, or "NOT VERIFIED" with the located reason.
/// </summary>
public static class WitnessCertificateVerification
{
    public static bool IsWitnessCertificate(string path) => File.Exists(path) && WitnessCertificateReader.IsWitnessCertificate(path);

    /// <returns><see cref="ExitCodes.Optimal"/> when every claim is proven, <see cref="ExitCodes.NotVerified"/> otherwise.</returns>
    /// <exception cref="InputException">The file is unreadable or malformed.</exception>
    /// <exception cref="OperationCanceledException">Ctrl-C.</exception>
    public static int Verify(string path, TextWriter stdout, CancellationToken cancellation)
    {
        WitnessCertificate certificate;
        try
        {
            using var reader = new StreamReader(path);
            certificate = WitnessCertificateReader.Read(reader);
        }
        catch (WitnessCertificateFormatException e) { throw new InputException($"{path}:{e.Line}: error {WitnessCertificateFormatException.Code}: {e.Message}"); }
        catch (IOException e) { throw new InputException($"cannot read '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new InputException($"cannot read '{path}': permission denied."); }
        var clock = Stopwatch.StartNew();
        var result = WitnessCertificateCheck.Verify(certificate, cancellation);
        if (result.Failure is { } failure)
        {
            stdout.WriteLine($"{path}: NOT VERIFIED: {failure}");
            return ExitCodes.NotVerified;
        }
        stdout.WriteLine($"{path}: verified steering witness");
        foreach (var line in result.Proven) stdout.WriteLine("  " + line);
        foreach (var note in certificate.Notes) stdout.WriteLine("  " + note);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds:F2} s"));
        return ExitCodes.Optimal;
    }
}
