using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SteeringRng.Certification;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// samples/ghz3-finite.scn with its committed protocol, end to end: a simulated run (10⁶ seeded events per setting tuple
/// = γ n test rounds, seeded raw bits of all n rounds and seed), certified with both analyses, the bits extracted, the certificate
/// verified; the numbers against independent values: the asymptotic H_min of the same relaxation computed by the
/// ordinary run (not the finite-size code), the bounds k ≤ n(1 − γ)·H_min, the output length formula.
/// </summary>
public sealed class FiniteSampleTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void The_sample_runs_certifies_extracts_and_verifies()
    {
        foreach (var name in new[] { "ghz3-finite.scn", "ghz3-finite.protocol" })
            File.Copy(Path.Combine(CliRunner.Root, "samples", name), _f.PathOf(name));
        var protocol = _f.PathOf("ghz3-finite.protocol");

        var plan = CliRunner.Run("plan", protocol);
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Contains("the protocol's commitment line matches (committed)", plan.Stdout);

        const long n = 90_000_000, generation = 72_000_000;
        var counts = _f.PathOf("counts.csv");
        var export = CliRunner.Run("export", _f.PathOf("ghz3-finite.scn"), "--probabilities", counts, "--counts", "1000000", "--seed", "1");
        Assert.True(export.ExitCode == 0, export.Stderr);
        // The raw file holds every round's outcomes: n rounds of ⌈log2 d_O⌉ = 3 bits (d_O = 2³ outcome tuples per setting tuple).
        var raw = _f.Bytes("raw.bin", n * 3 / 8, seed: 2);
        var seed = _f.Bytes("seed.bin", n * 3 / 8 + 4_000_000, seed: 3);
        var bits = _f.PathOf("bits.bin");
        var certificate = _f.PathOf("run.json");
        var run = CliRunner.Run("finite", protocol, "--counts", counts, "--raw", raw, "--seed", seed, "--output", bits, "--certificate", certificate);
        Assert.True(run.ExitCode == 0, run.Stderr + run.Stdout);

        // H_min of Q1 at the model point by the ordinary asymptotic run.
        var loaded = CertificationEngine.Load(_f.PathOf("ghz3-finite.scn"));
        var row = CertificationEngine.Plan(loaded)[0].Execute(new InteriorPointSolver()).Rows.Single(r => r.Bound == "npa 1");
        var hmin = row.Hmin!.Value;
        Assert.InRange(hmin, 0.70, 0.72); // PRL 132, 080201 Fig. 2(a) region; 0.7083 in samples/ghz3-counts.scn's notes

        var c = JsonNode.Parse(File.ReadAllText(certificate))!;
        var eat = c["analyses"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "eat")!;
        var iid = c["analyses"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "iid")!;
        var k = eat["entropyBits"]!.GetValue<double>();
        // The EAT's asymptotic rate is (1 − γ)·H_min through the tangent at v = w_exp, where the dual is tight.
        Assert.Equal(0.8 * hmin, eat["terms"]!["asymptoticRate"]!.GetValue<double>(), 6);
        Assert.True(k > 0 && k <= n * 0.8 * hmin, $"EAT k = {k}");
        Assert.True(iid["entropyBits"]!.GetValue<double>() <= generation * hmin);
        // The published counts (E = 18 setting tuples × 8 outcome tuples, each in [0, n]) cost ⌈E log2(n + 1)⌉ bits.
        var published = (long)Math.Ceiling(18 * 8 * Math.Log2(n + 1.0));
        Assert.Equal(published, c["extractor"]!["publishedCountsBits"]!.GetValue<long>());
        Assert.Equal(k - published, c["extractor"]!["entropyBits"]!.GetValue<double>());
        var m = (long)Math.Floor(k - published - 128);
        Assert.Equal(m, c["extractor"]!["outputBits"]!.GetValue<long>());
        Assert.Equal((m + 7) / 8, new FileInfo(bits).Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(bits))), c["output"]!["sha256"]!.GetValue<string>());
        Assert.Equal(n * 3 + m - 1, c["extractor"]!["seedBits"]!.GetValue<long>());

        var verify = CliRunner.Run("verify", certificate);
        Assert.True(verify.ExitCode == 0, verify.Stdout + verify.Stderr);
        Assert.Contains("verified run certificate", verify.Stdout);
        Assert.Contains("re-extracted from the raw bits and seed: identical", verify.Stdout);
        Assert.Contains("dual re-proven here", verify.Stdout);
        // The i.i.d. number comes from the box relaxation, whose record verify re-proves on the box problem rebuilt from the data.
        Assert.Equal(1, iid["terms"]!["pguessByRelaxation"]!.GetValue<double>());
        Assert.Contains("box relaxation re-proven here", verify.Stdout);

        // verify re-proves each dual from its recorded point X̃ on the relaxation rebuilt from the committed scenario:
        // a lowered α (no longer implied by the proven one) and a damaged X̃ (X̂ not PSD) are located SR1246 failures.
        Tampered(certificate, "alpha.json", dual => dual["alpha"] = dual["alpha"]!.GetValue<double>() - 1e-3,
            "error SR1246: $.analyses[0].dual (EAT (general attacks, quantum side information)): the recorded α, λ are not implied by the re-proven ones");
        Tampered(certificate, "point.json", dual => dual["point"] = new JsonArray(dual["point"]!.AsArray().Select(x => (JsonNode?)JsonValue.Create(-x!.GetValue<double>())).ToArray()),
            "error SR1246: $.analyses[0].dual (EAT (general attacks, quantum side information)): its point X̃ does not re-prove: X̂ is not proven PSD");
        // The min-tradeoff function is fixed before the data: a reference v other than the declared one is refused,
        // even when the rest of the dual is self-consistent.
        Tampered(certificate, "reference.json", dual =>
            {
                var v = dual["reference"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
                (v[0], v[1]) = (v[0] + 1e-3, v[1] - 1e-3);
                dual["reference"] = new JsonArray(v.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
            },
            "error SR1246: $.analyses[0].dual.reference (EAT (general attacks, quantum side information)): the EAT dual's reference v[0] is ");
        // The i.i.d. box record: a lowered α no longer covers the re-proven optimum over the box; a damaged box point X̃ fails.
        const string iidDual = "error SR1246: $.analyses[1].dual (i.i.d. (valid only against i.i.d. attacks)): ";
        Tampered(certificate, "iid-alpha.json", dual => dual["alpha"] = dual["alpha"]!.GetValue<double>() - 1e-3,
            iidDual + "the recorded α, λ reach at most ", analysis: 1);
        Tampered(certificate, "iid-point.json", dual => dual["point"] = new JsonArray(dual["point"]!.AsArray().Select(x => (JsonNode?)JsonValue.Create(-x!.GetValue<double>())).ToArray()),
            iidDual + "its point X̃ does not re-prove on the box relaxation: X̂ is not proven PSD", analysis: 1);
    }

    private void Tampered(string certificate, string name, Action<JsonNode> change, string expected, int analysis = 0)
    {
        var c = JsonNode.Parse(File.ReadAllText(certificate))!;
        change(c["analyses"]![analysis]!["dual"]!);
        var path = _f.PathOf(name);
        File.WriteAllText(path, c.ToJsonString());
        var r = CliRunner.Run("verify", path);
        Assert.True(r.ExitCode == 11, r.Stdout + r.Stderr);
        Assert.Contains($"{path}: NOT VERIFIED: {path}: {expected}", r.Stdout);
    }
}
