using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Feasible starts of the seesaw, all built from the true realisation so that they reproduce the data exactly:
/// the realisation embedded in the larger local dimensions (extra levels assigned to outcome 0), and random
/// variants that split the padding levels among the outcomes at random (different for each setting) and
/// split ρ among Eve's guesses at random, σ^e = √ρ K_e √ρ for a random POVM {K_e}.
/// </summary>
internal static class StartingPoints
{
    /// <summary>
    /// The embedded realisation with Eve holding no side information: ρ is given to the single guess e that
    /// is most likely, so P_g = max_e p(e|x*).
    /// </summary>
    public static SeesawAttack Embedded(QuantumRealisation truth, int[] dimensions, GuessTarget guess) =>
        Build(truth, dimensions, guess, random: null);

    public static SeesawAttack Random(QuantumRealisation truth, int[] dimensions, GuessTarget guess, Random random) =>
        Build(truth, dimensions, guess, random);

    private static SeesawAttack Build(QuantumRealisation truth, int[] dimensions, GuessTarget guess, Random? random)
    {
        int k = truth.PartyDimensions.Count;
        var povms = new IReadOnlyList<IReadOnlyList<Matrix<Complex>>>[k];
        for (int j = 0; j < k; j++)
        {
            int from = truth.PartyDimensions[j], to = dimensions[j];
            var v = DenseOps.EmbeddingIsometry([from], [to]);
            // P = I − V V†: the levels the true measurement does not act on.
            var padding = DenseOps.Identity(to) - v * v.ConjugateTranspose();
            povms[j] = truth.Povms[j].Select(setting =>
            {
                int n = setting.Count;
                var extra = random is null || to == from
                    ? Enumerable.Range(0, n).Select(b => b == 0 ? padding : Matrix<Complex>.Build.Dense(to, to)).ToArray()
                    : RandomPovm(n, to, random).Select(m => padding * m * padding).ToArray();
                return (IReadOnlyList<Matrix<Complex>>)setting.Select((m, b) => v * m * v.ConjugateTranspose() + extra[b]).ToArray();
            }).ToArray();
        }
        var full = DenseOps.EmbeddingIsometry(new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray(),
            new[] { truth.TrustedDimension }.Concat(dimensions).ToArray());
        var rho = DenseOps.HermitianPart(full * truth.State * full.ConjugateTranspose());
        var tuples = AttackAlgebra.GuessTuples(guess, povms);
        Matrix<Complex>[] subStates;
        if (random is null)
        {
            var probabilities = tuples.Select(e => AttackAlgebra.Conditional(rho, truth.TrustedDimension,
                AttackAlgebra.GuessOperator(povms, dimensions, guess, e)).Trace().Real).ToArray();
            int best = Array.IndexOf(probabilities, probabilities.Max());
            subStates = tuples.Select((_, e) => e == best ? rho : Matrix<Complex>.Build.Dense(rho.RowCount, rho.RowCount)).ToArray();
        }
        else
        {
            var root = DenseOps.SpectralMap(rho, l => Math.Sqrt(Math.Max(l, 0)));
            subStates = RandomPovm(tuples.Length, rho.RowCount, random)
                .Select(kE => DenseOps.HermitianPart(root * kE * root)).ToArray();
        }
        return new SeesawAttack(truth.TrustedDimension, dimensions, guess, subStates, povms);
    }

    /// <summary>A random n-outcome POVM on C^d: Ginibre effects G G†, rescaled by S^{−1/2} (S = Σ G G†).</summary>
    private static Matrix<Complex>[] RandomPovm(int n, int d, Random random)
    {
        var effects = Enumerable.Range(0, n).Select(_ =>
        {
            var g = Matrix<Complex>.Build.Dense(d, d, (_, _) => new Complex(Gaussian(random), Gaussian(random)));
            return (Matrix<Complex>)(g * g.ConjugateTranspose());
        }).ToArray();
        return PovmRepair.Repair(effects).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
