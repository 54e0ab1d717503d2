using System.Globalization;
using System.Text.Json;
using SteeringRng.Cli.Commands;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Every exported SDPA file is self-describing: its header gives the offset as a number and the sign, so that solving
/// the file alone (here with the built-in solver through <c>steer sdp</c>) reproduces what <c>steer run</c> reports:
/// P_g = offset − ⟨C, X⟩ for ns, global and npa, v* = 0 + ⟨C, X⟩ for the steering test, Bell value = offset − ⟨C, X⟩.
/// </summary>
public sealed class ExportHeaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Ghz = """
        scenario "GHZ export"
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = 0.8
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Z
        objective joint = guess Bob.X, Charlie.X
        bounds ns, npa 1, npa "1+B0|1C0|0", global, steering
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The header's offset line: "offset 0.25: P_g = offset - &lt;C,X&gt;, …".</summary>
    private static (string Quantity, double Offset, int Sign) HeaderOf(string file)
    {
        var line = File.ReadLines(file).TakeWhile(l => l.StartsWith('"')).Single(l => l.StartsWith("\"offset ", StringComparison.Ordinal));
        var colon = line.IndexOf(':');
        var offset = double.Parse(line["\"offset ".Length..colon], NumberStyles.Float, CultureInfo.InvariantCulture);
        var formula = line[(colon + 2)..];
        var quantity = formula[..formula.IndexOf(" = offset", StringComparison.Ordinal)];
        var sign = formula.Contains("= offset - <C,X>") ? -1 : formula.Contains("= offset + <C,X>") ? 1 : 0;
        Assert.NotEqual(0, sign);
        return (quantity, offset, sign);
    }

    /// <summary>⟨C, X⟩ of the file, solved alone by the built-in solver.</summary>
    private static double Optimum(string file)
    {
        var r = CliRunner.Run("sdp", file, "--json");
        Assert.True(r.ExitCode == ExitCodes.Optimal, $"{Path.GetFileName(file)}: {r.ExitCode} {r.Stdout} {r.Stderr}");
        using var json = JsonDocument.Parse(r.Stdout);
        return json.RootElement.GetProperty("primalObjective").GetDouble();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryExportedFile_SolvedAlone_ReproducesTheValueOfSteerRun(bool noSymmetry)
    {
        var scenario = Write("ghz.scn", Ghz);
        var json = Path.Combine(_dir, "run.json");
        var flags = noSymmetry ? new[] { "--no-symmetry" } : [];
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run(["run", scenario, "--json", json, .. flags]).ExitCode);
        var rows = ReportJsonReader.Parse(File.ReadAllText(json)).Rows;
        var folder = Path.Combine(_dir, "sdpa");
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run(["export", scenario, "--sdpa", folder, .. flags]).ExitCode);
        var files = Directory.GetFiles(folder);
        Assert.Equal(5, files.Length);
        foreach (var row in rows)
        {
            var file = files.Single(f => Path.GetFileName(f).StartsWith(
                (row.Bound == "steering" ? "steering-test_steering" : "joint_" + row.Bound.Replace(' ', '-').Replace('|', '-')) + ".dat-s",
                StringComparison.Ordinal));
            var (quantity, offset, sign) = HeaderOf(file);
            var value = offset + sign * Optimum(file);
            var text = File.ReadAllText(file);
            Assert.Contains("\"sign convention: <C,X> is the optimal value of (P) max <C,X>", text);
            if (row.Bound == "steering")
            {
                Assert.Equal(("v*", 0.0, 1), (quantity, offset, sign));
                Assert.Equal(row.CriticalVisibility!.Value, value, 1e-6);
                Assert.Contains("\"meaning: v* is the critical visibility of this point's assemblage against white noise", text);
            }
            else
            {
                Assert.Equal("P_g", quantity);
                Assert.Equal(row.Pguess!.Value, value, 1e-6);
                Assert.Contains($"\"meaning: P_g is the {row.Bound} relaxation's upper bound on Eve's probability of guessing the outcomes of objective 'joint'", text);
            }
        }
    }

    [Fact]
    public void A_Bell_file_gives_the_Bell_value_from_its_offset()
    {
        var chsh = Path.Combine(CliRunner.Root, "samples", "chsh.scn");
        var folder = Path.Combine(_dir, "chsh");
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("export", chsh, "--sdpa", folder).ExitCode);
        foreach (var (bound, expected) in new[] { ("ns", 4.0), ("npa-1", 2 * Math.Sqrt(2)) })
        {
            var file = Path.Combine(folder, $"chsh_{bound}.dat-s");
            var (quantity, offset, sign) = HeaderOf(file);
            Assert.Equal("Bell value", quantity);
            Assert.Equal(expected, offset + sign * Optimum(file), 1e-6);
        }
    }

    [Fact]
    public void Scenario_K_exports_one_scenario_straight_into_the_folder_and_a_file_of_several_gets_scenario_folders()
    {
        var two = Write("two.scn", Ghz.Replace("bounds ns, npa 1, npa \"1+B0|1C0|0\", global, steering", "bounds ns") + "\n" +
                                   Ghz.Replace("GHZ export", "GHZ second").Replace("bounds ns, npa 1, npa \"1+B0|1C0|0\", global, steering", "bounds global"));
        var all = Path.Combine(_dir, "all");
        Assert.Equal(ExitCodes.Optimal, CliRunner.Run("export", two, "--sdpa", all).ExitCode);
        Assert.Equal(["joint_ns.dat-s"], Directory.GetFiles(Path.Combine(all, "scenario-1")).Select(Path.GetFileName));
        Assert.Equal(["joint_global.dat-s"], Directory.GetFiles(Path.Combine(all, "scenario-2")).Select(Path.GetFileName));
        var second = Path.Combine(_dir, "second");
        var r = CliRunner.Run("export", two, "--sdpa", second, "--scenario", "2");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Equal(["joint_global.dat-s"], Directory.GetFiles(second).Select(Path.GetFileName));
        Assert.Contains("GHZ second", File.ReadAllText(Path.Combine(second, "joint_global.dat-s")));
        var beyond = CliRunner.Run("export", two, "--sdpa", second, "--scenario", "3");
        Assert.Equal(ExitCodes.UsageError, beyond.ExitCode);
        Assert.Contains("holds 2 scenario(s)", beyond.Stderr);
    }
}
