using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>The SDP solvers the seesaw tests run on.</summary>
internal static class TestSolvers
{
    /// <summary>The built-in interior-point solver (what CI runs).</summary>
    public static ISdpSolver Builtin() => new InteriorPointSolver();
}
