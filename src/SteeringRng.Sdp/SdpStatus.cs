namespace SteeringRng.Sdp;

/// <summary>How a solve ended. Every solution carries one; a bare number is never a result.</summary>
public enum SdpStatus
{
    /// <summary>All six DIMACS errors are within the requested tolerance.</summary>
    Optimal,

    /// <summary>Stopped short of the tolerance but within the near-optimal tolerance (default 1e-6).</summary>
    NearOptimal,

    /// <summary>
    /// (P) has no feasible point; <see cref="SdpSolution.Y"/> holds a certificate: bᵀy &lt; 0, Σ y_i A_i ⪰ 0 (the built-in
    /// solver returns only certificates that pass <see cref="InfeasibilityCertificate"/>).
    /// </summary>
    PrimalInfeasible,

    /// <summary>
    /// (D) has no feasible point; <see cref="SdpSolution.X"/> holds a certificate: ⟨A_i, X⟩ = 0, X ⪰ 0, ⟨C, X⟩ &gt; 0
    /// (checked likewise).
    /// </summary>
    DualInfeasible,

    /// <summary>The iteration limit was reached.</summary>
    IterationLimit,

    /// <summary>The time limit was reached (or the solve was cancelled).</summary>
    TimeLimit,

    /// <summary>The method could not make progress (e.g. Cholesky breakdown, stagnation) far from an answer.</summary>
    NumericalFailure,
}
