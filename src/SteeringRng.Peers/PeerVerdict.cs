namespace SteeringRng.Peers;

/// <summary>What a peer said about its own run, before our checks of the numbers it wrote.</summary>
public enum PeerClaim
{
    /// <summary>Claims an optimal (or partially accurate) pair; the status follows from our DIMACS errors.</summary>
    Solved,
    PrimalInfeasible,
    DualInfeasible,
    IterationLimit,

    /// <summary>Gave up (stuck, singular, NaN…), or a failure we could not classify.</summary>
    Failed,
}

/// <summary>A peer's claim, its own words for it, and the iteration count read from its log (0 if none).</summary>
public sealed record PeerVerdict(PeerClaim Claim, string Message, int Iterations);
