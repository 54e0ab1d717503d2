using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A split attack for a guess of one or more parties (seesaw.md "Split attacks", continuous-variables.md §9.8): Eve's
/// attack is a direct sum over her guesses. The guessed parties are decomposed one after the other, in a given order:
/// <code>
///   level g, party j = the g-th guessed party, for every part P (a state ρ_P on A ⊗ the parties' current blocks, with the
///   earlier guessed parties' outcomes e_&lt;g fixed): T = A ⊗ every other system of P,
///   τ_{b|y} = Tr_j[(I_T ⊗ M^P_{b|y}) ρ_P],   W = I_A ⊗ (⊗ earlier guessed parties: M^P_{e_h|y*_h}) ⊗ I,
///   max Σ_e Tr[W τ^e_{e|y*}]  s.t.  Σ_e τ^e_{b|y} = τ_{b|y},  τ^e ⪰ 0,  Σ_b τ^e_{b|y} = Σ_b τ^e_{b|0}       (9.5)
/// </code>
/// (OneSidedDecompositionStart.Solve), and each part τ^e is realised by purification (<see cref="Purification"/>) in a
/// new block of party j of size b: child part (P, e). Bipartite no-signalling assemblages are quantum, so every level
/// reproduces its parent exactly (to the SDP's tolerance), and by induction the final parts reproduce the data. In the
/// final part with guess tuple e Eve guesses e, so P_g = the last level's total objective: at each level the best split
/// given the earlier levels. Party j's blocks are indexed by the guess prefix (e_0 … e_g): the first guessed party has n
/// blocks, the second n², …; non-guessed parties keep their true device in one shared block. Components are the final
/// parts, each locked to its guess (the cross blocks are dropped: block-diagonal measurements never see them). The
/// seesaw then alternates from it with one small state block per component (2·b·b for a joint guess of two parties).
/// </summary>
internal static class JointSplitStart
{
    /// <summary>A part below this weight is dropped (its data contribution is below the seesaw's noise level).</summary>
    private const double MinimumWeight = 1e-12;

    /// <summary>A state on A ⊗ the parties' blocks, their POVMs there, and the guessed outcomes fixed so far (−1: not yet).</summary>
    private sealed record Part(Matrix<Complex> Rho, int[] Dims, Matrix<Complex>[][][] Povms, int[] Prefix);

    /// <summary>
    /// The split start decomposing the guessed parties in <paramref name="order"/> (positions in guess.Parties), or null
    /// with the reason when a part's support exceeds the block size or an SDP gives no point.
    /// </summary>
    public static (BlockAttack? Attack, string Reason) TryBuild(QuantumRealisation truth, GuessTarget guess, IReadOnlyList<int> order,
        int blockSize, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation)
    {
        var dims = new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray();
        var povms = truth.Povms.Select(p => p.Select(s => s.ToArray()).ToArray()).ToArray();
        var parts = new List<Part> { new(truth.State, dims, povms, Enumerable.Repeat(-1, guess.Parties.Count).ToArray()) };
        foreach (int side in order)
        {
            var next = new List<Part>();
            foreach (var part in parts)
            {
                cancellation.ThrowIfCancellationRequested();
                var (children, reason) = Split(part, guess, side, blockSize, solver, settings, cancellation);
                if (children is null) return (null, reason);
                next.AddRange(children);
            }
            parts = next;
        }
        return (Assemble(truth, guess, order, parts), "");
    }

    /// <summary>One level of (9.5) on one part: its children, one per guess e of party guess.Parties[side] with weight.</summary>
    private static (List<Part>? Children, string Reason) Split(Part part, GuessTarget guess, int side, int blockSize,
        ISdpSolver solver, SdpSettings settings, CancellationToken cancellation)
    {
        int j = guess.Parties[side];
        var kept = Enumerable.Range(0, part.Dims.Length).Where(q => q != j + 1).ToArray();
        var keptDims = kept.Select(q => part.Dims[q]).ToArray();
        var order = kept.Append(j + 1).ToArray();
        var tau = OneSidedDecompositionStart.Steering(part.Rho, part.Dims, j, part.Povms[j]);
        // W: the earlier guessed parties' effects for this part's guesses (their outcomes are fixed in the prefix).
        var weight = Tensor.Kron(kept.Select(q =>
        {
            int position = q == 0 ? -1 : guess.Parties.ToList().IndexOf(q - 1);
            return position >= 0 && part.Prefix[position] >= 0
                ? part.Povms[q - 1][guess.Settings[position]][part.Prefix[position]]
                : DenseOps.Identity(part.Dims[q]);
        }).ToArray());
        var decomposition = OneSidedDecompositionStart.Solve(tau, guess.Settings[side], solver, settings, cancellation, weight);
        if (decomposition is null) return (null, $"the split SDP of party {j} gave no primal point");
        // Back to the natural order (A, party 0, 1, …) with party j's system replaced by its block.
        var blockOrderDims = keptDims.Append(blockSize).ToArray();
        var inverse = Enumerable.Range(0, part.Dims.Length).Select(p => Array.IndexOf(order, p)).ToArray();
        var children = new List<Part>();
        for (int e = 0; e < decomposition.Length; e++)
        {
            var rho = DenseOps.HermitianPart(AttackAlgebra.Sum(decomposition[e][0]));
            if (rho.Trace().Real <= MinimumWeight) continue;
            var purified = Purification.Of(rho, decomposition[e], blockSize);
            if (purified is null)
                return (null, $"a part of party {j}'s split has support {Purification.SupportSize(rho)} > the block size {blockSize}");
            var (psi, effects) = purified.Value;
            var childDims = (int[])part.Dims.Clone();
            childDims[j + 1] = blockSize;
            var childPovms = (Matrix<Complex>[][][])part.Povms.Clone();
            childPovms[j] = effects;
            var prefix = (int[])part.Prefix.Clone();
            prefix[side] = e;
            children.Add(new Part(Tensor.Reorder(psi.OuterProduct(psi.Conjugate()), blockOrderDims, inverse), childDims, childPovms, prefix));
        }
        return (children, "");
    }

    /// <summary>The final parts as a block attack: one locked component per part, blocks keyed by the guess prefix.</summary>
    private static BlockAttack Assemble(QuantumRealisation truth, GuessTarget guess, IReadOnlyList<int> order, List<Part> parts)
    {
        int k = truth.PartyDimensions.Count;
        var keys = Enumerable.Range(0, k).Select(_ => new Dictionary<string, int>()).ToArray();
        var sizes = Enumerable.Range(0, k).Select(_ => new List<int>()).ToArray();
        var blockPovms = Enumerable.Range(0, k).Select(_ => new List<Matrix<Complex>[][]>()).ToArray();
        var components = new int[parts.Count][];
        for (int c = 0; c < parts.Count; c++)
        {
            var part = parts[c];
            components[c] = new int[k];
            for (int j = 0; j < k; j++)
            {
                // A guessed party's block is fixed by the outcomes guessed up to and including its level; others share one.
                int level = order.ToList().IndexOf(guess.Parties.ToList().IndexOf(j));
                string key = level < 0 ? "" : string.Join(",", order.Take(level + 1).Select(side => part.Prefix[side]));
                if (!keys[j].TryGetValue(key, out int block))
                {
                    keys[j][key] = block = sizes[j].Count;
                    sizes[j].Add(part.Dims[j + 1]);
                    blockPovms[j].Add(part.Povms[j]);
                }
                components[c][j] = block;
            }
        }
        var guessTuples = AttackAlgebra.GuessTuples(guess, truth.Povms);
        var locks = parts.Select(p => Array.FindIndex(guessTuples, t => t.SequenceEqual(p.Prefix))).ToArray();
        var subStates = parts.Select((p, c) => guessTuples.Select((_, e) =>
            e == locks[c] ? p.Rho : Matrix<Complex>.Build.Dense(p.Rho.RowCount, p.Rho.ColumnCount)).ToArray()).ToArray();
        return new BlockAttack(truth.TrustedDimension, guess, sizes.Select(s => s.ToArray()).ToArray(),
            blockPovms.Select(b => b.ToArray()).ToArray(), subStates, components, locks);
    }
}
