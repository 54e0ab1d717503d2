namespace SteeringRng.Certification.Seesaw;

/// <summary>What one start of the seesaw reached.</summary>
public sealed record SeesawStartReport(string Label, double InitialGuessingProbability, double FinalGuessingProbability,
    int Rounds, bool Converged, int RejectedSteps);

/// <summary>
/// The seesaw's answer: the best attack found, its independent check, and P_g^Dim / H^Dim — numbers that are
/// present only when <see cref="IsBound"/> (the attack reproduces the data within tolerance).
/// </summary>
public sealed record SeesawResult
{
    public required SeesawStatus Status { get; init; }

    /// <summary>The best attack found (null when no start was feasible).</summary>
    public SeesawAttack? Attack { get; init; }

    /// <summary>The independent check of <see cref="Attack"/> against the data.</summary>
    public AttackCheck? Check { get; init; }

    public required IReadOnlyList<SeesawStartReport> Starts { get; init; }

    /// <summary>Rounds over all starts.</summary>
    public int Rounds => Starts.Sum(s => s.Rounds);

    public required SolverStatistics Statistics { get; init; }
    public string Message { get; init; } = "";

    /// <summary>Whether the attack is verified, so that its P_g is achievable and H^Dim is an upper bound on H.</summary>
    public bool IsBound => Status is SeesawStatus.Converged or SeesawStatus.RoundLimit or SeesawStatus.Optimal;

    /// <summary>P_g^Dim (a lower bound on Eve's optimal P_g), or NaN when this is not a bound.</summary>
    public double GuessingProbability => IsBound && Check is not null ? Check.GuessingProbability : double.NaN;
}
