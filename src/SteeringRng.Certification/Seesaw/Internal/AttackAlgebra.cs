using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>The operators the seesaw is made of, on A ⊗ U_1 ⊗ … ⊗ U_k (A first, then the untrusted parties in order).</summary>
internal static class AttackAlgebra
{
    /// <summary>O_{a|x} = M^1_{a_1|x_1} ⊗ … ⊗ M^k_{a_k|x_k} on the untrusted space.</summary>
    public static Matrix<Complex> UntrustedOperator(Povms povms, int[] a, int[] x) =>
        Tensor.Kron(Enumerable.Range(0, povms.Count).Select(j => povms[j][x[j]][a[j]]).ToArray());

    /// <summary>
    /// Tr_U[(I_A ⊗ O) ρ] for ρ on C^{d_A} ⊗ C^{d_U}: (·)_{ik} = Σ_{u,v} O_{uv} ρ_{(i,v),(k,u)}.
    /// </summary>
    public static Matrix<Complex> Conditional(Matrix<Complex> rho, int trustedDimension, Matrix<Complex> o)
    {
        int du = o.RowCount;
        var result = Matrix<Complex>.Build.Dense(trustedDimension, trustedDimension);
        for (int i = 0; i < trustedDimension; i++)
            for (int k = 0; k < trustedDimension; k++)
            {
                Complex sum = Complex.Zero;
                for (int u = 0; u < du; u++)
                    for (int v = 0; v < du; v++)
                        sum += o[u, v] * rho[i * du + v, k * du + u];
                result[i, k] = sum;
            }
        return result;
    }

    /// <summary>σ_{a|x} = Tr_U[(I_A ⊗ O_{a|x}) ρ] for every a, x, as an assemblage.</summary>
    public static Assemblage AssemblageOf(Matrix<Complex> rho, int trustedDimension, Povms povms)
    {
        var settings = povms.Select(p => p.Count).ToArray();
        var outcomes = povms.Select(p => p[0].Count).ToArray();
        return new Assemblage(trustedDimension, settings, outcomes,
            (a, x) => DenseOps.HermitianPart(Conditional(rho, trustedDimension, UntrustedOperator(povms, a, x))).ToArray());
    }

    public static int[][] GuessTuples(GuessTarget guess, Povms povms) =>
        Assemblage.Tuples(guess.Parties.Select(p => povms[p][0].Count).ToArray()).ToArray();

    /// <summary>
    /// The guessing operator for guess e on the untrusted space: ⊗_j (M^j_{e_j|x*_j} if j is guessed, else I),
    /// optionally with party <paramref name="skip"/> replaced by I.
    /// </summary>
    public static Matrix<Complex> GuessOperator(Povms povms, IReadOnlyList<int> partyDimensions, GuessTarget guess, int[] e, int skip = -1)
    {
        var factors = new Matrix<Complex>[povms.Count];
        for (int j = 0; j < povms.Count; j++) factors[j] = DenseOps.Identity(partyDimensions[j]);
        for (int i = 0; i < guess.Parties.Count; i++)
        {
            int j = guess.Parties[i];
            if (j != skip) factors[j] = povms[j][guess.Settings[i]][e[i]];
        }
        return Tensor.Kron(factors);
    }

    /// <summary>P_g = Σ_e Tr[(I_A ⊗ guess operator of e) σ^e].</summary>
    public static double GuessingProbability(IReadOnlyList<Matrix<Complex>> subStates, int trustedDimension,
        IReadOnlyList<int> partyDimensions, Povms povms, GuessTarget guess)
    {
        var tuples = GuessTuples(guess, povms);
        double total = 0;
        for (int e = 0; e < tuples.Length; e++)
            total += Conditional(subStates[e], trustedDimension, GuessOperator(povms, partyDimensions, guess, tuples[e])).Trace().Real;
        return total;
    }

    public static Matrix<Complex> Sum(IEnumerable<Matrix<Complex>> matrices) => matrices.Aggregate((s, m) => s + m);
}
