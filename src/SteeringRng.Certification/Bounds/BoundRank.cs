namespace SteeringRng.Certification.Bounds;

/// <summary>
/// Where a bound sits in the ordering chain H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ … ≤ H^Dim
/// (docs/formulations/bound-ordering.md): Glo (tier 0), NS (1), Q_k (2; by base level, then extra product words),
/// Dim (3). The one ranking of bounds. A bound is looser than another when its relaxation contains the other's
/// (it allows Eve at least as much), so its P_g must be at least as large.
/// </summary>
/// <param name="NpaExtra">For Q_k: the extra product words, each as the untrusted-party indices of its letters.</param>
public sealed record BoundRank(int Tier, int NpaBase = 0, IReadOnlyList<int[]>? NpaExtra = null)
{
    public const int GlobalTier = 0, NoSignallingTier = 1, NpaTier = 2, DimensionTier = 3;

    public static BoundRank Global { get; } = new(GlobalTier);
    public static BoundRank NoSignalling { get; } = new(NoSignallingTier);
    public static BoundRank Dimension { get; } = new(DimensionTier);

    public static BoundRank Npa(int level, IReadOnlyList<int[]> extra) => new(NpaTier, level, extra);

    /// <summary>Whether this bound's relaxation contains the other's (so P_g(this) ≥ P_g(other) must hold).</summary>
    /// <remarks>
    /// Q_k ⊇ Q_{k'} needs the generating set of k' to contain that of k: a higher base level contains every word of
    /// length ≤ its level, so Q_{k} with extras of length ≤ k' is looser than Q_{k'}; at the same base level, fewer
    /// extras (a subset) is looser. Pairs neither of these covers are not compared.
    /// </remarks>
    public bool IsLooserThan(BoundRank other)
    {
        if (Tier != other.Tier) return Tier < other.Tier;
        if (Tier != NpaTier) return false;
        var mine = NpaExtra ?? [];
        var theirs = other.NpaExtra ?? [];
        bool extrasContained = mine.All(m => theirs.Any(t => t.SequenceEqual(m)));
        return (NpaBase < other.NpaBase && mine.All(m => m.Length <= other.NpaBase)) ||
               (NpaBase == other.NpaBase && extrasContained && mine.Count < theirs.Count);
    }
}
