namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Every term of the entropy-accumulation rate (docs/formulations/finite-size.md §5; Brown–Ragy–Colbeck,
/// arXiv 1810.13346, with the Dupuis–Fawzi second-order EAT):
/// rate = f_v(w_worst) − ε_V − ε_K − ε_Ω/n, with f_v(w) = (1 − γ)(A_v − B_v λ·w).
/// </summary>
public sealed record EatTerms
{
    /// <summary>B_v = 1/((α + λ·v) ln 2).</summary>
    public required double B { get; init; }
    /// <summary>A_v = B_v λ·v − log2(α + λ·v).</summary>
    public required double A { get; init; }
    /// <summary>The acceptance box's worst point w_exp + sign(λ)·δ.</summary>
    public required IReadOnlyList<double> WorstPoint { get; init; }
    /// <summary>f_v(w_worst).</summary>
    public required double MinTradeoff { get; init; }
    /// <summary>max_c λ_c − min_c λ_c over the event classes (λ_c = Σ_k λ_k G_k(c)).</summary>
    public required double LambdaSpread { get; init; }
    public required double Beta { get; init; }
    /// <summary>d_O of ε_V and ε_K: the values one round's recorded outcomes can take (max of the guessed outcomes and the outcome tuples per test setting tuple).</summary>
    public required int OutputAlphabet { get; init; }
    public required double EpsilonV { get; init; }
    public required double EpsilonK { get; init; }
    /// <summary>ε_Ω (divided by n in the rate).</summary>
    public required double EpsilonOmega { get; init; }
    /// <summary>f_v(w_worst) − ε_V − ε_K − ε_Ω/n.</summary>
    public required double Rate { get; init; }
}
