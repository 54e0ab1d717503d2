using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A start in which Eve holds a copy of the guessed outcomes. When the realisation's state is a product between every
/// guessed party and the rest, ρ = ρ_rest ⊗ ρ_{g_1} ⊗ … (e.g. |000⟩), a guessed party's device can be replaced by a
/// classical register λ with the same statistics p(b|y) = Tr[M_{b|y} ρ_g]: the comonotone coupling
///   λ_u(y) = min{ b : F_y(b) > u },  u uniform on [0, 1),  F_y(b) = Σ_{b' ≤ b} p(b'|y),
/// is constant between the breakpoints of all the F_y, so it needs at most 1 + Σ_y (n_y − 1) levels, each with weight
/// the length of its interval. Every setting's marginal and the independence from the rest are kept, so the data are
/// reproduced exactly, and Eve, who knows λ, guesses every guessed outcome: P_g = 1 (the seesaw alone never reaches it
/// from the realisation in dimension 2, where there are no spare levels for deterministic strategies).
/// </summary>
internal static class ClassicalCopyStart
{
    private const double ProductTolerance = 1e-10;

    /// <summary>The start, or null when the state is not such a product or a register does not fit in block 0.</summary>
    public static BlockAttack? TryBuild(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess)
    {
        int k = truth.PartyDimensions.Count;
        var dims = new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray();
        var guessed = guess.Parties.ToArray();
        var rest = new[] { 0 }.Concat(Enumerable.Range(0, k).Where(j => !guessed.Contains(j)).Select(j => j + 1)).ToArray();
        // Subsystems in the order [rest..., guessed parties in guess order]; `order` puts them back in the natural order.
        var layout = rest.Concat(guessed.Select(j => j + 1)).ToArray();
        var order = Enumerable.Range(0, dims.Length).Select(q => Array.IndexOf(layout, q)).ToArray();
        var rhoRest = DenseOps.TraceAllBut(truth.State, dims, rest);
        var local = guessed.Select(j => DenseOps.TraceAllBut(truth.State, dims, j + 1)).ToArray();
        var product = Tensor.Reorder(Tensor.Kron([rhoRest, .. local]), layout.Select(q => dims[q]).ToArray(), order);
        if (DenseOps.MaxAbs(product - truth.State) > ProductTolerance) return null;

        var registers = new (double Weight, int[] Outcomes)[guessed.Length][];
        for (int i = 0; i < guessed.Length; i++)
        {
            registers[i] = Coupling(truth.Povms[guessed[i]], local[i]);
            if (registers[i].Length > blockSizes[guessed[i]][0]) return null;
        }

        var start = StartingPoints.Embedded(truth, blockSizes, guess);
        var povms = start.Povms.Select(p => p.ToArray()).ToArray();
        for (int i = 0; i < guessed.Length; i++)
            povms[guessed[i]][0] = RegisterPovms(registers[i], blockSizes[guessed[i]][0], truth.Povms[guessed[i]]);
        // Component 0 (block 0 of every party): ρ_rest embedded in the rest's block-0 sizes, times each register's
        // levels whose outcome at the guessed setting is Eve's guess, σ^e = ρ_rest ⊗ ⊗_i Σ_{ℓ: λ_ℓ(y*_i) = e_i} w_ℓ |ℓ⟩⟨ℓ|.
        var restSizes = rest.Select(q => q == 0 ? truth.TrustedDimension : blockSizes[q - 1][0]).ToArray();
        var v = DenseOps.EmbeddingIsometry(rest.Select(q => dims[q]).ToArray(), restSizes);
        var embeddedRest = v * rhoRest * v.ConjugateTranspose();
        var sizes = restSizes.Concat(guessed.Select(j => blockSizes[j][0])).ToArray();
        var subStates = start.SubStates.Select(s => s.ToArray()).ToArray();
        for (int e = 0; e < start.GuessTuples.Length; e++)
        {
            var factors = new List<Matrix<Complex>> { embeddedRest };
            for (int i = 0; i < guessed.Length; i++)
            {
                var register = Matrix<Complex>.Build.Dense(blockSizes[guessed[i]][0], blockSizes[guessed[i]][0]);
                for (int l = 0; l < registers[i].Length; l++)
                    if (registers[i][l].Outcomes[guess.Settings[i]] == start.GuessTuples[e][i]) register[l, l] = registers[i][l].Weight;
                factors.Add(register);
            }
            subStates[0][e] = Tensor.Reorder(Tensor.Kron([.. factors]), sizes, order);
        }
        return new BlockAttack(truth.TrustedDimension, guess, blockSizes, povms, subStates);
    }

    /// <summary>The comonotone coupling of the settings' outcome distributions: (weight, outcome per setting) per level.</summary>
    private static (double Weight, int[] Outcomes)[] Coupling(IReadOnlyList<IReadOnlyList<Matrix<Complex>>> povms, Matrix<Complex> rho)
    {
        var cdf = povms.Select(setting =>
        {
            var cumulative = 0.0;
            return setting.Select(m => cumulative += Math.Max(0, (m * rho).Trace().Real)).ToArray();
        }).ToArray();
        var breaks = cdf.SelectMany(c => c[..^1]).Where(u => u > 1e-12 && u < 1 - 1e-12).Append(0.0).Append(1.0)
            .OrderBy(u => u).ToList();
        var levels = new List<(double, int[])>();
        for (int i = 0; i + 1 < breaks.Count; i++)
        {
            var weight = breaks[i + 1] - breaks[i];
            if (weight <= 1e-12) continue;
            var u = (breaks[i] + breaks[i + 1]) / 2;
            levels.Add((weight, cdf.Select(c => Array.FindIndex(c, f => f > u) is var b && b >= 0 ? b : c.Length - 1).ToArray()));
        }
        return levels.ToArray();
    }

    /// <summary>Block 0 of a register: M_{b|y} = Σ_{ℓ: λ_ℓ(y) = b} |ℓ⟩⟨ℓ|; unused levels (weight 0) give outcome 0.</summary>
    private static Matrix<Complex>[][] RegisterPovms((double Weight, int[] Outcomes)[] levels, int size, IReadOnlyList<IReadOnlyList<Matrix<Complex>>> shape) =>
        shape.Select((setting, y) => Enumerable.Range(0, setting.Count).Select(b =>
        {
            var effect = Matrix<Complex>.Build.Dense(size, size);
            for (int l = 0; l < size; l++)
                if ((l < levels.Length ? levels[l].Outcomes[y] : 0) == b) effect[l, l] = 1;
            return effect;
        }).ToArray()).ToArray();
}
