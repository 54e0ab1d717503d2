using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Protocol;
using SteeringRng.Cli.Output;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer finite PROTOCOL --counts C --raw R --seed S --output BITS --certificate CERT [--previous PREV]</c>: one run of
/// a committed spot-checking protocol (docs/formulations/finite-protocol.md). The work is <see cref="FiniteRun"/>; this
/// class checks the output paths, honours Ctrl-C and writes the bits and the certificate atomically, only on success.
/// </summary>
public sealed class FiniteCommand(IRunAnalysis? analysis = null, CancellationToken external = default) : ICommand
{
    public string Name => "finite";

    public string Summary => "certify one run of a committed protocol (acceptance test, EAT and i.i.d. entropy), extract its bits, write a chained certificate";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer finite PROTOCOL --counts C.csv --raw RAW --seed SEED --output BITS --certificate CERT.json [--previous PREV.json]",
        "",
        "PROTOCOL fixes n, γ, the test statistics with their acceptance intervals, ε_s, ε_EA, ε_ext, the output length and",
        "the analysis (docs/formulations/finite-protocol.md); it must carry the 'commitment = sha256:…' line 'steer plan'",
        "prints, and the run is refused if any parameter (or the scenario) changed since.",
        "",
        "  --counts C.csv      the test rounds' counts (tidy counts CSV, docs/formulations/measured-probabilities.md); T = their total",
        "  --raw RAW           every round's recorded outcomes (test and generation): n rounds of ⌈log2 d_O⌉ bits, most",
        "                      significant bit first (finite-protocol.md §2); the EAT bounds the entropy of this whole record",
        "  --seed SEED         uniform seed bits for the Toeplitz extractor, at least n ⌈log2 d_O⌉ + m − 1",
        "  --output BITS       where the m certified bits go (written only when everything passed)",
        "  --certificate CERT  the per-run certificate (JSON): parameters and hash, data hashes, both analyses with their duals,",
        "                      extractor, seed and output hashes; check it with 'steer verify CERT'",
        "  --previous PREV     the previous run's certificate: this one records its SHA-256 (the chain)",
        "",
        "Aborts with the reason and exit code 3, writing nothing, when: the protocol is malformed or not committed or",
        "changed; the counts or raw bits do not fit it; a statistic lies outside its acceptance interval; the entropy",
        "allows fewer bits than declared; the seed is too short.",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var o = FiniteOptions.Parse(arguments);
        var inputs = new[] { ("the protocol", o.Protocol), ("--counts", o.Counts), ("--raw", o.Raw), ("--seed", o.Seed), ("--previous", o.Previous) };
        foreach (var (flag, path) in new[] { ("--output", o.Output), ("--certificate", o.Certificate) })
            foreach (var (origin, input) in inputs)
                if (input is not null && OutputCheck.Canonical(input) == OutputCheck.Canonical(path))
                    throw new InputException($"{flag} '{path}' is {origin} file; writing it would destroy an input. Choose another path.");
        OutputCheck.Check([new OutputTarget.DataFile("--output", o.Output), new OutputTarget.DataFile("--certificate", o.Certificate)], []);

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        FiniteRunResult result;
        try
        {
            result = FiniteRun.Execute(new FiniteRunRequest(o.Protocol, o.Counts, o.Raw, o.Seed, o.Output, o.Certificate, o.Previous),
                analysis ?? new FiniteSizeRunAnalysis(), cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("steer finite: interrupted; nothing was written.");
            return ExitCodes.Interrupted;
        }
        catch (FiniteSizeInputException e) { throw new InputException($"{o.Protocol}: error {e.Message}; nothing was written."); }
        finally { Console.CancelKeyPress -= onCancel; }

        // The bits first, then the certificate that vouches for them: a certificate never names bits that are not there.
        AtomicFile.Write(o.Output, temporary => File.WriteAllBytes(temporary, result.OutputBits));
        AtomicFile.Write(o.Certificate, temporary => File.WriteAllBytes(temporary, result.CertificateBytes));
        foreach (var line in result.Summary) stdout.WriteLine(line);
        stdout.WriteLine($"wrote     {o.Output} ({result.OutputBits.Length} bytes) and {o.Certificate}");
        return ExitCodes.Optimal;
    }
}
