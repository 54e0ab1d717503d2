using SteeringRng.Peers;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>The peers under test and the fixture files with their analytic optima.</summary>
public static class PeerFixtures
{
    public static ISdpSolver Create(string name) => name switch
    {
        "csdp" => new CsdpSolver(),
        "dsdp" => new DsdpSolver(),
        _ => throw new ArgumentException(name),
    };

    /// <summary>Skips (visibly, with the reason) when the peer's binary is missing.</summary>
    public static ISdpSolver RequireAvailable(string name)
    {
        var solver = Create(name);
        var (available, reason) = solver.Availability;
        Skip.IfNot(available, $"{name} is not available: {reason}");
        return solver;
    }

    public static SdpProblem Load(string file) => SdpaReader.ReadFile(SdpaTestPaths.TestData(file));

    /// <summary>(solver, file, known optimum): theta(C5) = √5, CHSH NPA level 1 = 2√2, the mixed LP/SDP = 5,
    /// I3322 NPA level 2 = −0.2509397216 (moment form, so the SDP optimum is minus the Bell bound).</summary>
    public static TheoryData<string, string, double> KnownOptima()
    {
        var data = new TheoryData<string, string, double>();
        foreach (var solver in new[] { "csdp", "dsdp" })
        {
            data.Add(solver, "theta-c5.dat-s", Math.Sqrt(5));
            data.Add(solver, "chsh-npa1.dat-s", 2 * Math.Sqrt(2));
            data.Add(solver, "mixed-nonnegative.dat-s", 5);
            data.Add(solver, "i3322-npa2.dat-s", -0.2509397216);
        }
        return data;
    }
}
