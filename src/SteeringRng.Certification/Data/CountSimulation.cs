namespace SteeringRng.Certification.Data;

/// <summary>
/// Simulated coincidence counts: for every setting tuple, N events drawn from the model's probabilities with our own
/// seeded generator (SplitMix64, so a seed gives the same counts on every platform and .NET version), for tests and
/// samples that need realistic, slightly signalling data (docs/formulations/measured-probabilities.md).
/// </summary>
public static class CountSimulation
{
    /// <summary>
    /// Most events per setting tuple: each is one draw (about 5 ns), so 10⁷ per tuple keeps a simulation of a few
    /// hundred tuples within seconds; a larger N (e.g. 10¹⁸) would run for years and is refused before any work.
    /// </summary>
    public const long MaxPerSetting = 10_000_000;

    /// <summary>
    /// Counts in the layout's row order: each setting tuple's <paramref name="perSetting"/> events drawn independently
    /// from its probabilities (a multinomial sample, one uniform draw per event through the cumulative distribution).
    /// </summary>
    public static double[] Sample(ProbabilityLayout layout, IReadOnlyList<double> probabilities, long perSetting, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSetting);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perSetting, MaxPerSetting);
        var counts = new double[layout.Rows];
        var state = seed;
        foreach (var group in layout.Events().GroupBy(e => string.Join(",", e.Settings)))
        {
            var rows = group.Select(e => e.Row).ToArray();
            var cumulative = new double[rows.Length];
            var sum = 0.0;
            for (var k = 0; k < rows.Length; k++) cumulative[k] = sum += Math.Max(0, probabilities[rows[k]]);
            var local = new long[rows.Length];
            for (long n = 0; n < perSetting; n++)
            {
                var u = NextUnit(ref state) * sum;
                var k = Array.BinarySearch(cumulative, u);
                k = k < 0 ? ~k : k;
                local[Math.Min(k, rows.Length - 1)]++;
            }
            for (var k = 0; k < rows.Length; k++) counts[rows[k]] = local[k];
        }
        return counts;
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): state += golden gamma, then two xor-shift-multiply rounds.</summary>
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    private static double NextUnit(ref ulong state) => (Next(ref state) >> 11) * (1.0 / (1UL << 53));
}
