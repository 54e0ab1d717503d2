using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The seesaw step over Eve's sub-states with all POVMs fixed:
/// <code>
///   max Σ_t Σ_e Tr[(I_A ⊗ G^t_e) σ^e_t]   s.t.  Σ_t Tr_U[(I_A ⊗ O^t_{a|x}) Σ_e σ^e_t] = σ^obs_{a|x}  ∀ a, x,   σ^e_t ⪰ 0,
/// </code>
/// over the components t of a <see cref="BlockAttack"/> (one component when the POVMs have no block structure),
/// G^t_e = ⊗_j (M^{j,t_j}_{e_j|x*_j} on guessed parties, I elsewhere), O^t_{a|x} = ⊗_j M^{j,t_j}_{a_j|x_j}. Each matrix
/// equality is written as dA² real equalities Σ_t Tr[(B_l ⊗ O^t_{a|x}) ρ_t] = Tr[B_l σ^obs_{a|x}] against an
/// orthonormal Hermitian basis B_l of the trusted system; the same row acts on every guess e, and an independent
/// subset of these rows is kept. Components with identical POVMs are solved as one class (<see cref="ComponentClasses"/>):
/// SDP block (k, e) is the sub-state of class k for guess e (every e, or the class's locked guess in a split attack),
/// shared equally among the class's members.
/// </summary>
internal static class StateStep
{
    /// <summary>Eigenvalues of ρ_t up to this multiple of the raw solution's data deviation are dropped (see Build).</summary>
    private const double NoiseMultiple = 100;

    public static StepProblem Build(ObservedData data, BlockAttack attack, double feasibilityTolerance)
    {
        int dA = data.TrustedDimension;
        // One SDP component per class of components with identical POVMs (see ComponentClasses).
        var classes = ComponentClasses(attack);
        var representatives = classes.Select(members => members[0]).ToArray();
        int components = classes.Length;
        int ComponentSize(int c) => dA * attack.ComponentDimensions(c).Aggregate(1, (p, d) => p * d);
        var sizes = representatives.Select(ComponentSize).ToArray();
        int totalSize = Enumerable.Range(0, attack.Components.Length).Sum(ComponentSize);
        var povms = representatives.Select(attack.ComponentPovms).ToArray();
        var trustedBasis = Enumerable.Range(0, dA * dA).Select(l => HermitianCoordinates.BasisElement(l, dA)).ToArray();
        var componentOffsets = StepProblem.CoordinateOffsets(sizes);

        var singleRows = new List<double[]>();
        var rhs = new List<double>();
        for (int x = 0; x < data.SettingTuples.Length; x++)
            for (int a = 0; a < data.OutcomeTuples.Length; a++)
            {
                var o = povms.Select(p => AttackAlgebra.UntrustedOperator(p, data.OutcomeTuples[a], data.SettingTuples[x])).ToArray();
                var observed = HermitianCoordinates.ToVector(data.Blocks[x, a]);
                for (int l = 0; l < trustedBasis.Length; l++)
                {
                    var row = new double[componentOffsets[components]];
                    for (int c = 0; c < components; c++)
                        HermitianCoordinates.ToVector(trustedBasis[l].KroneckerProduct(o[c])).CopyTo(row, componentOffsets[c]);
                    singleRows.Add(row);
                    // Tr[B_l σ] is coordinate l of σ, since the B_l are the coordinate basis.
                    rhs.Add(observed[l]);
                }
            }
        // Select once (the rows are identical for every guess e), then repeat each component's part per free guess. A subset
        // of the original rows, not orthonormal combinations: B_l ⊗ O^t_{a|x} is sparse (and zero on the components
        // where a deterministic block answers otherwise), which makes the solver's Schur complement ≈ 5× cheaper.
        // SDP blocks: one per (class, free guess); a split attack's components are locked to one guess each.
        var reduced = IndependentRows.Select(singleRows.ToArray(), rhs.ToArray());
        var pairs = Enumerable.Range(0, components).SelectMany(c => attack.FreeGuesses(representatives[c]).Select(e => (Class: c, Guess: e))).ToArray();
        var blockSizes = pairs.Select(p => sizes[p.Class]).ToArray();
        var blockOffsets = StepProblem.CoordinateOffsets(blockSizes);
        var rows = reduced.Rows.Select(q =>
        {
            var full = new double[blockOffsets[^1]];
            for (int s = 0; s < pairs.Length; s++)
            {
                int c = pairs[s].Class;
                Array.Copy(q, componentOffsets[c], full, blockOffsets[s], componentOffsets[c + 1] - componentOffsets[c]);
            }
            return full;
        }).ToArray();

        var objective = pairs.Select(p => (Matrix<Complex>?)DenseOps.Identity(dA).KroneckerProduct(
            AttackAlgebra.GuessOperator(povms[p.Class], attack.ComponentDimensions(representatives[p.Class]), attack.Guess, attack.GuessTuples[p.Guess]))).ToArray();
        var (problem, _) = StepProblem.Assemble(blockSizes, objective, rows, reduced.Rhs, independent: true);
        return new StepProblem("states", problem, reduced.Inconsistency,
            solution =>
            {
                var blocks = StepProblem.Blocks(solution, pairs.Length).Select(DenseOps.ClipToPsd).ToArray();
                // Each class's sub-states are shared equally among its members: the symmetric optimum of the full problem.
                var raw = new Matrix<Complex>[attack.Components.Length][];
                for (int k = 0; k < components; k++)
                    foreach (var c in classes[k])
                    {
                        raw[c] = attack.SubStates[c].Select(m => Matrix<Complex>.Build.Dense(m.RowCount, m.ColumnCount)).ToArray();
                        for (int s = 0; s < pairs.Length; s++)
                            if (pairs[s].Class == k) raw[c][pairs[s].Guess] = blocks[s] / classes[k].Length;
                    }
                // Eigenvalues of ρ_t below tol/(10 D) are solver noise: dropping them moves the data by at most tol/10.
                // Eigenvalues of the order of the solver's own data deviation δ are cut too: on (nearly) pure data such
                // directions let an attack that misses the data by δ gain O(√δ) over every feasible one; without them
                // the step either stays feasible or is rejected by the deviation check, never inflated.
                double deviation = data.MaxDeviation(attack.WithSubStates(raw).Assemblage());
                double noise = Math.Max(feasibilityTolerance / (10.0 * totalSize), Math.Min(NoiseMultiple * deviation, feasibilityTolerance));
                return attack.WithSubStates(raw.Select(parts => Resplit(parts, noise)).ToArray());
            });
    }

    /// <summary>
    /// The components grouped by identical POVMs (every party's block, effect by effect, exactly equal; e.g. the pinned
    /// copies' repeated blocks), each class in order of its first member. Members of a class enter every constraint row
    /// and the objective with the same coefficients, so only the sum of their sub-states matters: the step solves for
    /// one sub-state per class (d = 10 with qubit blocks: 9 classes instead of 25 components for a pinned start), and the
    /// problem is invariant under permuting the members, so sharing the optimum equally is the symmetric optimal
    /// point an interior-point solver would return for the full problem.
    /// </summary>
    internal static int[][] ComponentClasses(BlockAttack attack)
    {
        // Per party, the first block with the same size and effects as block i.
        var blockClass = attack.Povms.Select((party, j) => Enumerable.Range(0, party.Length).Select(i =>
            Enumerable.Range(0, i + 1).First(first => attack.BlockSizes[j][first] == attack.BlockSizes[j][i] && SameEffects(party[first], party[i])))
            .ToArray()).ToArray();
        return Enumerable.Range(0, attack.Components.Length)
            .GroupBy(c => string.Join(",", attack.Components[c].Select((i, j) => blockClass[j][i])) + (attack.Locks is null ? "" : $"|{attack.Locks[c]}"))
            .Select(g => g.ToArray()).ToArray();
    }

    private static bool SameEffects(Matrix<Complex>[][] a, Matrix<Complex>[][] b) =>
        a.Length == b.Length && a.Zip(b).All(s => s.First.Length == s.Second.Length && s.First.Zip(s.Second).All(m => m.First.Equals(m.Second)));

    /// <summary>
    /// Rebuilds the sub-states on the numerically meaningful support of ρ̃ = Σ_e σ̃^e: with P the projector on
    /// the eigenvectors of ρ̃ with eigenvalue above <paramref name="noise"/> and ρ_t = P ρ̃ P,
    /// <code>  K_e = ρ_t^{−1/2} σ̃^e ρ_t^{−1/2}  (a POVM on the support),   σ^e = ρ_t^{1/2} K_e ρ_t^{1/2}.</code>
    /// Why: when the data are pure (or nearly) the feasible ρ sit on the boundary of the PSD cone, and a solver's
    /// slightly infeasible σ̃^e can carry cross terms of size √(noise) between the support and the near-kernel,
    /// which raise P_g by far more than the data deviation shows (√δ instead of δ). Cutting the near-kernel
    /// removes those cross terms, so the seesaw never reports a P_g that no feasible attack reaches.
    /// </summary>
    internal static Matrix<Complex>[] Resplit(IReadOnlyList<Matrix<Complex>> subStates, double noise)
    {
        var rho = DenseOps.HermitianPart(AttackAlgebra.Sum(subStates));
        var maps = DenseOps.SpectralMaps(rho, l => l > noise ? Math.Sqrt(l) : 0.0, l => l > noise ? 1 / Math.Sqrt(l) : 0.0);
        var (root, inverseRoot) = (maps[0], maps[1]);
        return subStates.Select(s =>
        {
            var k = DenseOps.HermitianPart(inverseRoot * s * inverseRoot);
            return DenseOps.ClipToPsd(root * k * root);
        }).ToArray();
    }
}
