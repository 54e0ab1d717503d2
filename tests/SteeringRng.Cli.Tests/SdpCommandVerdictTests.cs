using System.Text.Json;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Cli.Tests;

/// <summary>Exit code 4 only with a checked certificate; badly scaled feasible problems are solved, not called infeasible.</summary>
public sealed class SdpCommandVerdictTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-sdp-verdict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>max 10¹² X₁₁ s.t. 10⁻¹² X₁₁ + 10¹² X₂₂ = 10⁻¹²: feasible, optimum 10¹²; CSDP calls it dual infeasible.</summary>
    private const string OneVariable = "1\n1\n2\n1e-12\n0 1 1 1 1e12\n1 1 1 1 1e-12\n1 1 2 2 1e12\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement RunJson(out int exitCode, params string[] args)
    {
        var r = CliRunner.Run([.. args, "--json"]);
        exitCode = r.ExitCode;
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.Clone();
    }

    /// <summary>I3322 at NPA 2 with b·10⁹ exited 4 ("primal infeasible") before the equilibration; CSDP solves it.</summary>
    [Fact]
    public void I3322_with_right_hand_side_1e9_exits_0_with_the_scaled_optimum()
    {
        var p = SdpaReader.ReadFile(CliRunner.TestData("i3322-npa2.dat-s"));
        var scaled = new SdpProblem(p.Blocks, p.C, p.A, p.B.Select(v => v * 1e9).ToArray());
        var json = RunJson(out var code, "sdp", Write("i3322-b1e9.dat-s", SdpaWriter.ToText(scaled)));
        Assert.Equal(ExitCodes.Optimal, code);
        Assert.Equal(-0.2509397216, json.GetProperty("dualObjective").GetDouble() / 1e9, 8);
    }

    [Fact]
    public void One_variable_sdp_with_optimum_1e12_exits_0()
    {
        var json = RunJson(out var code, "sdp", Write("one-variable.dat-s", OneVariable));
        Assert.Equal(ExitCodes.Optimal, code);
        Assert.Equal(1.0, json.GetProperty("primalObjective").GetDouble() / 1e12, 7);
    }

    /// <summary>A peer's infeasibility claim whose certificate fails our check is a numerical failure, not exit 4.</summary>
    [SkippableFact]
    public void Csdp_dual_infeasible_claim_without_a_valid_certificate_is_not_exit_4()
    {
        Skip.IfNot(new Peers.CsdpSolver().Availability.Available, "csdp is not available");
        var json = RunJson(out var code, "sdp", Write("one-variable.dat-s", OneVariable), "--solver", "csdp");
        Assert.NotEqual(ExitCodes.Infeasible, code);
        Assert.NotEqual("DualInfeasible", json.GetProperty("status").GetString());
        Assert.Contains("certificate fails the check", json.GetProperty("message").GetString());
    }
}
