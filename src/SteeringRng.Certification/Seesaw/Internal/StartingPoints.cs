using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Feasible starts of the seesaw, all built from the true realisation so that they reproduce the data exactly.
/// The realisation is embedded in the larger local dimensions, and each extra level ℓ of a party carries a
/// deterministic strategy λ_ℓ (an outcome for every setting): M_{b|y} ← V M_{b|y} V† + Σ_{ℓ : λ_ℓ(y) = b} |ℓ⟩⟨ℓ|.
/// The true state does not touch these levels, so the data are unchanged, but the state SDP can then place
/// weight on them: hidden-variable components whose outcomes Eve knows. With n outcomes and m settings there
/// are n^m strategies; the paper's d = 10 = 2 + 2³ holds all of them for qubits with three settings, so an
/// unsteerable assemblage can reach P_g = 1 in the first state step. The embedded start enumerates the
/// strategies in order; random starts draw them at random and split ρ among Eve's guesses at random,
/// σ^e = √ρ K_e √ρ for a random POVM {K_e}.
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
            int settings = truth.Povms[j].Count, outcomes = truth.Povms[j][0].Count;
            int strategyCount = (int)Math.Min(int.MaxValue, Math.Pow(outcomes, settings));
            var strategies = Enumerable.Range(0, to - from)
                .Select(l => random is null ? l % strategyCount : random.Next(strategyCount)).ToArray();
            povms[j] = truth.Povms[j].Select((setting, y) =>
                (IReadOnlyList<Matrix<Complex>>)setting.Select((m, b) =>
                {
                    var effect = v * m * v.ConjugateTranspose();
                    for (int l = 0; l < strategies.Length; l++)
                        if (StrategyOutcome(strategies[l], y, outcomes) == b) effect[from + l, from + l] += 1;
                    return effect;
                }).ToArray()).ToArray();
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

    /// <summary>λ(y): digit y (setting 0 least significant) of the strategy number in base n.</summary>
    private static int StrategyOutcome(int strategy, int setting, int outcomes)
    {
        for (int y = 0; y < setting; y++) strategy /= outcomes;
        return strategy % outcomes;
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
