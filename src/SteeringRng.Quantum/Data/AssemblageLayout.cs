using System.Numerics;

namespace SteeringRng.Quantum.Data;

/// <summary>
/// The shape of an assemblage file: k untrusted parties (declaration order) with Settings[j] settings of Outcomes[j]
/// outcomes each, and a trusted system of dimension d_A. As an array it has the axes
///   (x_1, …, x_k, a_1, …, a_k, i, j)   of lengths   (s_1, …, s_k, o_1, …, o_k, d_A, d_A),
/// entry [x…, a…, i, j] = ⟨i|σ_{a|x}|j⟩ (docs/formulations/measured-data.md). Settings first, so that
/// <c>sigma[x]</c> in NumPy is the assemblage at one setting tuple.
/// </summary>
public sealed record AssemblageLayout(int TrustedDimension, int[] Settings, int[] Outcomes)
{
    /// <summary>The most entries an assemblage file may hold (the language's limit for the numbers of one data file).</summary>
    public const long MaxEntries = 1_000_000;

    public int PartyCount => Settings.Length;

    /// <summary>The array shape (s_1, …, s_k, o_1, …, o_k, d_A, d_A).</summary>
    public long[] Shape => [.. Settings.Select(s => (long)s), .. Outcomes.Select(o => (long)o), TrustedDimension, TrustedDimension];

    public static string Describe(IEnumerable<long> shape) => "(" + string.Join(", ", shape) + ")";

    /// <summary>The layout of an array shape: 2k + 2 axes, k ≥ 1, the last two equal; null with the reason otherwise.</summary>
    public static AssemblageLayout? FromShape(long[] shape, out string reason)
    {
        reason = "";
        if (shape.Length < 4 || shape.Length % 2 != 0)
        {
            reason = $"shape {Describe(shape)} has {shape.Length} axes; an assemblage of k untrusted parties has 2k + 2 (settings of each party, outcomes of each party, then d_A, d_A)";
            return null;
        }
        if (shape.Any(n => n < 1 || n > int.MaxValue))
        {
            reason = $"shape {Describe(shape)} has an empty or oversized axis";
            return null;
        }
        if (shape[^1] != shape[^2])
        {
            reason = $"shape {Describe(shape)}: the last two axes (the trusted node's matrix) must be equal, d_A × d_A";
            return null;
        }
        var k = (shape.Length - 2) / 2;
        return new AssemblageLayout((int)shape[^1], shape.Take(k).Select(n => (int)n).ToArray(), shape.Skip(k).Take(k).Select(n => (int)n).ToArray());
    }

    /// <summary>Entries of the whole array (saturating at long.MaxValue), for the size check before anything is read.</summary>
    public static long EntryCount(long[] shape) =>
        shape.Aggregate(1L, (p, n) => n <= 0 ? 0 : p > long.MaxValue / n ? long.MaxValue : p * n);

    public bool SameAs(AssemblageLayout other) =>
        TrustedDimension == other.TrustedDimension && Settings.SequenceEqual(other.Settings) && Outcomes.SequenceEqual(other.Outcomes);

    /// <summary>"settings (0, 1), outcomes (1, 0), row 1, column 0" for an entry given in C order.</summary>
    public string DescribeEntry(long flat)
    {
        var index = Unravel(flat);
        var k = PartyCount;
        return $"entry [{string.Join(", ", index)}] (settings ({string.Join(", ", index.Take(k))}), outcomes ({string.Join(", ", index.Skip(k).Take(k))}), row {index[2 * k]}, column {index[2 * k + 1]})";
    }

    /// <summary>The multi-index of a C-order (last axis fastest) position.</summary>
    public long[] Unravel(long flat)
    {
        var shape = Shape;
        var index = new long[shape.Length];
        for (var a = shape.Length - 1; a >= 0; a--)
        {
            index[a] = flat % shape[a];
            flat /= shape[a];
        }
        return index;
    }

    /// <summary>The assemblage whose entries are <paramref name="values"/> in C order (checked elsewhere).</summary>
    public Assemblage ToAssemblage(Complex[] values)
    {
        var d = TrustedDimension;
        var outcomeTuples = Outcomes.Aggregate(1, (p, n) => p * n);
        return new Assemblage(d, Settings, Outcomes, (a, x) =>
        {
            var start = FlatBlock(a, x, outcomeTuples) * d * d;
            var block = new Complex[d, d];
            for (var i = 0; i < d; i++)
                for (var j = 0; j < d; j++)
                    block[i, j] = values[start + i * d + j];
            return block;
        });
    }

    /// <summary>The entries of an assemblage in C order of this layout.</summary>
    public static Complex[] ToValues(Assemblage sigma)
    {
        var d = sigma.TrustedDimension;
        var values = new Complex[(long)sigma.SettingTupleCount * sigma.OutcomeTupleCount * d * d];
        long k = 0;
        foreach (var x in sigma.SettingTuples())
            foreach (var a in sigma.OutcomeTuples())
            {
                var block = sigma[a, x];
                for (var i = 0; i < d; i++)
                    for (var j = 0; j < d; j++)
                        values[k++] = block[i, j];
            }
        return values;
    }

    public static AssemblageLayout Of(Assemblage sigma) => new(sigma.TrustedDimension, [.. sigma.Settings], [.. sigma.Outcomes]);

    // Settings tuple (mixed radix, last party fastest) outer, outcome tuple inner: the axes order x…, a….
    private int FlatBlock(int[] a, int[] x, int outcomeTuples)
    {
        int ix = 0, ia = 0;
        for (var j = 0; j < PartyCount; j++)
        {
            ix = ix * Settings[j] + x[j];
            ia = ia * Outcomes[j] + a[j];
        }
        return ix * outcomeTuples + ia;
    }
}
