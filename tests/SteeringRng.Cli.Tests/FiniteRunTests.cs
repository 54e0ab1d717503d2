using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Protocol;
using SteeringRng.Cli.Output;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Runs of a small committed protocol (n = 9000 rounds: 100 test rounds per setting tuple, 7200 generation rounds; the raw
/// file holds every round's ⌈log2 8⌉ = 3 bits) with a stand-in analysis of known entropy 0.5 · 27000 = 13500 bits: k less
/// the published counts' cost, the output against a naive GF(2) Toeplitz product, the output length formula, the chain of
/// two runs, and verification failing, located, on every tampering.
/// </summary>
public sealed class FiniteRunTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();
    private readonly FixedFractionAnalysis _analysis = new(0.5);

    public void Dispose() => _f.Dispose();

    /// <summary>n = 9000 rounds of ⌈log2 d_O⌉ bits, d_O = 8: the 2³ outcome tuples of each test setting tuple (the guess has 4).</summary>
    private const long RawBits = 9000 * 3;

    /// <summary>E = 18 setting tuples × 8 outcome tuples counts, each in [0, n]: ⌈E log2(n + 1)⌉, here in floating point
    /// (the code counts the bits of (n + 1)^E − 1 exactly); 144 · 13.1359 = 1891.57.</summary>
    private static readonly long Published = (long)Math.Ceiling(18 * 8 * Math.Log2(9000 + 1));

    /// <summary>⌊k − 2 log2(1/ε_ext)⌋, k = 0.5 · RawBits − Published, ε_ext = 2^-64.</summary>
    private static long OutputBits => (long)Math.Floor(0.5 * RawBits - Published) - 128;

    private string _protocol = "";

    private FiniteRunRequest Setup(string outputBits = "max", long seedBytes = 6000)
    {
        _protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(9000, 0.2, 0.3, outputBits));
        _f.Counts("counts.csv", 100);
        _f.Bytes("raw.bin", RawBits / 8, seed: 2);
        _f.Bytes("seed.bin", seedBytes, seed: 3);
        return new FiniteRunRequest(_protocol, _f.PathOf("counts.csv"), _f.PathOf("raw.bin"), _f.PathOf("seed.bin"), _f.PathOf("bits1.bin"), _f.PathOf("run1.json"), null);
    }

    private static void Write(FiniteRunRequest r, FiniteRunResult result)
    {
        AtomicFile.Write(r.Output, t => File.WriteAllBytes(t, result.OutputBits));
        AtomicFile.Write(r.Certificate, t => File.WriteAllBytes(t, result.CertificateBytes));
    }

    private static bool Bit(byte[] bytes, long t) => (bytes[t / 8] >> (int)(7 - t % 8) & 1) == 1;

    [Fact]
    public void The_output_is_the_Toeplitz_product_and_two_runs_chain_and_verify()
    {
        var request = Setup();
        var result = FiniteRun.Execute(request, _analysis, CancellationToken.None);
        Write(request, result);
        Assert.Equal(1892, Published);
        Assert.Equal(Published, result.Certificate.Extractor.PublishedCountsBits);
        Assert.Equal(0.5 * RawBits - Published, result.Certificate.Extractor.EntropyBits);
        Assert.Equal(RawBits, result.Certificate.Extractor.InputBits);
        Assert.Equal(11480, OutputBits);
        Assert.Equal(OutputBits, result.Certificate.Extractor.OutputBits);
        Assert.Equal((OutputBits + 7) / 8, result.OutputBits.Length);

        // y_i = Σ_j T[i][j] x_j over GF(2), T[i][j] = s[i − j + n − 1] (docs/formulations/extraction.md), naively.
        var x = File.ReadAllBytes(request.Raw);
        var s = File.ReadAllBytes(request.Seed);
        for (long i = 0; i < OutputBits; i++)
        {
            var y = false;
            for (long j = 0; j < RawBits; j++) y ^= Bit(x, j) & Bit(s, i - j + RawBits - 1);
            Assert.True(y == Bit(result.OutputBits, i), $"output bit {i}");
        }

        var lines = RunCertificateCheck.Verify(request.Certificate, _analysis, CancellationToken.None);
        Assert.Contains(lines, l => l.StartsWith("chain      run 1"));

        var second = request with { Output = _f.PathOf("bits2.bin"), Certificate = _f.PathOf("run2.json"), Previous = request.Certificate };
        var result2 = FiniteRun.Execute(second, _analysis, CancellationToken.None);
        Write(second, result2);
        Assert.Equal(2, result2.Certificate.Sequence);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(request.Certificate))), result2.Certificate.Previous!.Sha256);
        Assert.Contains(RunCertificateCheck.Verify(second.Certificate, _analysis, CancellationToken.None), l => l.StartsWith("chain      run 2 follows run1.json"));

        // The previous certificate changed after it was chained to: the chain breaks.
        File.AppendAllText(request.Certificate, " ");
        var e = Assert.Throws<ScenarioInputException>(() => RunCertificateCheck.Verify(second.Certificate, _analysis, CancellationToken.None));
        Assert.StartsWith($"{second.Certificate}: error SR1243: $.previous: run1.json ", e.Message); // its size or its hash
    }

    public static TheoryData<string, string> Tamperings => new()
    {
        { "entropy", "error SR1244: the Eat entropy is recorded as 13600 bits; recomputed from its dual and the data it is 13500 bits." },
        { "published", "error SR1244: $.extractor.publishedCountsBits is 1000; E = 144 counts, each in [0, n = 9000], give ⌈E log2(n + 1)⌉ = 1892." },
        { "format", "error SR1241: $.format is 'steer run certificate 1', not 'steer run certificate 2': format 1 extracted from the generation rounds' outcomes alone" },
        { "canonical", "error SR1242: $.protocol.canonical hashes to sha256:" },
        { "protocol", "error SR1242: the protocol p.protocol (with its scenario) now hashes to sha256:" },
        { "counts", "error SR1242: $.counts: counts.csv " }, // its size or its hash
        { "raw", "error SR1242: $.raw: raw.bin hashes to SHA-256" },
        { "output", "error SR1242: $.output: bits1.bin hashes to SHA-256" },
        { "output-bits", "error SR1244: $.extractor.outputBits is 11481; the protocol gives m = 11480" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Verification_fails_located_on_every_tampering(string what, string message)
    {
        var request = Setup();
        Write(request, FiniteRun.Execute(request, _analysis, CancellationToken.None));
        var cert = request.Certificate;
        JsonNode Json() => JsonNode.Parse(File.ReadAllText(cert))!;
        void Save(JsonNode j) => File.WriteAllText(cert, j.ToJsonString());
        switch (what)
        {
            case "entropy": { var j = Json(); j["analyses"]![0]!["entropyBits"] = 13600.0; Save(j); break; }
            case "published": { var j = Json(); j["extractor"]!["publishedCountsBits"] = 1000; Save(j); break; }
            case "format": { var j = Json(); j["format"] = "steer run certificate 1"; Save(j); break; }
            case "canonical": { var j = Json(); j["protocol"]!["canonical"] = j["protocol"]!["canonical"]!.GetValue<string>().Replace("tolerance=0.3", "tolerance=0.4"); Save(j); break; }
            case "output-bits": { var j = Json(); j["extractor"]!["outputBits"] = OutputBits + 1; Save(j); break; }
            case "protocol":
                // A changed parameter, even re-committed: the run was certified under the old one.
                _f.Committed("p.protocol", FiniteRunFixture.Protocol(9000, 0.2, 0.25));
                break;
            case "counts":
                var lines = File.ReadAllLines(request.Counts);
                var fields = lines[1].Split(',');
                fields[^1] = (long.Parse(fields[^1]) + 1).ToString();
                lines[1] = string.Join(",", fields);
                File.WriteAllLines(request.Counts, lines);
                break;
            case "raw": Flip(request.Raw); break;
            case "output": Flip(request.Output); break;
        }
        var e = Assert.Throws<ScenarioInputException>(() => RunCertificateCheck.Verify(cert, _analysis, CancellationToken.None));
        Assert.StartsWith($"{cert}: ", e.Message);
        Assert.Contains(message, e.Message);

        // The same through steer verify (the real analyses; the hash and parameter tamperings are found before them).
        if (what is not ("entropy" or "output-bits" or "published"))
        {
            var r = CliRunner.Run("verify", cert);
            Assert.Equal(11, r.ExitCode);
            Assert.Contains($"{cert}: NOT VERIFIED: {cert}: ", r.Stdout);
            Assert.Contains(message, r.Stdout);
        }
    }

    private static void Flip(string path)
    {
        var b = File.ReadAllBytes(path);
        b[b.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, b);
    }

    [Fact]
    public void An_output_longer_than_the_entropy_allows_is_refused()
    {
        var request = Setup(outputBits: "12000");
        var e = Assert.Throws<ScenarioInputException>(() => FiniteRun.Execute(request, _analysis, CancellationToken.None));
        Assert.Contains("error SR1239: the declared output-bits = 12000 is longer than the entropy allows: at most m = ⌊k − 2 log2(1/ε_ext)⌋ = ⌊11608 − 128⌋ = 11480 bits (Eat, less 1892 bits for the published counts)", e.Message);
    }

    [Fact]
    public void A_seed_too_short_is_refused_with_the_length_needed()
    {
        var request = Setup(seedBytes: 100);
        var e = Assert.Throws<ScenarioInputException>(() => FiniteRun.Execute(request, _analysis, CancellationToken.None));
        Assert.Equal($"{request.Seed}: error SR1240: the seed is too short: 800 bits (100 bytes), but n + m − 1 = 27000 + 11480 − 1 = 38479 bits (4810 bytes) are needed.", e.Message);
    }

    [Theory]
    [InlineData(3, 1, 3)]        // (1 + 1)^3 = 2^3: exactly 3 bits, no rounding up
    [InlineData(144, 0, 0)]      // n = 0: one possible table
    [InlineData(1, 2, 2)]        // 3 values: ⌈log2 3⌉ = 2
    [InlineData(144, 9000, 1892)] // ⌈144 · log2 9001⌉ = ⌈1891.57⌉
    public void The_published_counts_cost_is_the_least_b_with_2_to_the_b_at_least_the_number_of_count_tables(int events, long rounds, long bits)
    {
        Assert.Equal(bits, PublishedCounts.Bits(events, rounds));
        Assert.InRange(PublishedCounts.Bits(events, rounds), events * Math.Log2(rounds + 1.0) - 1e-9, events * Math.Log2(rounds + 1.0) + 1);
    }
}
