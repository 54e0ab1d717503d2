using System.Numerics;

namespace SteeringRng.Quantum;

/// <summary>Linear operations on assemblages: affine families and grouping all untrusted parties into one.</summary>
public static class AssemblageOperations
{
    /// <summary>p σ + q τ blockwise (e.g. the visibility family μ σ(1) + (1−μ) σ(0)); shapes must agree.</summary>
    public static Assemblage Combine(double p, Assemblage sigma, double q, Assemblage tau)
    {
        if (sigma.TrustedDimension != tau.TrustedDimension || !sigma.Settings.SequenceEqual(tau.Settings) || !sigma.Outcomes.SequenceEqual(tau.Outcomes))
            throw new QuantumValidationException(
                $"Assemblages of different shapes cannot be combined: d_A {sigma.TrustedDimension} vs {tau.TrustedDimension}, "
                + $"settings [{string.Join(",", sigma.Settings)}] vs [{string.Join(",", tau.Settings)}], outcomes [{string.Join(",", sigma.Outcomes)}] vs [{string.Join(",", tau.Outcomes)}].");
        return new Assemblage(sigma.TrustedDimension, sigma.Settings.ToArray(), sigma.Outcomes.ToArray(), (a, x) =>
        {
            var s = sigma[a, x];
            var t = tau[a, x];
            int d = sigma.TrustedDimension;
            var result = new Complex[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    result[i, j] = p * s[i, j] + q * t[i, j];
            return result;
        });
    }

    /// <summary>
    /// The bipartition trusted | (all untrusted as one party): setting X = index of the tuple x and
    /// outcome A = index of the tuple a, both in lexicographic order (last party fastest).
    /// </summary>
    public static Assemblage GroupUntrusted(Assemblage sigma)
    {
        var settingTuples = sigma.SettingTuples().ToArray();
        var outcomeTuples = sigma.OutcomeTuples().ToArray();
        return new Assemblage(sigma.TrustedDimension, [settingTuples.Length], [outcomeTuples.Length],
            (a, x) => sigma[outcomeTuples[a[0]], settingTuples[x[0]]]);
    }

    /// <summary>The index of a tuple in the lexicographic order used by <see cref="GroupUntrusted"/>.</summary>
    public static int TupleIndex(IReadOnlyList<int> tuple, IReadOnlyList<int> radix)
    {
        if (tuple.Count != radix.Count) throw new ArgumentException($"Expected a tuple of {radix.Count} entries, got {tuple.Count}.");
        int index = 0;
        for (int j = 0; j < radix.Count; j++)
        {
            if ((uint)tuple[j] >= (uint)radix[j]) throw new ArgumentOutOfRangeException(nameof(tuple), $"Entry {j} is {tuple[j]}, not in 0..{radix[j] - 1}.");
            index = index * radix[j] + tuple[j];
        }
        return index;
    }
}
