namespace SteeringRng.Certification.Seesaw;

/// <summary>How a seesaw search ended.</summary>
public enum SeesawStatus
{
    /// <summary>Every start stopped with a gain per round below the tolerance; the best attack passed the check.</summary>
    Converged,

    /// <summary>
    /// The best attack passed the check and meets <see cref="SeesawOptions.Target"/> (a proven upper bound on P_g) within
    /// <see cref="SeesawOptions.TargetTolerance"/>: it is optimal, and the search stopped there.
    /// </summary>
    Optimal,

    /// <summary>Some start hit the round limit; the best attack passed the check (still a valid upper bound on H).</summary>
    RoundLimit,

    /// <summary>The best attack fails the independent check: its P_g is NOT a bound.</summary>
    Unverified,

    /// <summary>No feasible start (e.g. the realisation does not reproduce the data, or does not fit the dimensions).</summary>
    Failed,
}
