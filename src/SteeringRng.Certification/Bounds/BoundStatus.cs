namespace SteeringRng.Certification.Bounds;

/// <summary>Whether a bound's number may be used. Only <see cref="Valid"/> results carry a number.</summary>
public enum BoundStatus
{
    /// <summary>The number is a bound of its kind, within the solver tolerance.</summary>
    Valid,

    /// <summary>The computation did not produce a bound (solver failure, infeasible data, no feasible start).</summary>
    Failed,

    /// <summary>The seesaw's attack does not reproduce the data within tolerance: its P_g is not achievable.</summary>
    Unverified,

    /// <summary>The number contradicts another bound at the same point (see <see cref="BoundOrdering"/>).</summary>
    OrderingViolation,
}
