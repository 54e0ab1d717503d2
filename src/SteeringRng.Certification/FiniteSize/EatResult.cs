namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The entropy-accumulation analysis (label "EAT"; general attacks with quantum side information under the assumptions
/// of docs/formulations/finite-size.md §5): the dual used, every term of the rate, the total smooth min-entropy
/// k = n·rate (H_min^{ε_s}(outputs | E) ≥ k unless the protocol aborts, except with probability ε_EA), output bits,
/// completeness, and whether it is certified.
/// </summary>
public sealed record EatResult
{
    public const string ModeLabel = "EAT";
    public string Mode => ModeLabel;
    public required AffineGuessingBound Dual { get; init; }
    public required EatTerms Terms { get; init; }
    /// <summary>(1 − γ)·H_min at the expected statistics through the dual: the asymptotic rate this protocol tends to.</summary>
    public required double AsymptoticRate { get; init; }
    /// <summary>k = n·rate (0 when the rate is negative).</summary>
    public required double TotalEntropy { get; init; }
    /// <summary>m = ⌊k − 2 log2(1/ε_ext)⌋ (0 when negative).</summary>
    public required long OutputBits { get; init; }
    /// <summary>ε_c, the probability that honest devices with the expected statistics abort (Chernoff or Hoeffding per
    /// statistic with a union bound, <see cref="Completeness"/>).</summary>
    public required double CompletenessError { get; init; }
    /// <summary>Counts given: whether they passed the acceptance test (null for planning without counts).</summary>
    public bool? Accepted { get; init; }
    /// <summary>True when the dual is certified, the rate is positive and (with counts) the run was accepted.</summary>
    public required bool Certified { get; init; }
    public required string Note { get; init; }
}
