namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The i.i.d. analysis of a run (label "i.i.d."; valid only against attacks that act independently and identically in
/// every round): the confidence region, the largest P_g over it (the certified guessing relaxation over the box, or the
/// two-point affine bound: <see cref="Method"/>), H_min per generation round and the total smooth min-entropy n(1 − γ)·H_min.
/// </summary>
public sealed record IidResult
{
    public const string ModeLabel = "i.i.d.";
    public string Mode => ModeLabel;
    public required ConfidenceRegion Region { get; init; }
    /// <summary>Method label: P_g over the region from the two-sided relaxation (docs/formulations/finite-size.md §4.1).</summary>
    public const string RelaxationMethod = "the guessing relaxation over the box (two-sided data inequalities), certified";
    /// <summary>Method label: P_g over the region from the affine bounds of the duals at ŵ and at the worst corner (§4.2).</summary>
    public const string TwoPointMethod = "the two-point affine bound (duals at the box centre and its worst corner)";
    /// <summary><see cref="RelaxationMethod"/> or <see cref="TwoPointMethod"/>: which produced <see cref="PguessOverRegion"/>.</summary>
    public required string Method { get; init; }
    /// <summary>The dual used: its α, λ and reference statistic (for the relaxation: read from its slack multipliers,
    /// with max over the box of α + λ·w at least the exactly re-proven optimum: finite-size.md §4.1).</summary>
    public required AffineGuessingBound Dual { get; init; }
    /// <summary>The relaxation's certified max P_g over the box (null when not solved or not certified).</summary>
    public double? RelaxationPguess { get; init; }
    /// <summary>The two-point affine bound's max over the box (null when its dual is not certified): the cross-check.</summary>
    public double? TwoPointPguess { get; init; }
    /// <summary>max over the region of α + λ·w of <see cref="Dual"/>, capped at 1: an upper bound on P_g of every statistic in the region.</summary>
    public required double PguessOverRegion { get; init; }
    /// <summary>−log2 PguessOverRegion, per generation round.</summary>
    public required double HminPerGenerationRound { get; init; }
    /// <summary>n(1 − γ)·H_min: the smooth min-entropy of the generation rounds (ε = the region's ε).</summary>
    public required double TotalEntropy { get; init; }
    /// <summary>m = ⌊k − 2 log2(1/ε_ext)⌋ (0 when negative).</summary>
    public required long OutputBits { get; init; }
    /// <summary>True when the dual is certified and the entropy positive.</summary>
    public required bool Certified { get; init; }
    public required string Note { get; init; }
}
