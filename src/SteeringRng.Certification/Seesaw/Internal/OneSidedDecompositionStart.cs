using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A start for a single guessed party j that is not rigid (continuous-variables.md §9.7). Keep every other untrusted
/// party's true device and let T = A ⊗ (the others' realisation spaces) play the trusted system: party j's steering of T
/// is the bipartite assemblage τ_{b|y} = Tr_j[(I_T ⊗ M_{b|y}) ρ], and σ_{a|x} is a linear image of it (the others measure).
/// Eve's best decomposition of a bipartite assemblage is one SDP,
/// <code>
///   max Σ_e Tr τ^e_{e|y*}   s.t.   Σ_e τ^e_{b|y} = τ_{b|y},   τ^e_{b|y} ⪰ 0,   Σ_b τ^e_{b|y} = Σ_b τ^e_{b|0} =: ρ^e,
/// </code>
/// and every no-signalling bipartite τ^e is quantum (the purification construction): party j's block e holds the
/// purification |Ψ^e⟩ = Σ_i √λ_i |v_i⟩_T |i⟩ of ρ^e = Σ λ_i |v_i⟩⟨v_i| and measures
/// N^e_{b|y} = (Λ^{−1/2} V† τ^e_{b|y} V Λ^{−1/2})ᵀ, so Tr_j[(I ⊗ N^e_{b|y}) |Ψ^e⟩⟨Ψ^e|] = τ^e_{b|y}. With the others'
/// true POVMs on T this reproduces the data and gives Eve P_g = the SDP's value: the optimal attack among those that keep
/// the other parties' devices. It needs one block of size ≥ dim T for each guess e with weight (blocks of dim T: d ≥ n·dim T).
/// The solver's τ^e are feasible to its tolerance only; the seesaw re-checks the start's data deviation like every iterate.
/// </summary>
internal static class OneSidedDecompositionStart
{
    /// <summary>Eigenvalues of ρ^e below this (relative to its trace) are dropped: the purification lives on the rest.</summary>
    private const double RankCut = 1e-12;

    /// <summary>
    /// The start decomposing the steering of guessed party j = guess.Parties[side], or null when party j has too few blocks
    /// of size ≥ dim T. For a joint guess the SDP still maximises Eve's guess of party j; in component e she then guesses
    /// each other guessed party's most likely outcome under ρ^e (the seesaw's later steps refine it).
    /// </summary>
    public static BlockAttack? TryBuild(QuantumRealisation truth, int[][] blockSizes, GuessTarget guess, int side, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation)
    {
        int j = guess.Parties[side], yStar = guess.Settings[side], k = truth.PartyDimensions.Count;
        var dims = new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray();
        var kept = Enumerable.Range(0, dims.Length).Where(q => q != j + 1).ToArray(); // T = A ⊗ the others, natural order
        int dT = kept.Aggregate(1, (p, q) => p * dims[q]);
        var povms = truth.Povms[j];
        int settingCount = povms.Count, outcomes = povms[0].Count;
        var room = Enumerable.Range(0, blockSizes[j].Length).Where(i => blockSizes[j][i] >= dT).ToArray();
        if (room.Length < 2) return null;

        var tau = Steering(truth.State, dims, j, povms);

        var decomposition = Solve(tau, yStar, solver, settings, cancellation);
        if (decomposition is null) return null;
        var used = Enumerable.Range(0, outcomes).Where(e => decomposition[e][0].Aggregate((s, m) => s + m).Trace().Real > 1e-12).ToArray();
        if (used.Length > room.Length) return null;

        var embedded = StartingPoints.Embedded(truth, blockSizes, guess);
        var partyPovms = embedded.Povms.Select(p => p.ToArray()).ToArray();
        var subStates = embedded.SubStates.Select(s => s.Select(m => Matrix<Complex>.Build.Dense(m.RowCount, m.ColumnCount)).ToArray()).ToArray();
        for (int u = 0; u < used.Length; u++)
        {
            int e = used[u], block = room[u], size = blockSizes[j][block];
            var rho = DenseOps.HermitianPart(AttackAlgebra.Sum(decomposition[e][0]));
            // Party j's effects on its block and the purification (Purification: size ≥ dim T ≥ rank ρ^e, never null).
            var (purified, effects) = Purification.Of(rho, decomposition[e], size)!.Value;
            partyPovms[j][block] = effects;

            // |Ψ^e⟩ = Σ_i √λ_i |v_i⟩_T |i⟩_j, written in the component's natural order (A, parties), each in its block.
            int component = Array.FindIndex(embedded.Components, t => t.Select((i, q) => q == j ? i == block : i == 0).All(x => x));
            var componentDims = new[] { truth.TrustedDimension }.Concat(embedded.ComponentDimensions(component)).ToArray();
            var psi = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.Dense(componentDims.Aggregate(1, (p, d) => p * d));
            var keptDims = kept.Select(q => dims[q]).ToArray();
            for (int t = 0; t < dT; t++)
                for (int r = 0; r < size; r++)
                {
                    var digits = new int[componentDims.Length];
                    var tDigits = Tensor.Digits(t, keptDims);
                    for (int q = 0; q < kept.Length; q++) digits[kept[q]] = tDigits[q];
                    digits[j + 1] = r;
                    psi[Tensor.Index(digits, componentDims)] = purified[t * size + r];
                }
            var tuple = guess.Parties.Select((q, g) => g == side ? e : LikeliestOutcome(truth, kept, dims, guess, g, rho)).ToArray();
            int guessIndex = Array.FindIndex(embedded.GuessTuples, g => g.SequenceEqual(tuple));
            subStates[component][guessIndex] = psi.OuterProduct(psi.Conjugate());
        }
        return new BlockAttack(truth.TrustedDimension, guess, blockSizes, partyPovms, subStates);
    }

    /// <summary>
    /// Party j's steering of T = A ⊗ every other system (natural order): τ_{b|y} = Tr_j[(I_T ⊗ M_{b|y}) ρ], as [y][b].
    /// </summary>
    internal static Matrix<Complex>[][] Steering(Matrix<Complex> rho, int[] dims, int j, IReadOnlyList<IReadOnlyList<Matrix<Complex>>> povms)
    {
        var kept = Enumerable.Range(0, dims.Length).Where(q => q != j + 1).ToArray();
        int dT = kept.Aggregate(1, (p, q) => p * dims[q]);
        var reordered = Tensor.Reorder(rho, dims, kept.Append(j + 1).ToArray());
        return povms.Select(setting => setting.Select(m =>
            DenseOps.TraceAllBut(reordered * DenseOps.Identity(dT).KroneckerProduct(m), [dT, dims[j + 1]], 0)).ToArray()).ToArray();
    }

    /// <summary>The outcome of guessed party guess.Parties[g] (one of the kept ones) most likely under ρ on T, at its guessed setting.</summary>
    private static int LikeliestOutcome(QuantumRealisation truth, int[] kept, int[] dims, GuessTarget guess, int g, Matrix<Complex> rho)
    {
        int party = guess.Parties[g];
        var effects = truth.Povms[party][guess.Settings[g]];
        var p = effects.Select(m => (Tensor.Kron(kept.Select(q => q == party + 1 ? m : DenseOps.Identity(dims[q])).ToArray()) * rho).Trace().Real).ToArray();
        return Array.IndexOf(p, p.Max());
    }

    /// <summary>
    /// The SDP above; τ^e_{b|y} as [e][y][b], or null when the solver gives no primal point. Facially reduced: τ^e_{b|y} ⪯
    /// τ_{b|y}, so τ^e_{b|y} = P X P† with P the isometry onto the support of τ_{b|y} (rank-deficient for pure data, where the
    /// unreduced problem has no interior), and X ⪰ 0 on that support is the variable. With a <paramref name="weight"/> W ⪰ 0 on
    /// T the objective is Σ_e Tr[W τ^e_{e|y*}] (JointSplitStart: W = the earlier guessed parties' effects for this part's guess).
    /// </summary>
    internal static Matrix<Complex>[][][]? Solve(Matrix<Complex>[][] tau, int yStar, ISdpSolver solver, SdpSettings settings,
        CancellationToken cancellation, Matrix<Complex>? weight = null)
    {
        int settingCount = tau.Length, outcomes = tau[0].Length, n = tau[0][0].RowCount, coords = HermitianCoordinates.Count(n);
        var support = tau.Select(setting => setting.Select(Support).ToArray()).ToArray();
        // map[y][b]: the n²×r² matrix of X ↦ coordinates of P X P†, column by column.
        var map = support.Select(setting => setting.Select(p =>
        {
            int r = p.ColumnCount, rc = HermitianCoordinates.Count(r);
            var columns = new double[rc][];
            for (int l = 0; l < rc; l++)
            {
                var unit = new double[rc];
                unit[l] = 1;
                columns[l] = HermitianCoordinates.ToVector(p * HermitianCoordinates.FromVector(unit, r) * p.ConjugateTranspose());
            }
            return columns;
        }).ToArray()).ToArray();
        int Block(int e, int y, int b) => (e * settingCount + y) * outcomes + b;
        int blocks = outcomes * settingCount * outcomes;
        var sizes = new int[blocks];
        for (int e = 0; e < outcomes; e++)
            for (int y = 0; y < settingCount; y++)
                for (int b = 0; b < outcomes; b++) sizes[Block(e, y, b)] = support[y][b].ColumnCount;
        var offsets = StepProblem.CoordinateOffsets(sizes);
        var rows = new List<double[]>();
        var rhs = new List<double>();
        // Σ_e X_{e,y,b} = P† τ_{b|y} P, coordinate by coordinate (orthonormal coordinates: Tr[B_l X] = X_l).
        for (int y = 0; y < settingCount; y++)
            for (int b = 0; b < outcomes; b++)
            {
                var p = support[y][b];
                var target = HermitianCoordinates.ToVector(p.ConjugateTranspose() * tau[y][b] * p);
                for (int l = 0; l < target.Length; l++)
                {
                    var row = new double[offsets[^1]];
                    for (int e = 0; e < outcomes; e++) row[offsets[Block(e, y, b)] + l] = 1;
                    rows.Add(row);
                    rhs.Add(target[l]);
                }
            }
        // No-signalling: Σ_b P X_{e,y,b} P† − Σ_b P X_{e,0,b} P† = 0, every coordinate of the n×n result.
        for (int e = 0; e < outcomes; e++)
            for (int y = 1; y < settingCount; y++)
                for (int l = 0; l < coords; l++)
                {
                    var row = new double[offsets[^1]];
                    for (int b = 0; b < outcomes; b++)
                    {
                        for (int q = 0; q < map[y][b].Length; q++) row[offsets[Block(e, y, b)] + q] += map[y][b][q][l];
                        for (int q = 0; q < map[0][b].Length; q++) row[offsets[Block(e, 0, b)] + q] -= map[0][b][q][l];
                    }
                    rows.Add(row);
                    rhs.Add(0);
                }
        var objective = new Matrix<Complex>?[blocks];
        for (int e = 0; e < outcomes; e++)
            objective[Block(e, yStar, e)] = weight is null ? DenseOps.Identity(sizes[Block(e, yStar, e)])
                : DenseOps.HermitianPart(support[yStar][e].ConjugateTranspose() * weight * support[yStar][e]);
        var (problem, _) = StepProblem.Assemble(sizes, objective, rows.ToArray(), rhs.ToArray());
        var solution = solver.Solve(problem, settings, cancellation);
        if (solution.X.Count != blocks || solution.Status is SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible) return null;
        var x = StepProblem.Blocks(solution, blocks).Select(DenseOps.ClipToPsd).ToArray();
        return Enumerable.Range(0, outcomes).Select(e => Enumerable.Range(0, settingCount).Select(y =>
            Enumerable.Range(0, outcomes).Select(b =>
            {
                var p = support[y][b];
                return DenseOps.HermitianPart(p * x[Block(e, y, b)] * p.ConjugateTranspose());
            }).ToArray()).ToArray()).ToArray();
    }

    /// <summary>The isometry (columns: eigenvectors) onto the eigenvalues of x above RankCut × its largest.</summary>
    private static Matrix<Complex> Support(Matrix<Complex> x)
    {
        var eig = DenseOps.HermitianPart(x).Evd(Symmetricity.Hermitian);
        double top = eig.EigenValues.Select(v => v.Real).Max();
        var keep = Enumerable.Range(0, x.RowCount).Where(i => eig.EigenValues[i].Real > RankCut * Math.Max(top, 1e-300)).ToArray();
        var p = Matrix<Complex>.Build.Dense(x.RowCount, Math.Max(1, keep.Length));
        for (int c = 0; c < keep.Length; c++) p.SetColumn(c, eig.EigenVectors.Column(keep[c]));
        return p;
    }
}
