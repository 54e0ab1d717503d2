using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Feasible starts of the seesaw, all built from the true realisation so that they reproduce the data exactly.
/// The realisation is embedded in block 0 of each party (see <see cref="BlockAttack"/>); its extra levels, and every
/// level of the other blocks, carry deterministic strategies λ_ℓ (an outcome for every setting):
/// M_{b|y} ← V M_{b|y} V† + Σ_{ℓ : λ_ℓ(y) = b} |ℓ⟩⟨ℓ|. The true state does not touch these levels, so the data are
/// unchanged, but the state SDP can then place weight on them: hidden-variable components whose outcomes Eve
/// knows. With n outcomes and m settings there are n^m strategies; the paper's d = 10 = 2 + 2³ holds all of them
/// for qubits with three settings, so an unsteerable assemblage can reach P_g = 1 in the first state step. The
/// embedded start enumerates the strategies in order. Random starts draw them at random, give each block of size
/// ≥ 2 beyond block 0 random projective measurements instead, and split ρ among Eve's guesses at random,
/// σ^e = √ρ K_e √ρ for a random POVM {K_e}.
/// </summary>
internal static class StartingPoints
{
    /// <summary>
    /// The embedded realisation with Eve holding no side information: ρ is given to the single guess e that
    /// is most likely, so P_g = max_e p(e|x*).
    /// </summary>
    public static BlockAttack Embedded(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess) =>
        Build(truth, blockSizes, guess, random: null);

    /// <summary>At most this many pinned starts (one per choice of pinned settings for the parties not guessed).</summary>
    public const int MaxPinnedStarts = 9;

    /// <summary>
    /// The embedded realisation where every further block that has the realisation's dimension holds a copy of the
    /// true measurements with one setting pinned to one outcome (block i: outcome (i − 1) mod n): the guessed
    /// setting for a guessed party, and each choice of setting in turn for the others (one start per choice).
    /// Then the first state step can give Eve components in which she knows the guessed outcomes (and another
    /// party's pinned one) while the other settings still show the true correlations. Empty when no block qualifies.
    /// </summary>
    public static IEnumerable<(string Label, BlockAttack Attack)> PinnedCopies(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess)
    {
        int k = blockSizes.Length;
        bool Qualifies(int j) => blockSizes[j].Skip(1).Any(size => size == truth.PartyDimensions[j]);
        if (!Enumerable.Range(0, k).Any(j => Qualifies(j) && guess.SettingOf(j) >= 0)) yield break;
        // Choices per party: the guessed setting, every setting of a qualifying party that is not guessed, or none.
        var choices = Enumerable.Range(0, k).Select(j =>
            !Qualifies(j) ? [-1] : guess.SettingOf(j) >= 0 ? [guess.SettingOf(j)] : Enumerable.Range(0, truth.Povms[j].Count).ToArray()).ToArray();
        foreach (var pinned in Quantum.Assemblage.Tuples(choices.Select(c => c.Length).ToArray()).Take(MaxPinnedStarts))
        {
            var settings = pinned.Select((c, j) => choices[j][c]).ToArray();
            var label = "pinned copies (" + string.Join(", ", settings.Select((s, j) => s < 0 ? $"party {j} none" : $"party {j} setting {s}")) + ")";
            yield return (label, Build(truth, blockSizes, guess, random: null, pinnedSettings: settings));
        }
    }

    public static BlockAttack Random(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess, Random random) =>
        Build(truth, blockSizes, guess, random);

    /// <param name="pinnedSettings">Per party, the setting pinned in its further blocks of the realisation's size, or −1.</param>
    private static BlockAttack Build(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess, Random? random, int[]? pinnedSettings = null)
    {
        int k = truth.PartyDimensions.Count;
        var povms = new Matrix<Complex>[k][][][];
        for (int j = 0; j < k; j++)
        {
            int from = truth.PartyDimensions[j];
            int settings = truth.Povms[j].Count, outcomes = truth.Povms[j][0].Count;
            int strategyCount = (int)Math.Min(int.MaxValue, Math.Pow(outcomes, settings));
            int level = 0;
            int NextStrategy() => random is null ? level++ % strategyCount : random.Next(strategyCount);
            povms[j] = new Matrix<Complex>[blockSizes[j].Length][][];
            for (int i = 0; i < blockSizes[j].Length; i++)
            {
                int size = blockSizes[j][i];
                if (i == 0)
                {
                    var v = DenseOps.EmbeddingIsometry([from], [size]);
                    var strategies = Enumerable.Range(0, size - from).Select(_ => NextStrategy()).ToArray();
                    povms[j][i] = truth.Povms[j].Select((setting, y) => setting.Select((m, b) =>
                    {
                        var effect = v * m * v.ConjugateTranspose();
                        for (int l = 0; l < strategies.Length; l++)
                            if (StrategyOutcome(strategies[l], y, outcomes) == b) effect[from + l, from + l] += 1;
                        return effect;
                    }).ToArray()).ToArray();
                }
                else if (random is not null && size >= 2)
                    povms[j][i] = Enumerable.Range(0, settings).Select(_ => random.Next(2) == 0
                        ? Deterministic(size, outcomes, random.Next(outcomes))
                        : RandomProjective(size, outcomes, random)).ToArray();
                else if (pinnedSettings is not null && pinnedSettings[j] >= 0 && size == from)
                {
                    // A copy of the true measurements with one setting pinned to one outcome: in this block Eve knows
                    // that outcome while the other settings still act as in the realisation.
                    int pinned = (i - 1) % outcomes;
                    povms[j][i] = truth.Povms[j].Select((setting, y) => y == pinnedSettings[j]
                        ? Deterministic(size, outcomes, pinned)
                        : setting.Select(m => m.Clone()).ToArray()).ToArray();
                }
                else
                {
                    var strategies = Enumerable.Range(0, size).Select(_ => NextStrategy()).ToArray();
                    povms[j][i] = Enumerable.Range(0, settings).Select(y => Enumerable.Range(0, outcomes).Select(b =>
                    {
                        var effect = Matrix<Complex>.Build.Dense(size, size);
                        for (int l = 0; l < size; l++)
                            if (StrategyOutcome(strategies[l], y, outcomes) == b) effect[l, l] = 1;
                        return effect;
                    }).ToArray()).ToArray();
                }
            }
        }
        var firstBlocks = blockSizes.Select(b => b[0]).ToArray();
        var full = DenseOps.EmbeddingIsometry(new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray(),
            new[] { truth.TrustedDimension }.Concat(firstBlocks).ToArray());
        var rho = DenseOps.HermitianPart(full * truth.State * full.ConjugateTranspose());
        var guesses = Assemblage.Tuples(guess.Parties.Select(p => truth.Povms[p][0].Count).ToArray()).ToArray();
        var blockZeroPovms = povms.Select(p => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)p[0]).ToArray();
        Matrix<Complex>[] subStates;
        if (random is null)
        {
            var probabilities = guesses.Select(e => AttackAlgebra.Conditional(rho, truth.TrustedDimension,
                AttackAlgebra.GuessOperator(blockZeroPovms, firstBlocks, guess, e)).Trace().Real).ToArray();
            int best = Array.IndexOf(probabilities, probabilities.Max());
            subStates = guesses.Select((_, e) => e == best ? rho : Matrix<Complex>.Build.Dense(rho.RowCount, rho.RowCount)).ToArray();
        }
        else
        {
            var root = DenseOps.SpectralMap(rho, l => Math.Sqrt(Math.Max(l, 0)));
            subStates = RandomPovm(guesses.Length, rho.RowCount, random)
                .Select(kE => DenseOps.HermitianPart(root * kE * root)).ToArray();
        }
        // Only component 0 (block 0 of every party) carries the state; the others start empty.
        int components = blockSizes.Aggregate(1, (p, b) => p * b.Length);
        return new BlockAttack(truth.TrustedDimension, guess, blockSizes, povms, Enumerable.Range(0, components)
            .Select(c => c == 0 ? subStates : EmptyStates(truth.TrustedDimension, blockSizes, c, guesses.Length)).ToArray());
    }

    private static Matrix<Complex>[] EmptyStates(int trustedDimension, int[][] blockSizes, int component, int guesses)
    {
        var tuple = Tensor.Digits(component, blockSizes.Select(b => b.Length).ToArray());
        int size = trustedDimension * tuple.Select((i, j) => blockSizes[j][i]).Aggregate(1, (p, d) => p * d);
        return Enumerable.Range(0, guesses).Select(_ => Matrix<Complex>.Build.Dense(size, size)).ToArray();
    }

    /// <summary>The trivial measurement on C^d that always gives <paramref name="outcome"/>.</summary>
    private static Matrix<Complex>[] Deterministic(int d, int n, int outcome) =>
        Enumerable.Range(0, n).Select(b => b == outcome ? DenseOps.Identity(d) : Matrix<Complex>.Build.Dense(d, d)).ToArray();

    /// <summary>
    /// A random projective n-outcome measurement on C^d: the columns of a random unitary (QR of a Ginibre matrix),
    /// vector ℓ assigned to outcome (ℓ + s) mod n for a random shift s, so that for d = n every outcome gets a rank-1 projector.
    /// </summary>
    private static Matrix<Complex>[] RandomProjective(int d, int n, Random random)
    {
        var g = Matrix<Complex>.Build.Dense(d, d, (_, _) => new Complex(Gaussian(random), Gaussian(random)));
        var q = g.QR().Q;
        int shift = random.Next(n);
        var effects = Enumerable.Range(0, n).Select(_ => Matrix<Complex>.Build.Dense(d, d)).ToArray();
        for (int l = 0; l < d; l++)
        {
            var column = q.Column(l);
            effects[(l + shift) % n] += column.OuterProduct(column.Conjugate());
        }
        return effects;
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
