using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>The SDP solver the seesaw tests run on.</summary>
internal static class TestSolvers
{
    public static ISdpSolver Seesaw() => new TemporaryCsdpSolver();
}
