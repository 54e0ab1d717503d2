using System.Text.Json;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// Device-independent guesses through the CLI (docs/formulations/device-independent.md): a CHSH value as the only data,
/// the rows against the analytic curve of Pironio et al. (Nature 464, 1021 (2010)), and located diagnostics SR1196–SR1199.
/// </summary>
public sealed class DeviceIndependentGuessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-di-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>−log2 P_g = 1 − log2(1 + √(2 − S²/4)) for one party's outcome at CHSH value S ∈ [2, 2√2].</summary>
    private static double Analytic(double s) => 1 - Math.Log2(1 + Math.Sqrt(Math.Max(0, 2 - s * s / 4)));

    /// <summary>|actual − expected| ≤ 1e-6 (not xunit's decimal rounding, which can split values 1e-9 apart).</summary>
    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6, $"{what}: {actual} vs the analytic {expected}");

    private string Write(string body)
    {
        var path = Path.Combine(_dir, "di.scn");
        File.WriteAllText(path, $"""
            node A, B untrusted
            measure A, B: settings 2 outcomes 2
            objective chsh = bell <A.0 B.0> + <A.0 B.1> + <A.1 B.0> - <A.1 B.1>
            {body}
            """);
        return path;
    }

    [Fact]
    public void The_guess_rows_follow_the_analytic_curve_at_npa_1_plus_AB()
    {
        var path = Write("""
            param S = [2.5, 2.7]
            inequality = bell(chsh = S)
            objective g = guess A.0
            bounds npa "1+AB"
            """);
        var json = Path.Combine(_dir, "di.json");
        var r = CliRunner.Run("run", path, "--json", json);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().Where(x => x.GetProperty("objective").GetString() == "g").ToArray();
        Assert.Equal(2, rows.Length);
        foreach (var row in rows)
        {
            var s = row.GetProperty("parameters").GetProperty("S").GetDouble();
            Close(Analytic(s), row.GetProperty("hmin").GetDouble(), $"S = {s}");
            // The certificate (exact rational) proves a bound no better than the analytic value, and close to it.
            var certified = row.GetProperty("certificate").GetProperty("hmin").GetDouble();
            Assert.True(certified <= Analytic(s) + 1e-9 && certified > Analytic(s) - 1e-6, $"certified {certified} at S = {s}");
        }
    }

    // 2.8284271247461903 is 2√2 in double precision: the boundary face makes it solvable (H_min = 1). The face is found
    // numerically, so that row is never marked certified; the others are.
    [Fact]
    public void The_sample_runs_and_matches_the_curve_under_npa_2_up_to_Tsirelson()
    {
        var json = Path.Combine(_dir, "sample.json");
        var r = CliRunner.Run("run", Path.Combine(CliRunner.Root, "samples", "di-chsh.scn"), "--bounds", "npa 2", "--set", "S=[2.3, 2.8, 2.8284271247461903]", "--json", json);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var row in doc.RootElement.GetProperty("rows").EnumerateArray().Where(x => x.GetProperty("objective").GetString() == "g"))
        {
            var s = row.GetProperty("parameters").GetProperty("S").GetDouble();
            Close(Analytic(s), row.GetProperty("hmin").GetDouble(), $"S = {s}");
            var certificate = row.GetProperty("certificate");
            var onFace = s > 2.82842712;
            Assert.Equal(onFace ? "uncertified" : "certified", certificate.GetProperty("status").GetString());
            if (onFace) Assert.Contains("numerically exposed face", certificate.GetProperty("reason").GetString());
        }
    }

    // S = 3.5 is a no-signalling value (the ns row is 3/2 − S/4) that no quantum correlations reach: the npa row is a
    // failed status (the built-in solver reports the empty feasible set as infeasible or numerical-failure), exit 9.
    [Fact]
    public void A_value_beyond_Tsirelson_is_a_failed_npa_row_not_a_crash()
    {
        var json = Path.Combine(_dir, "beyond.json");
        var r = CliRunner.Run("run", Write("""
            inequality = bell(chsh = 3.5)
            objective g = guess A.0
            bounds ns, npa "1+AB"
            """), "--json", json);
        Assert.Equal(ExitCodes.RowsFailed, r.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().Where(x => x.GetProperty("objective").GetString() == "g").ToArray();
        var ns = rows.Single(x => x.GetProperty("bound").GetString() == "ns");
        Close(1.5 - 3.5 / 4, ns.GetProperty("pguess").GetDouble(), "ns P_g = 3/2 − S/4");
        var npa = rows.Single(x => x.GetProperty("bound").GetString() == "npa 1+AB");
        Assert.Contains(npa.GetProperty("status").GetString(), new[] { "infeasible", "numerical-failure" });
        Assert.Equal(JsonValueKind.Null, npa.GetProperty("hmin").ValueKind);
    }

    // Line 4 holds the first body line; columns count from 1.
    [Theory]
    [InlineData("objective g = guess A.0\nbounds npa 1", "di.scn:4:15: error SR1196", "needs device-independent data")]
    [InlineData("inequality = bell(chs = 2.7)\nobjective g = guess A.0\nbounds npa 1", "di.scn:4:19: error SR1197", "no objective of this name; the Bell objectives are chsh")]
    [InlineData("inequality = bell(chsh = 2.7)\ninequality = bell(chsh = 2.6)\nobjective g = guess A.0\nbounds npa 1", "di.scn:5:19: error SR1197", "given twice (first at line 4)")]
    [InlineData("param S = [2.5, 4.5]\ninequality = bell(chsh = S)\nobjective g = guess A.0\nbounds npa 1", "di.scn:5:26: error SR1198", "the value 4.5 at S = 4.5 is outside [-4, 4]")]
    [InlineData("state = ghz\ninequality = bell(chsh = 2.7)\nobjective g = guess A.0\nbounds npa 1", "di.scn:5:1: error SR1199", "remove 'state = ...'")]
    public void Misuse_is_a_located_error(string body, string where, string message)
    {
        var r = CliRunner.Run("check", Write(body));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains(where, r.Stderr);
        Assert.Contains(message, r.Stderr);
    }
}
