namespace SteeringRng.Cli.Tests;

/// <summary>
/// steer sdp --certify (enclosures of literature optima), steer run --certificates + steer verify (exact re-check of
/// the written files, no solver), and bad input to verify (located message, exit code, no stack trace).
/// </summary>
public class CertificateCommandTests
{
    [Fact]
    public void SdpCertify_EnclosesTheI3322Level2Value_WithTheTraceBound()
    {
        var r = CliRunner.Run("sdp", CliRunner.TestData("i3322-npa2.dat-s"), "--certify", "--trace-bound", "28", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var c = doc.RootElement.GetProperty("certificate");
        var lower = c.GetProperty("lower").GetProperty("bound").GetDouble();
        var upper = c.GetProperty("upper").GetProperty("bound").GetDouble();
        Assert.InRange(-0.2509397216, lower - 5e-11, upper + 5e-11);
        Assert.True(upper - lower < 1e-7);
    }

    [Fact]
    public void SdpCertify_WithoutTraceBound_SaysWhichSideIsCertified()
    {
        var r = CliRunner.Run("sdp", CliRunner.TestData("theta-c5.dat-s"), "--certify");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("enclosure  [", r.Stdout);
    }

    [Fact]
    public void RunCertificates_ThenVerify_ProvesTheExactNsBound()
    {
        using var folder = new ScenarioFolder("steer-cert-");
        var scn = folder.Write("ghz.scn", """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = [0.6, 0.65]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds ns
            """);
        var certs = Path.Combine(folder.Path, "certs");
        var run = CliRunner.Run("run", scn, "--certificates", certs);
        Assert.Equal(0, run.ExitCode);
        var files = Directory.GetFiles(certs, "*.cert").OrderBy(f => f).ToArray();
        Assert.Equal(2, files.Length);
        var verify = CliRunner.Run(["verify", .. files]);
        Assert.Equal(0, verify.ExitCode);
        // Exact NS values P_g = 1.5 − μ: 0.9 and 0.85; each proven bound must be at least that and within 1e-7.
        foreach (var (mu, exact) in new[] { ("0.6", 0.9), ("0.65", 0.85) })
        {
            var line = verify.Stdout.Split('\n').Single(l => l.Contains($"mu={mu}.cert: verified"));
            var bound = double.Parse(line.Split("P_g <= ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(bound, exact, exact + 1e-7);
        }
    }

    [Fact]
    public void Verify_TamperedX_IsNotVerified_OrStillAValidBound()
    {
        using var folder = new ScenarioFolder("steer-cert-");
        var scn = folder.Write("ghz.scn", """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.6
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds ns
            """);
        var certs = Path.Combine(folder.Path, "certs");
        Assert.Equal(0, CliRunner.Run("run", scn, "--certificates", certs).ExitCode);
        var file = Directory.GetFiles(certs, "*.cert").Single();
        var lines = File.ReadAllLines(file).ToList();
        var x = lines.IndexOf("#x");
        // Negate every entry of X. The verifier may still prove a bound (entries fixed by the constraints are recomputed
        // exactly), but never one below the exact NS value 1.5 − 0.6 = 0.9.
        for (var i = x + 1; i < lines.Count; i++)
        {
            var f = lines[i].Split(' ');
            if (f.Length == 4) lines[i] = $"{f[0]} {f[1]} {f[2]} {(f[3].StartsWith('-') ? f[3][1..] : "-" + f[3])}";
        }
        File.WriteAllLines(file, lines);
        var r = CliRunner.Run("verify", file);
        if (r.ExitCode == ExitCodes.NotVerified) { Assert.Contains("NOT VERIFIED", r.Stdout); return; }
        Assert.Equal(0, r.ExitCode);
        var bound = double.Parse(r.Stdout.Split("P_g <= ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(bound >= 0.9, $"tampered certificate proved {bound} < 0.9");
    }

    [Fact]
    public void Verify_MalformedFile_IsAnInputError_WithTheReason()
    {
        using var folder = new ScenarioFolder("steer-cert-");
        var bad = folder.Write("bad.cert", "\"steer certificate 1\n\"quantity P_g\n\"offset 0.5\n1 = mdim\n1 = nblocks\n2\n1\n0 1 1 1 1\n1 1 1 1 1\n#x\n1 1 oops 1\n");
        var r = CliRunner.Run("verify", bad);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("expected 'block row col value'", r.Stderr + r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal(ExitCodes.InputError, CliRunner.Run("verify", Path.Combine(folder.Path, "missing.cert")).ExitCode);
    }
}
