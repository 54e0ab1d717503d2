using SteeringRng.Sdp;

namespace SteeringRng.Peers;

/// <summary>
/// The (real) problem as a peer is given it, and how the point the peer returns maps back to that problem's blocks.
/// Most peers take the problem as it is; DSDP needs its nonnegative blocks merged and last (<see cref="LpBlockMerge"/>).
/// </summary>
public sealed record PeerLayout(SdpProblem Problem, Func<PeerPoint, PeerPoint> Restore)
{
    public static PeerLayout AsIs(SdpProblem problem) => new(problem, point => point);
}
