namespace SteeringRng.Cli.Tests;

/// <summary>
/// steer run --certificates writes a witness certificate per steering-test row and steer verify re-checks it without the
/// solver (docs/formulations/certificates.md, "Witness certificate files"): GHZ with X, Y, Z is fully LHS exactly up to
/// μ* = 3/7, so at μ = 1 the proven v* bound and critical μ must lie in [3/7, 3/7 + 1e-7]. A changed claim exits 11 with
/// the code and line; a malformed file exits 3 with file:line.
/// </summary>
public class WitnessVerifyCommandTests
{
    private static (ScenarioFolder Folder, string File) Written()
    {
        var folder = new ScenarioFolder("steer-witness-");
        var scn = folder.Write("ghz.scn", """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 1
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y Z
            objective joint = guess Bob.X, Charlie.X
            bounds steering
            """);
        var certs = Path.Combine(folder.Path, "certs");
        Assert.Equal(0, CliRunner.Run("run", scn, "--certificates", certs).ExitCode);
        return (folder, Directory.GetFiles(certs, "*steering*.cert").Single());
    }

    [Fact]
    public void Verify_ProvesSteerable_AndTheCriticalMuWithin1e7OfThreeSevenths()
    {
        var (folder, file) = Written();
        using var _ = folder;
        var r = CliRunner.Run("verify", file);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("verified steering witness", r.Stdout);
        Assert.Contains("steerable: proven", r.Stdout);
        var line = r.Stdout.Split('\n').Single(l => l.Contains("critical mu ≤ "));
        var mu = double.Parse(line.Split("critical mu ≤ ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(mu, 3.0 / 7.0, 3.0 / 7.0 + 1e-7);
    }

    [Fact]
    public void Verify_AClaimedSmallerVisibility_Exits11_NamingTheLine()
    {
        var (folder, file) = Written();
        using var _ = folder;
        var lines = File.ReadAllLines(file);
        var i = Array.FindIndex(lines, l => l.StartsWith("visibility "));
        lines[i] = "visibility 1/4";
        File.WriteAllLines(file, lines);
        var r = CliRunner.Run("verify", file);
        Assert.Equal(11, r.ExitCode);
        Assert.Contains("NOT VERIFIED: error SR1253", r.Stdout);
        Assert.Contains($"(line {i + 1})", r.Stdout);
    }

    [Fact]
    public void Verify_AMalformedEntry_Exits3_WithFileAndLine()
    {
        var (folder, file) = Written();
        using var _ = folder;
        var lines = File.ReadAllLines(file);
        var i = Array.IndexOf(lines, "sigma") + 1;
        lines[i] = "0,0 0,0 0 0 zero 0";
        File.WriteAllLines(file, lines);
        var r = CliRunner.Run("verify", file);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains($":{i + 1}: error SR1250:", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}
