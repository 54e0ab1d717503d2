using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>The observed assemblage as dense matrices, with its setting and outcome tuples enumerated once.</summary>
internal sealed class ObservedData
{
    public ObservedData(Assemblage assemblage)
    {
        TrustedDimension = assemblage.TrustedDimension;
        Settings = assemblage.Settings.ToArray();
        Outcomes = assemblage.Outcomes.ToArray();
        SettingTuples = assemblage.SettingTuples().ToArray();
        OutcomeTuples = assemblage.OutcomeTuples().ToArray();
        Blocks = new Matrix<Complex>[SettingTuples.Length, OutcomeTuples.Length];
        for (int x = 0; x < SettingTuples.Length; x++)
            for (int a = 0; a < OutcomeTuples.Length; a++)
                Blocks[x, a] = DenseOps.FromArray(assemblage[OutcomeTuples[a], SettingTuples[x]]);
    }

    public int TrustedDimension { get; }
    public int[] Settings { get; }
    public int[] Outcomes { get; }
    public int PartyCount => Settings.Length;
    public int[][] SettingTuples { get; }
    public int[][] OutcomeTuples { get; }

    /// <summary>σ^obs[x-tuple index, a-tuple index].</summary>
    public Matrix<Complex>[,] Blocks { get; }

    /// <summary>Index of a tuple in the lexicographic enumeration with the given radix.</summary>
    public static int IndexOf(int[] tuple, IReadOnlyList<int> radix)
    {
        int index = 0;
        for (int j = 0; j < tuple.Length; j++) index = index * radix[j] + tuple[j];
        return index;
    }

    /// <summary>max_{a,x} max_{i,k} |A_{a|x} − σ^obs_{a|x}|_{ik}.</summary>
    public double MaxDeviation(Assemblage other)
    {
        double worst = 0;
        for (int x = 0; x < SettingTuples.Length; x++)
            for (int a = 0; a < OutcomeTuples.Length; a++)
                worst = Math.Max(worst, DenseOps.MaxAbs(DenseOps.FromArray(other[OutcomeTuples[a], SettingTuples[x]]) - Blocks[x, a]));
        return worst;
    }
}
