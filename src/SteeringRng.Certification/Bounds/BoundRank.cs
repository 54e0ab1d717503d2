namespace SteeringRng.Certification.Bounds;

/// <summary>
/// Where a bound sits in the ordering chain H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ … ≤ H^Dim
/// (docs/formulations/bound-ordering.md): Glo (tier 0), NS (1), Q_k (2; by base level, then extra product words),
/// Dim (3). The one ranking of bounds. A bound is looser than another when its relaxation contains the other's
/// (it allows Eve at least as much), so its P_g must be at least as large.
/// </summary>
/// <param name="NpaExtra">For Q_k: the extra product words, each as the untrusted-party indices of its letters.</param>
/// <param name="NpaWords">For Q_k: the explicit words (canonical letters); null: none.</param>
public sealed record BoundRank(int Tier, int NpaBase = 0, IReadOnlyList<int[]>? NpaExtra = null, IReadOnlyList<NpaLetter[]>? NpaWords = null)
{
    public const int GlobalTier = 0, NoSignallingTier = 1, NpaTier = 2, DimensionTier = 3;

    public static BoundRank Global { get; } = new(GlobalTier);
    public static BoundRank NoSignalling { get; } = new(NoSignallingTier);
    public static BoundRank Dimension { get; } = new(DimensionTier);

    public static BoundRank Npa(int level, IReadOnlyList<int[]> extra, IReadOnlyList<NpaLetter[]>? words = null) =>
        new(NpaTier, level, extra, words);

    /// <summary>Whether this bound's relaxation contains the other's (so P_g(this) ≥ P_g(other) must hold).</summary>
    /// <remarks>
    /// Q(S) ⊇ Q(S') when S ⊆ S' (a larger generating set adds constraints). Without explicit words: a higher base level
    /// contains every word of length ≤ its level, so Q_{k} with extras of length ≤ k' is looser than Q_{k'}; at the same
    /// base level, fewer extras (a subset) is looser. With explicit words on either side, this level is looser when its
    /// set evidently lies in the other's (<see cref="EvidentlyWithin"/>) and not the other way round; pairs neither rule
    /// covers are not compared.
    /// </remarks>
    public bool IsLooserThan(BoundRank other)
    {
        if (Tier != other.Tier) return Tier < other.Tier;
        if (Tier != NpaTier) return false;
        if ((NpaWords?.Count ?? 0) > 0 || (other.NpaWords?.Count ?? 0) > 0)
            return EvidentlyWithin(this, other) && !EvidentlyWithin(other, this);
        var mine = NpaExtra ?? [];
        var theirs = other.NpaExtra ?? [];
        bool extrasContained = mine.All(m => theirs.Any(t => t.SequenceEqual(m)));
        return (NpaBase < other.NpaBase && mine.All(m => m.Length <= other.NpaBase)) ||
               (NpaBase == other.NpaBase && extrasContained && mine.Count < theirs.Count);
    }

    /// <summary>
    /// S(a) ⊆ S(b), shown term by term without building either set: a's base level lies in b's when it is not higher; a
    /// product pattern lies in b when it is no longer than b's base level or is one of b's patterns; an explicit word
    /// when it is no longer than b's base level, is one of b's words, or is a product of one of b's patterns (its
    /// parties, in order, are the pattern's parties sorted: letters of different parties commute).
    /// </summary>
    private static bool EvidentlyWithin(BoundRank a, BoundRank b)
    {
        var patterns = b.NpaExtra ?? [];
        var words = b.NpaWords ?? [];
        return a.NpaBase <= b.NpaBase &&
               (a.NpaExtra ?? []).All(p => p.Length <= b.NpaBase || patterns.Any(q => q.SequenceEqual(p))) &&
               (a.NpaWords ?? []).All(w => w.Length <= b.NpaBase || words.Any(v => v.SequenceEqual(w)) ||
                                           patterns.Any(q => q.Order().SequenceEqual(w.Select(l => l.Party))));
    }
}
