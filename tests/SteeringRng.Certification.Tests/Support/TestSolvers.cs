using SteeringRng.Peers;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>The SDP solvers the seesaw tests run on.</summary>
internal static class TestSolvers
{
    /// <summary>The built-in interior-point solver (what CI runs).</summary>
    public static ISdpSolver Builtin() => new InteriorPointSolver();

    /// <summary>CSDP through its SDPA-file adapter (tests using it are <see cref="CsdpFactAttribute"/>).</summary>
    public static ISdpSolver Csdp() => new CsdpSolver();
}
