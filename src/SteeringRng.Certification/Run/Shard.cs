namespace SteeringRng.Certification.Run;

/// <summary>
/// Part <see cref="Index"/> of <see cref="Count"/> of a sweep (1-based, as Slurm numbers array tasks). A shard takes a
/// contiguous run of points, so each shard builds its relaxations once and swaps data along its points, and the
/// shards of one sweep cover every point exactly once.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <summary>"K/N" with 1 ≤ K ≤ N.</summary>
    /// <exception cref="FormatException">Not of that form.</exception>
    public static Shard Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash > 0 && int.TryParse(text[..slash], out var k) && int.TryParse(text[(slash + 1)..], out var n) && n >= 1 && k >= 1 && k <= n)
            return new Shard(k, n);
        throw new FormatException($"a shard is K/N with 1 <= K <= N (e.g. 2/4), got '{text}'.");
    }

    /// <summary>This shard's point indices among <paramref name="total"/> points: [⌊(K−1)T/N⌋, ⌊KT/N⌋), empty when N > T leaves none.</summary>
    public IReadOnlyList<int> PointsOf(int total)
    {
        // long: K·T may exceed int for long sweeps split finely.
        var start = (int)((long)(Index - 1) * total / Count);
        var end = (int)((long)Index * total / Count);
        return Enumerable.Range(start, end - start).ToList();
    }

    public override string ToString() => $"{Index}/{Count}";
}
