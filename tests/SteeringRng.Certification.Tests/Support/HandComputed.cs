using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Tests.Support;

/// <summary>Attack quantities recomputed with explicit index loops, independently of the library's operator code.</summary>
internal static class HandComputed
{
    /// <summary>The effect of party j, setting x, outcome a as a function of its row and column.</summary>
    private static Complex Effect(SeesawAttack attack, int party, int x, int a, int row, int col) => attack.Povms[party][x][a][row, col];

    /// <summary>
    /// O[u, w] = Π_j F_j[u_j, w_j] with u, w multi-indices over the untrusted parties, F_j = M^j_{a_j|x_j} where
    /// <paramref name="measured"/>(j), else I.
    /// </summary>
    private static Complex ProductEntry(SeesawAttack attack, int[] a, int[] x, int u, int w, Func<int, bool> measured)
    {
        var dims = attack.PartyDimensions;
        Complex value = Complex.One;
        for (int j = dims.Count - 1; j >= 0; j--)
        {
            int uj = u % dims[j], wj = w % dims[j];
            u /= dims[j];
            w /= dims[j];
            value *= measured(j) ? Effect(attack, j, x[j], a[j], uj, wj) : uj == wj ? 1 : 0;
        }
        return value;
    }

    /// <summary>max_{a,x,i,k} |Σ_e Σ_{u,w} O_{a|x}[u,w] σ^e[(i,w),(k,u)] − σ^obs_{a|x}[i,k]|.</summary>
    public static double MaxDeviation(SeesawAttack attack, Assemblage data)
    {
        int dA = attack.TrustedDimension, dU = attack.PartyDimensions.Aggregate(1, (p, d) => p * d);
        double worst = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var observed = data[a, x];
                for (int i = 0; i < dA; i++)
                    for (int k = 0; k < dA; k++)
                    {
                        Complex sum = 0;
                        foreach (var sigma in attack.SubStates)
                            for (int u = 0; u < dU; u++)
                                for (int w = 0; w < dU; w++)
                                    sum += ProductEntry(attack, a, x, u, w, _ => true) * sigma[i * dU + w, k * dU + u];
                        worst = Math.Max(worst, (sum - observed[i, k]).Magnitude);
                    }
            }
        return worst;
    }

    /// <summary>Σ_e Σ_i Σ_{u,w} G_e[u,w] σ^e[(i,w),(i,u)], G_e = guessed effects at x*, identity elsewhere.</summary>
    public static double GuessingProbability(SeesawAttack attack)
    {
        int dA = attack.TrustedDimension, dU = attack.PartyDimensions.Aggregate(1, (p, d) => p * d);
        var guessedOutcomes = attack.Guess.Parties.Select(p => attack.Povms[p][0].Count).ToArray();
        var x = new int[attack.PartyDimensions.Count];
        for (int i = 0; i < attack.Guess.Parties.Count; i++) x[attack.Guess.Parties[i]] = attack.Guess.Settings[i];
        double total = 0;
        int e = 0;
        foreach (var tuple in Tuples(guessedOutcomes))
        {
            var a = new int[x.Length];
            for (int i = 0; i < tuple.Length; i++) a[attack.Guess.Parties[i]] = tuple[i];
            var sigma = attack.SubStates[e++];
            for (int i = 0; i < dA; i++)
                for (int u = 0; u < dU; u++)
                    for (int w = 0; w < dU; w++)
                        total += (ProductEntry(attack, a, x, u, w, j => attack.Guess.Parties.Contains(j))
                                  * sigma[i * dU + w, i * dU + u]).Real;
        }
        return total;
    }

    public static double MinEigenvalue(Matrix<Complex> m) =>
        ((m + m.ConjugateTranspose()) / 2).Evd(Symmetricity.Hermitian).EigenValues.Min(l => l.Real);

    private static IEnumerable<int[]> Tuples(int[] radix)
    {
        var t = new int[radix.Length];
        while (true)
        {
            yield return (int[])t.Clone();
            int j = radix.Length - 1;
            while (j >= 0 && ++t[j] == radix[j]) t[j--] = 0;
            if (j < 0) yield break;
        }
    }
}
