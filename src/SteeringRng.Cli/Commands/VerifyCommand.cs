using System.Diagnostics;
using System.Globalization;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer verify FILE.cert</c>: re-checks a certificate written by <c>steer run --certificates DIR</c> in exact
/// rational arithmetic, without any solver, and prints the bound it proves (docs/formulations/certificates.md).
/// </summary>
public sealed class VerifyCommand : ICommand
{
    public string Name => "verify";

    public string Summary => "re-check a certificate file in exact arithmetic (no solver) and print the bound it proves (a relaxation row's SDP certificate or a steering-test witness); a run certificate (steer finite) end to end";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer verify FILE.cert... | RUN.json...",
        "",
        "Each FILE holds a relaxation as an SDP (SDPA format), its offset and the solver's primal X (written by",
        "'steer run --certificates DIR'). The check, in exact rational arithmetic (System.Numerics.BigInteger) and",
        "without a solver: X is moved exactly onto <A_i, X> = b_i, proven positive semidefinite (a floating-point",
        "Cholesky factor L as a hint, the residual X - s I - L L^T computed exactly), and then by weak duality",
        "  value <= offset - <C, X^>   for every feasible point of the relaxation.",
        "Prints that bound (rounded up), and H_min >= -log2 of it (rounded down) for a guessing probability.",
        "A steering-test witness certificate (also written by 'steer run --certificates DIR') is checked without the",
        "solver or the LHS model: every deterministic strategy is enumerated and sum_x (F + s I)_{lambda(x)|x} proven PSD,",
        "beta(sigma) and beta(sigma_white) recomputed exactly, and the claimed v* bound, verdict and critical parameter",
        "checked against them (errors SR1250-SR1257 name the line or the strategy). Ctrl-C stops it (exit 10).",
        "A run certificate (JSON, written by 'steer finite') is checked end to end instead: the committed parameters and",
        "their hash, every file's SHA-256, the chain to the previous certificate, the statistics and acceptance, each",
        "analysis's entropy recomputed from its recorded dual, the output length, and the output re-extracted.",
        "Exit 0 when every file proves a bound, 11 when one does not (the reason is printed), 3 for an unreadable file.",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        if (arguments.Count == 0) throw new UsageException("no certificate file given.");
        foreach (var a in arguments)
            if (a.StartsWith('-') && a.Length > 1) throw new UsageException($"unknown option '{a}'.");
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try { return VerifyAll(arguments, stdout, cancellation.Token); }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("steer verify: interrupted.");
            return ExitCodes.Interrupted;
        }
        finally { Console.CancelKeyPress -= onCancel; }
    }

    private static int VerifyAll(IReadOnlyList<string> arguments, TextWriter stdout, CancellationToken cancellation)
    {
        var code = ExitCodes.Optimal;
        foreach (var path in arguments)
        {
            if (WitnessCertificateVerification.IsWitnessCertificate(path))
            {
                if (WitnessCertificateVerification.Verify(path, stdout, cancellation) != ExitCodes.Optimal) code = ExitCodes.NotVerified;
                continue;
            }
            if (RunCertificateVerification.IsRunCertificate(path)) { if (RunCertificateVerification.Verify(path, stdout) != ExitCodes.Optimal) code = ExitCodes.NotVerified; continue; }
            var file = Load(path);
            var clock = Stopwatch.StartNew();
            var (side, bound) = file.Verify();
            var seconds = clock.Elapsed.TotalSeconds;
            if (!side.Certified)
            {
                stdout.WriteLine($"{path}: NOT VERIFIED: {side.Reason}");
                code = ExitCodes.NotVerified;
                continue;
            }
            var line = string.Create(CultureInfo.InvariantCulture, $"{path}: verified: {file.Quantity} <= {bound:R}");
            if (file.Quantity == "P_g")
            {
                var h = SteeringRng.Certification.Results.MinEntropy.CertifiedBits(bound);
                line += string.Create(CultureInfo.InvariantCulture, $", H_min >= {h:R} bits");
            }
            stdout.WriteLine(line);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {side.Method}; {seconds:F2} s"));
            foreach (var note in file.Notes) stdout.WriteLine($"  relaxation: {note}");
        }
        return code;
    }

    private static CertificateFile Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(Directory.Exists(path) ? $"'{path}' is a folder, not a certificate file." : $"file not found: '{path}'.");
        try
        {
            using var reader = new StreamReader(path);
            return CertificateFile.Read(reader);
        }
        catch (FormatException e) { throw new InputException($"{path}: malformed certificate: {e.Message}"); }
        catch (ArgumentException e) { throw new InputException($"{path}: malformed certificate: {e.Message}"); }
        catch (IOException e) { throw new InputException($"cannot read '{path}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new InputException($"cannot read '{path}': permission denied."); }
    }
}
