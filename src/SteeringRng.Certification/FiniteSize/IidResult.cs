namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The i.i.d. analysis of a run (label "i.i.d."; valid only against attacks that act independently and identically in
/// every round): the confidence region, the largest P_g over it (through the certified affine bound), H_min per
/// generation round and the total smooth min-entropy n(1 − γ)·H_min.
/// </summary>
public sealed record IidResult
{
    public const string ModeLabel = "i.i.d.";
    public string Mode => ModeLabel;
    public required ConfidenceRegion Region { get; init; }
    /// <summary>The dual used: its α, λ and reference statistic.</summary>
    public required AffineGuessingBound Dual { get; init; }
    /// <summary>max over the region of α + λ·w, capped at 1: an upper bound on P_g of every statistic in the region.</summary>
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
