namespace SteeringRng.Sdp;

/// <summary>
/// What a solver returns: status, both objectives, the primal X, dual y and slack Z, the six DIMACS errors,
/// iterations and wall time. Objectives are those of (P) ⟨C, X⟩ and (D) bᵀy of <see cref="SdpProblem"/>; with an
/// infeasibility certificate they are the optimal values the certificate proves, as every solver reports them:
/// −∞ for both when (P) is infeasible (max over an empty set; (D) unbounded below), +∞ for both when (D) is
/// infeasible. X or y then holds the certificate, not an iterate.
/// </summary>
public sealed record SdpSolution
{
    public required SdpStatus Status { get; init; }
    public required double PrimalObjective { get; init; }
    public required double DualObjective { get; init; }

    /// <summary>Dual variables y (length m); a certificate when Status is PrimalInfeasible.</summary>
    public required double[] Y { get; init; }

    /// <summary>Primal matrix X per block (empty when the solver does not report it).</summary>
    public IReadOnlyList<SdpBlockValue> X { get; init; } = [];

    /// <summary>Dual slack Z = Σ y_i A_i − C per block (empty when the solver does not report it).</summary>
    public IReadOnlyList<SdpBlockValue> Z { get; init; } = [];

    /// <summary>
    /// DIMACS errors (Mittelmann's definitions): 1 primal infeasibility ‖A(X) − b‖/(1+‖b‖₁); 2 max(0, −λmin(X))/(1+‖b‖₁);
    /// 3 dual infeasibility ‖Σ y_i A_i − C − Z‖_F/(1+‖C‖₁); 4 max(0, −λmin(Z))/(1+‖C‖₁);
    /// 5 (⟨C,X⟩ − bᵀy)/(1+|⟨C,X⟩|+|bᵀy|); 6 ⟨X,Z⟩/(1+|⟨C,X⟩|+|bᵀy|).
    /// Norms: ‖·‖ of a vector is the 2-norm, ‖b‖₁ = Σ|b_i|, ‖C‖₁ = Σ_jk |C_jk| over the full matrix (both triangles;
    /// the complex modulus on Hermitian blocks), ‖·‖_F the Frobenius norm. Errors 5 and 6 are signed (5 is ≤ 0 at
    /// feasible points of this max/min pair); tolerances are compared with the absolute values.
    /// <see cref="DimacsErrors.Evaluate"/> computes them for any point.
    /// </summary>
    public required double[] Dimacs { get; init; }

    public required int Iterations { get; init; }
    public required double Seconds { get; init; }

    /// <summary>Name of the solver that produced this ("builtin", "csdp", "dsdp").</summary>
    public required string Solver { get; init; }

    /// <summary>A human-readable remark on how the solve ended (empty when there is nothing to add).</summary>
    public string Message { get; init; } = "";
}
