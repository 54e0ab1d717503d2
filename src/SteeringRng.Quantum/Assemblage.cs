using System.Numerics;

namespace SteeringRng.Quantum;

/// <summary>
/// An assemblage σ_{a|x} for k ≥ 1 untrusted parties steering a trusted system of dimension d_A:
/// one d_A×d_A Hermitian PSD block per outcome tuple a = (a_1..a_k) and setting tuple x = (x_1..x_k),
/// σ_{a|x} = Tr_untrusted[(I_A ⊗ M_{a_1|x_1} ⊗ … ⊗ M_{a_k|x_k}) ρ].
/// Party j has <see cref="Settings"/>[j] settings, each with <see cref="Outcomes"/>[j] outcomes.
/// Blocks are stored densely; the type is immutable (indexers return copies).
/// </summary>
public sealed class Assemblage
{
    private readonly Complex[][,] _blocks;

    public Assemblage(int trustedDimension, int[] settings, int[] outcomes, Func<int[], int[], Complex[,]> block)
    {
        if (trustedDimension < 1) throw new ArgumentException("The trusted dimension must be at least 1.");
        if (settings.Length == 0 || settings.Length != outcomes.Length)
            throw new ArgumentException("Give settings and outcomes counts for each of the k ≥ 1 untrusted parties.");
        if (settings.Any(s => s < 1) || outcomes.Any(o => o < 1))
            throw new ArgumentException("Every party needs at least one setting and one outcome.");
        TrustedDimension = trustedDimension;
        Settings = (int[])settings.Clone();
        Outcomes = (int[])outcomes.Clone();
        _blocks = new Complex[OutcomeTupleCount * SettingTupleCount][,];
        foreach (var x in SettingTuples())
            foreach (var a in OutcomeTuples())
            {
                var m = block(a, x);
                if (m.GetLength(0) != trustedDimension || m.GetLength(1) != trustedDimension)
                    throw new ArgumentException($"Block σ_{{{string.Join(",", a)}|{string.Join(",", x)}}} is not {trustedDimension}×{trustedDimension}.");
                _blocks[Index(a, x)] = (Complex[,])m.Clone();
            }
    }

    public int TrustedDimension { get; }
    public int PartyCount => Settings.Count;
    public IReadOnlyList<int> Settings { get; }
    public IReadOnlyList<int> Outcomes { get; }

    public int OutcomeTupleCount => Outcomes.Aggregate(1, (p, n) => p * n);
    public int SettingTupleCount => Settings.Aggregate(1, (p, n) => p * n);

    /// <summary>A copy of the block σ_{a|x}.</summary>
    public Complex[,] this[int[] a, int[] x] => (Complex[,])_blocks[Index(a, x)].Clone();

    /// <summary>All outcome tuples in lexicographic order (last party fastest).</summary>
    public IEnumerable<int[]> OutcomeTuples() => Tuples(Outcomes);

    /// <summary>All setting tuples in lexicographic order (last party fastest).</summary>
    public IEnumerable<int[]> SettingTuples() => Tuples(Settings);

    private int Index(int[] a, int[] x)
    {
        if (a.Length != PartyCount || x.Length != PartyCount)
            throw new ArgumentException($"Expected {PartyCount} outcomes and settings, one per untrusted party.");
        int ia = 0, ix = 0;
        for (int j = 0; j < PartyCount; j++)
        {
            if ((uint)a[j] >= (uint)Outcomes[j] || (uint)x[j] >= (uint)Settings[j])
                throw new ArgumentOutOfRangeException(nameof(a), $"Party {j}: outcome {a[j]} or setting {x[j]} out of range.");
            ia = ia * Outcomes[j] + a[j];
            ix = ix * Settings[j] + x[j];
        }
        return ix * OutcomeTupleCount + ia;
    }

    /// <summary>All tuples of a mixed radix in lexicographic order (last digit fastest), each a fresh array.</summary>
    public static IEnumerable<int[]> Tuples(IReadOnlyList<int> radix)
    {
        var t = new int[radix.Count];
        while (true)
        {
            yield return (int[])t.Clone();
            int j = radix.Count - 1;
            while (j >= 0 && ++t[j] == radix[j]) t[j--] = 0;
            if (j < 0) yield break;
        }
    }
}
