using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Quantum;
using SteeringRng.Sdp;
using CVector = MathNet.Numerics.LinearAlgebra.Vector<System.Numerics.Complex>;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// Attacks in which the guessed parties are classical (seesaw.md "Classical guessed parties", continuous-variables.md §9.9).
/// Eve hands each guessed party a deterministic strategy λ (an outcome for each of its settings) and the one remaining
/// untrusted party r, if any, a device steering Alice; for a single guessed party she may also keep, in a second part,
/// party r's true device and split the guessed party's steering of T = A ⊗ r (the one-sided decomposition, §9.7):
/// <code>
///   max Σ_λ Tr ρ^λ + Σ_e Tr τ^e_{e|y*}
///   s.t. Σ_λ D(a_G|x_G, λ) σ^λ_{a_r|x_r} + Tr_r[(I_A ⊗ N_{a_r|x_r}) τ_{a_G|x_G}] = σ_{a|x},   τ_{b|y} = Σ_e τ^e_{b|y},
///        σ^λ_{c|z} ⪰ 0,  Σ_c σ^λ_{c|z} = Σ_c σ^λ_{c|0} =: ρ^λ,   τ^e_{b|y} ⪰ 0,  Σ_b τ^e_{b|y} = Σ_b τ^e_{b|0}
/// </code>
/// (N the true effects of party r; with no remaining party the first part is σ_{a|x} = Σ_λ D(a|x, λ) σ^λ, a
/// local-hidden-state model, and there is no second part). Both parts are no-signalling bipartite assemblages, hence
/// quantum (<see cref="Purification"/>): party r holds one block per λ with the purification of ρ^λ, each guessed party a
/// register |λ⟩ on which it answers D(·|y, λ); in the second part the guessed party holds, per e, the purification of
/// Σ_b τ^e_{b|0} on T and party r its true device. Eve knows λ (P_g = 1 on the first part) and e (the one-sided split on
/// the second), so P_g = the SDP's value, and = 1 exactly when the first part alone reproduces the data.
/// Why it matters: for a single guessed party with one other untrusted party, H^NS = 0 (P_g^NS = 1) forces every part of
/// Eve's optimal no-signalling decomposition to be deterministic at the guessed setting, and splitting each part by the
/// guessed party's other outcomes gives exactly the first part. So the attack meets H^NS = 0 wherever it holds, and the
/// second part keeps the attack continuous beyond that region (where the first part alone is infeasible).
/// </summary>
internal static class ClassicalGuessAttack
{
    /// <summary>Eigenvalues below this times the largest are outside a matrix's support.</summary>
    private const double RankCut = 1e-12;

    /// <summary>A part whose state has trace below this is dropped (below the seesaw's noise level).</summary>
    private const double MinimumWeight = 1e-13;

    /// <summary>
    /// When the solver stalls (see Solve), one more solve per cut: eigenvalues of the stalled solution below the cut times
    /// its largest are taken as zero.
    /// </summary>
    private static readonly double[] ReductionCuts = [1e-9, 1e-7, 1e-5];

    /// <summary>A solution whose parts reproduce the data to this (max entry-wise) is taken as it is.</summary>
    private const double AccurateResidual = 1e-10;

    /// <summary>Otherwise every solution within this is a candidate attack (the attack check decides).</summary>
    private const double CandidateResidual = 1e-7;

    /// <summary>Largest number of strategies λ (the SDP has one block per λ, setting and outcome of the remaining party).</summary>
    public const int MaxStrategies = 4096;

    /// <summary>Largest dimension of the attack's state written in full (Alice ⊗ the guessed parties ⊗ party r).</summary>
    public const int MaxStateDimension = 4096;

    /// <summary>The SDP's parts: σ^λ_{c|z} as [λ][z][c] (no remaining party: [λ][0][0] = σ^λ); τ^e_{b|y} as [e][y][b] or null.</summary>
    private sealed record Decomposition(Matrix<Complex>[][][] Classical, Matrix<Complex>[][][]? Kept);

    /// <summary>
    /// The candidate attacks, best SDP value first (one when the solver was accurate; when it stalled, the stalled point and
    /// the reduction rounds' points), or none with the reason. With <paramref name="truth"/> (a realisation of
    /// the data) and a single guessed party, the second part keeps the other party's true device (always feasible: the
    /// one-sided decomposition); without it only the classical part is tried (P_g = 1 or nothing). <paramref name="cap"/>:
    /// a proven upper bound on P_g, or null (see Solve). <paramref name="restrictKept"/>: the kept part's blocks on the
    /// support of the true steering (a smaller family that is numerically better posed for pure data) or unrestricted.
    /// </summary>
    public static (IReadOnlyList<SeesawAttack> Attacks, string Reason) TryBuild(Assemblage data, GuessTarget guess, QuantumRealisation? truth,
        double? cap, bool restrictKept, ISdpSolver solver, SdpSettings settings, Action<SdpSolution>? solved, CancellationToken cancellation)
    {
        int k = data.PartyCount, dA = data.TrustedDimension;
        var guessed = guess.Parties.ToArray();
        var rest = Enumerable.Range(0, k).Where(j => !guessed.Contains(j)).ToArray();
        if (rest.Length > 1) return ([], $"{rest.Length} parties are not guessed (the classical-guess attack allows at most one)");
        int r = rest.Length == 1 ? rest[0] : -1;
        // λ: for each guessed party (in guess order) an outcome for each of its settings, as one mixed-radix digit string.
        var radix = guessed.SelectMany(j => Enumerable.Repeat(data.Outcomes[j], data.Settings[j])).ToArray();
        double count = radix.Aggregate(1.0, (p, n) => p * n);
        if (count > MaxStrategies) return ([], $"{count:G4} deterministic strategies of the guessed parties > {MaxStrategies}");
        var strategies = Assemblage.Tuples(radix).ToArray();
        int Answer(int[] lambda, int g, int y) => lambda[guessed.Take(g).Sum(j => data.Settings[j]) + y];
        // The second part: party r's true effects N_{c|z} on C^{d_r}.
        var kept = truth is not null && guessed.Length == 1 && r >= 0 ? truth.Povms[r] : null;

        // The kept part's blocks live on the support of the true steering of T = A ⊗ r by the guessed party (facial
        // reduction as in the one-sided decomposition: pure data make it rank-deficient, and the SDP then has no interior).
        var keptSupport = kept is null || !restrictKept ? null : OneSidedDecompositionStart.Steering(truth!.State,
            new[] { truth.TrustedDimension }.Concat(truth.PartyDimensions).ToArray(), guessed[0], truth.Povms[guessed[0]])
            .Select(setting => setting.Select(Support).ToArray()).ToArray();
        var decompositions = Solve(data, guessed, r, strategies, Answer, kept, keptSupport, guess.Settings[0], cap, solver, settings, solved, cancellation);
        if (decompositions.Count == 0) return ([], "the decomposition SDP is infeasible or gave no point");
        var attacks = new List<SeesawAttack>();
        var reasons = new List<string>();
        foreach (var decomposition in decompositions)
        {
            var (attack, reason) = Realise(data, guess, guessed, r, strategies, Answer, decomposition, kept);
            if (attack is null) reasons.Add(reason); else attacks.Add(attack);
        }
        return (attacks, string.Join("; ", reasons));
    }

    /// <summary>The attack realising a decomposition (see the class summary); null with the reason when it does not fit.</summary>
    private static (SeesawAttack? Attack, string Reason) Realise(Assemblage data, GuessTarget guess, int[] guessed, int r,
        int[][] strategies, Func<int[], int, int, int> answer, Decomposition decomposition, IReadOnlyList<IReadOnlyList<Matrix<Complex>>>? kept)
    {
        int k = data.PartyCount, dA = data.TrustedDimension;
        var classical = new List<(int[] Lambda, Matrix<Complex> Rho, Matrix<Complex>[][] Parts)>();
        for (int l = 0; l < strategies.Length; l++)
        {
            var rho = DenseOps.HermitianPart(AttackAlgebra.Sum(decomposition.Classical[l][0]));
            if (rho.Trace().Real > MinimumWeight) classical.Add((strategies[l], rho, decomposition.Classical[l]));
        }
        var split = new List<(int E, Matrix<Complex> Rho, Matrix<Complex>[][] Parts)>();
        for (int e = 0; decomposition.Kept is not null && e < decomposition.Kept.Length; e++)
        {
            var rho = DenseOps.HermitianPart(AttackAlgebra.Sum(decomposition.Kept[e][0]));
            if (rho.Trace().Real > MinimumWeight) split.Add((e, rho, decomposition.Kept[e]));
        }
        if (classical.Count + split.Count == 0) return (null, "the decomposition has no weight");
        int dR = kept is null ? 0 : kept[0][0].RowCount;
        var classicalSizes = classical.Select(u => r >= 0 ? Math.Max(1, Purification.SupportSize(u.Rho)) : 1).ToArray();
        var splitSizes = split.Select(u => Math.Max(1, Purification.SupportSize(u.Rho))).ToArray();
        // Levels: a guessed party has its classical register (one level per λ) then one block per split part e; party r
        // has one block per λ then its true device's levels.
        int guessedDim = classical.Count + splitSizes.Sum(), restDim = classicalSizes.Sum() + (split.Count > 0 ? dR : 0);
        var partyDims = Enumerable.Range(0, k).Select(j => j == r ? restDim : guessedDim).ToArray();
        long full = (long)dA * partyDims.Aggregate(1L, (p, d) => p * d);
        if (full > MaxStateDimension)
            return (null, $"the attack's state would have {full} dimensions (> {MaxStateDimension}): {classical.Count} strategies and {split.Count} split parts carry weight");

        var povms = new Matrix<Complex>[k][][];
        for (int j = 0; j < k; j++)
            povms[j] = Enumerable.Range(0, data.Settings[j]).Select(_ => Enumerable.Range(0, data.Outcomes[j])
                .Select(_ => Matrix<Complex>.Build.Dense(partyDims[j], partyDims[j])).ToArray()).ToArray();
        // Classical registers: level l answers D(·|y, λ_l).
        for (int g = 0; g < guessed.Length; g++)
            for (int y = 0; y < data.Settings[guessed[g]]; y++)
                for (int l = 0; l < classical.Count; l++) povms[guessed[g]][y][answer(classical[l].Lambda, g, y)][l, l] = 1;
        var classicalPsi = new CVector[classical.Count];
        if (r >= 0)
            for (int l = 0, offset = 0; l < classical.Count; offset += classicalSizes[l], l++)
            {
                var (psi, effects) = Purification.Of(classical[l].Rho, classical[l].Parts, classicalSizes[l])!.Value;
                classicalPsi[l] = psi;
                SetBlock(povms[r], effects, offset);
            }
        var splitPsi = new CVector[split.Count];
        int trueOffset = classicalSizes.Sum();
        for (int u = 0, offset = classical.Count; u < split.Count; offset += splitSizes[u], u++)
        {
            var (psi, effects) = Purification.Of(split[u].Rho, split[u].Parts, splitSizes[u])!.Value;
            splitPsi[u] = psi;
            SetBlock(povms[guessed[0]], effects, offset);
        }
        if (split.Count > 0)
            SetBlock(povms[r], kept!, trueOffset);

        // σ^e: the classical parts whose answers at the guessed settings are e, and the split part e.
        var tuples = AttackAlgebra.GuessTuples(guess, povms);
        var dims = new[] { dA }.Concat(partyDims).ToArray();
        var subStates = tuples.Select(_ => Matrix<Complex>.Build.Dense((int)full, (int)full)).ToArray();
        int Index(int i, int guessedLevel, int restLevel)
        {
            var digits = new int[dims.Length];
            digits[0] = i;
            for (int j = 0; j < k; j++) digits[j + 1] = j == r ? restLevel : guessedLevel;
            return Tensor.Index(digits, dims);
        }
        for (int l = 0, offset = 0; l < classical.Count; offset += classicalSizes[l], l++)
        {
            var lambda = classical[l].Lambda;
            var target = subStates[Array.FindIndex(tuples, t => t.Select((o, g) => answer(lambda, g, guess.Settings[g]) == o).All(b => b))];
            if (r < 0)
            {
                for (int i = 0; i < dA; i++)
                    for (int i2 = 0; i2 < dA; i2++) target[Index(i, l, 0), Index(i2, l, 0)] += classical[l].Rho[i, i2];
                continue;
            }
            int size = classicalSizes[l];
            AddPure(target, classicalPsi[l], dA, size, (i, q) => Index(i, l, offset + q));
        }
        for (int u = 0, offset = classical.Count; u < split.Count; offset += splitSizes[u], u++)
        {
            int size = splitSizes[u], o = offset;
            // |Ψ^e⟩ on T ⊗ block, T = A ⊗ party r's true levels (A major): t = i·d_r + c.
            AddPure(subStates[split[u].E], splitPsi[u], dA * dR, size, (t, q) => Index(t / dR, o + q, trueOffset + t % dR));
        }
        // The parts reproduce the data only to the solver's accuracy, so Σ_e Tr σ^e = 1 only to it (near P_g = 1 the solver
        // stalls at ~1e-8 per entry, ~1e-6 in the trace): normalised, it is a state, and the attack check measures the
        // deviation that the scaling adds.
        double trace = subStates.Sum(m => m.Trace().Real);
        if (trace > 0) foreach (var m in subStates) m.MapInplace(z => z / trace);
        return (new SeesawAttack(dA, partyDims, guess, subStates, povms.Select(p => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)
            p.Select(s => (IReadOnlyList<Matrix<Complex>>)s).ToArray()).ToArray()), "");
    }

    /// <summary>target += |v⟩⟨v| for v = Σ_{t,q} ψ[t·size + q] |index(t, q)⟩.</summary>
    private static void AddPure(Matrix<Complex> target, CVector psi, int outer, int size, Func<int, int, int> index)
    {
        for (int t = 0; t < outer; t++)
            for (int q = 0; q < size; q++)
                for (int t2 = 0; t2 < outer; t2++)
                    for (int q2 = 0; q2 < size; q2++)
                        target[index(t, q), index(t2, q2)] += psi[t * size + q] * Complex.Conjugate(psi[t2 * size + q2]);
    }

    /// <summary>Writes effects[y][b] into povm[y][b] at the diagonal block starting at offset.</summary>
    private static void SetBlock(Matrix<Complex>[][] povm, IReadOnlyList<IReadOnlyList<Matrix<Complex>>> effects, int offset)
    {
        for (int y = 0; y < povm.Length; y++)
            for (int b = 0; b < povm[y].Length; b++) povm[y][b].SetSubMatrix(offset, offset, effects[y][b]);
    }

    /// <summary>
    /// The SDP of the class summary: its candidate solutions, best value first (one when the solver is accurate; the stalled
    /// point and the reduction rounds' points otherwise; none when round 0 gives no primal point or certifies infeasibility),
    /// with the objective capped by <paramref name="cap"/> when it is given. The classical blocks are facially reduced: σ^λ_{c|z} ⪯ σ_{a|x} for every (a, x) it enters, so it is P Y P† with P the
    /// isometry onto the intersection of those supports (pure data have no interior otherwise); a block whose intersection
    /// is {0} is fixed at 0.
    /// </summary>
    private static List<Decomposition> Solve(Assemblage data, int[] guessed, int r, int[][] strategies, Func<int[], int, int, int> answer,
        IReadOnlyList<IReadOnlyList<Matrix<Complex>>>? kept, Matrix<Complex>?[][]? keptSupport, int yStar, double? cap, ISdpSolver solver, SdpSettings settings,
        Action<SdpSolution>? solved, CancellationToken cancellation)
    {
        int dA = data.TrustedDimension, zCount = r >= 0 ? data.Settings[r] : 1, cCount = r >= 0 ? data.Outcomes[r] : 1;
        var settingTuples = data.SettingTuples().ToArray();
        var outcomeTuples = data.OutcomeTuples().ToArray();
        var observed = settingTuples.ToDictionary(Key, x => outcomeTuples.ToDictionary(Key,
            a => DenseOps.HermitianPart(DenseOps.FromArray(data[a, x]))));
        // The data tuples (a, x) that block (λ, z, c) enters: x_r = z, a_r = c, the guessed parties' outcomes fixed by λ.
        IEnumerable<(int[] A, int[] X)> Entered(int[] lambda, int z, int c) =>
            settingTuples.Where(x => r < 0 || x[r] == z).Select(x =>
            {
                var a = new int[data.PartyCount];
                for (int g = 0; g < guessed.Length; g++) a[guessed[g]] = answer(lambda, g, x[guessed[g]]);
                if (r >= 0) a[r] = c;
                return (a, x);
            });
        var supports = new Dictionary<string, Matrix<Complex>?>();
        Matrix<Complex>? SupportOf(int[] a, int[] x)
        {
            string key = Key(a) + "|" + Key(x);
            if (!supports.TryGetValue(key, out var p)) supports[key] = p = Support(observed[Key(x)][Key(a)]);
            return p;
        }

        // Blocks: the classical ones (λ, z, c), live only with a nonzero support intersection, then the kept part's (e, y, b).
        int ClassicalBlock(int l, int z, int c) => (l * zCount + z) * cCount + c;
        int classicalCount = strategies.Length * zCount * cCount;
        int j = guessed[0], ySettings = data.Settings[j], bOutcomes = data.Outcomes[j];
        int dT = kept is null ? 0 : dA * kept[0][0].RowCount;
        int KeptBlock(int e, int y, int b) => classicalCount + (e * ySettings + y) * bOutcomes + b;
        int blockCount = classicalCount + (kept is null ? 0 : bOutcomes * ySettings * bOutcomes);
        var isometry = new Matrix<Complex>?[blockCount];
        for (int l = 0; l < strategies.Length; l++)
            for (int z = 0; z < zCount; z++)
                for (int c = 0; c < cCount; c++)
                    isometry[ClassicalBlock(l, z, c)] = Intersection(Entered(strategies[l], z, c).Select(t => SupportOf(t.A, t.X)).ToArray(), dA);
        for (int e = 0; kept is not null && e < bOutcomes; e++)
            for (int y = 0; y < ySettings; y++)
                for (int b = 0; b < bOutcomes; b++) isometry[KeptBlock(e, y, b)] = keptSupport is null ? DenseOps.Identity(dT) : keptSupport[y][b];
        Matrix<Complex>[]? stalled = null;
        int[]? stalledLive = null;
        Matrix<Complex>?[]? stalledIsometry = null;
        var candidates = new List<(Decomposition Parts, double Value)>();
        List<Decomposition> Ranked() => candidates.OrderByDescending(c => c.Value).Select(c => c.Parts).ToList();
        for (int round = 0; ; round++)
        {
            var live = Enumerable.Range(0, blockCount).Where(s => isometry[s] is not null).ToArray();
            if (live.Length == 0) return Ranked();
            var position = Enumerable.Repeat(-1, blockCount).ToArray();
            for (int s = 0; s < live.Length; s++) position[live[s]] = s;
            var sizes = live.Select(s => isometry[s]!.ColumnCount).ToArray();
            var offsets = StepProblem.CoordinateOffsets(sizes);
            // basis[s][q]: the q-th orthonormal Hermitian basis element of block s, in the ambient space (P E_q P†).
            var basis = live.Select(s =>
            {
                var p = isometry[s]!;
                int n = p.ColumnCount;
                return Enumerable.Range(0, HermitianCoordinates.Count(n)).Select(q => p * HermitianCoordinates.BasisElement(q, n) * p.ConjugateTranspose()).ToArray();
            }).ToArray();
            var rows = new List<double[]>();
            var rhs = new List<double>();
            // Adds the rows Σ_terms coordinates(map(block element)) = target, one per coordinate of the target's space.
            void AddRows(IEnumerable<(int Block, Func<Matrix<Complex>, Matrix<Complex>> Map)> terms, double[] target)
            {
                var columns = terms.Where(t => position[t.Block] >= 0)
                    .Select(t => (Offset: offsets[position[t.Block]], Vectors: basis[position[t.Block]].Select(m => HermitianCoordinates.ToVector(t.Map(m))).ToArray()))
                    .ToArray();
                for (int t = 0; t < target.Length; t++)
                {
                    var row = new double[offsets[^1]];
                    foreach (var (offset, vectors) in columns)
                        for (int q = 0; q < vectors.Length; q++) row[offset + q] += vectors[q][t];
                    rows.Add(row);
                    rhs.Add(target[t]);
                }
            }
            static Matrix<Complex> Same(Matrix<Complex> m) => m;
            static Matrix<Complex> Negated(Matrix<Complex> m) => -m;
            // The data.
            foreach (var x in settingTuples)
                foreach (var a in outcomeTuples)
                {
                    var terms = Enumerable.Range(0, strategies.Length)
                        .Where(l => guessed.Select((q, g) => answer(strategies[l], g, x[q]) == a[q]).All(b => b))
                        .Select(l => (ClassicalBlock(l, r >= 0 ? x[r] : 0, r >= 0 ? a[r] : 0), (Func<Matrix<Complex>, Matrix<Complex>>)Same)).ToList();
                    if (kept is not null)
                    {
                        var effect = kept[x[r]][a[r]];
                        for (int e = 0; e < bOutcomes; e++) terms.Add((KeptBlock(e, x[j], a[j]), (Func<Matrix<Complex>, Matrix<Complex>>)(m => PartialTrace(m, effect, dA))));
                    }
                    AddRows(terms, HermitianCoordinates.ToVector(observed[Key(x)][Key(a)]));
                }
            // No-signalling: Σ_c σ^λ_{c|z} = Σ_c σ^λ_{c|0} and Σ_b τ^e_{b|y} = Σ_b τ^e_{b|0}.
            for (int l = 0; l < strategies.Length; l++)
                for (int z = 1; z < zCount; z++)
                    AddRows(Enumerable.Range(0, cCount).SelectMany(c => new[] { (ClassicalBlock(l, z, c), (Func<Matrix<Complex>, Matrix<Complex>>)Same), (ClassicalBlock(l, 0, c), Negated) }),
                        new double[dA * dA]);
            for (int e = 0; kept is not null && e < bOutcomes; e++)
                for (int y = 1; y < ySettings; y++)
                    AddRows(Enumerable.Range(0, bOutcomes).SelectMany(b => new[] { (KeptBlock(e, y, b), (Func<Matrix<Complex>, Matrix<Complex>>)Same), (KeptBlock(e, 0, b), Negated) }),
                        new double[dT * dT]);
            // Objective: Σ_λ Tr ρ^λ (the z = 0 blocks) + Σ_e Tr τ^e_{e|y*}.
            var objective = new Matrix<Complex>?[sizes.Length];
            for (int s = 0; s < live.Length; s++)
            {
                int block = live[s];
                bool counted = block < classicalCount ? block / cCount % zCount == 0
                    : (block - classicalCount) / bOutcomes % ySettings == yStar && (block - classicalCount) % bOutcomes == (block - classicalCount) / (bOutcomes * ySettings);
                if (counted) objective[s] = DenseOps.Identity(sizes[s]);
            }

            // With a proven bound P on Eve's P_g (the cap), the objective is also constrained ≤ P through a slack block: the
            // attacks here are quantum, so no true solution is cut, and an inaccurate solver point cannot rise above P by
            // exploiting its own infeasibility (near P_g = 1 the feasible set has no interior and the solver stalls at ~1e-8).
            bool capped = cap is < 1;
            var allSizes = capped ? [.. sizes, 1] : sizes;
            var allObjective = capped ? [.. objective, null] : objective;
            var allRows = rows.Select(row => capped ? [.. row, 0.0] : row).ToList();
            if (capped)
            {
                var row = new double[offsets[^1] + 1];
                for (int q = 0; q < live.Length; q++)
                    if (objective[q] is { } c)
                    {
                        var v = HermitianCoordinates.ToVector(c);
                        for (int t = 0; t < v.Length; t++) row[offsets[q] + t] = v[t];
                    }
                row[^1] = 1;
                allRows.Add(row);
                rhs.Add(cap!.Value);
            }

            cancellation.ThrowIfCancellationRequested();
            var (problem, inconsistency) = StepProblem.Assemble(allSizes, allObjective, allRows.ToArray(), rhs.ToArray());
            var solution = solver.Solve(problem, settings with { Tolerance = Math.Min(settings.Tolerance, 1e-10) }, cancellation);
            solved?.Invoke(solution);
            bool certifiedInfeasible = solution.X.Count != allSizes.Length || solution.Status is SdpStatus.PrimalInfeasible or SdpStatus.DualInfeasible;
            if (certifiedInfeasible && round == 0) return [];
            if (!certifiedInfeasible)
            {
                var y0 = StepProblem.Blocks(solution, allSizes.Length).Take(sizes.Length).Select(DenseOps.ClipToPsd).ToArray();
                Matrix<Complex> Value(int block, int n) =>
                    position[block] < 0 ? Matrix<Complex>.Build.Dense(n, n)
                        : DenseOps.HermitianPart(isometry[block]! * y0[position[block]] * isometry[block]!.ConjugateTranspose());
                var classicalParts = Enumerable.Range(0, strategies.Length).Select(l => Enumerable.Range(0, zCount).Select(z =>
                    Enumerable.Range(0, cCount).Select(c => Value(ClassicalBlock(l, z, c), dA)).ToArray()).ToArray()).ToArray();
                var keptParts = kept is null ? null : Enumerable.Range(0, bOutcomes).Select(e => Enumerable.Range(0, ySettings).Select(y =>
                    Enumerable.Range(0, bOutcomes).Select(b => Value(KeptBlock(e, y, b), dT)).ToArray()).ToArray()).ToArray();
                var decomposition = new Decomposition(classicalParts, keptParts);
                double residual = Residual(data, guessed, r, strategies, answer, kept, decomposition);
                bool accurate = solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal && inconsistency <= AccurateResidual && residual <= AccurateResidual;
                if (round == 0)
                {
                    if (accurate) return [decomposition];
                    (stalled, stalledLive, stalledIsometry) = (y0, live, (Matrix<Complex>?[])isometry.Clone());
                    candidates.Add((decomposition, solution.PrimalObjective));
                }
                else if (residual <= CandidateResidual) candidates.Add((decomposition, solution.PrimalObjective));
            }
            if (round == ReductionCuts.Length) return Ranked();
            // Round 0 stalled short of its accuracy: no strictly feasible point (some parts are forced to zero or to a face).
            // Restrict every block to the span of the stalled solution's eigenvalues above a cut and solve again; each cut
            // is one try (too small keeps the bad directions, too large drops good ones), the best accurate one is kept.
            var (reduced, from, at) = (stalled!, stalledIsometry!, stalledLive!);
            isometry = (Matrix<Complex>?[])from.Clone();
            double top = reduced.Max(m => OperatorChecks.Eigenvalues(m)[^1]);
            for (int q = 0; q < at.Length; q++)
            {
                var eig = reduced[q].Evd(Symmetricity.Hermitian);
                var keep = Enumerable.Range(0, reduced[q].RowCount).Where(i => eig.EigenValues[i].Real > ReductionCuts[round] * top).ToArray();
                if (keep.Length == 0) { isometry[at[q]] = null; continue; }
                var v = Matrix<Complex>.Build.Dense(reduced[q].RowCount, keep.Length);
                for (int c = 0; c < keep.Length; c++) v.SetColumn(c, eig.EigenVectors.Column(keep[c]));
                isometry[at[q]] = from[at[q]]! * v;
            }
        }
    }

    /// <summary>
    /// How far a decomposition's parts are from the data (max entry-wise): an interior-point solution that misses the data
    /// by δ can exceed the true optimum by O(√δ) when the feasible set has no interior (near P_g = 1), so only solutions
    /// within <see cref="AccurateResidual"/> are taken without the reduction rounds.
    /// </summary>
    private static double Residual(Assemblage data, int[] guessed, int r, int[][] strategies, Func<int[], int, int, int> answer,
        IReadOnlyList<IReadOnlyList<Matrix<Complex>>>? kept, Decomposition decomposition)
    {
        double worst = 0;
        foreach (var x in data.SettingTuples())
            foreach (var a in data.OutcomeTuples())
            {
                var sum = DenseOps.FromArray(data[a, x]) * -1;
                for (int l = 0; l < strategies.Length; l++)
                    if (guessed.Select((q, g) => answer(strategies[l], g, x[q]) == a[q]).All(b => b))
                        sum += decomposition.Classical[l][r >= 0 ? x[r] : 0][r >= 0 ? a[r] : 0];
                if (kept is not null && decomposition.Kept is not null)
                    foreach (var part in decomposition.Kept)
                        sum += PartialTrace(part[x[guessed[0]]][a[guessed[0]]], kept[x[r]][a[r]], data.TrustedDimension);
                worst = Math.Max(worst, DenseOps.MaxAbs(sum));
            }
        return worst;
    }

    /// <summary>Tr_r[(I_A ⊗ N) Y] for Y on A ⊗ C^{d_r} (A major): entry (i, k) = Σ_{u,v} N_uv Y_{(i,v),(k,u)}.</summary>
    private static Matrix<Complex> PartialTrace(Matrix<Complex> y, Matrix<Complex> n, int dA)
    {
        int dR = n.RowCount;
        var result = Matrix<Complex>.Build.Dense(dA, dA);
        for (int i = 0; i < dA; i++)
            for (int k = 0; k < dA; k++)
            {
                var sum = Complex.Zero;
                for (int u = 0; u < dR; u++)
                    for (int v = 0; v < dR; v++) sum += n[u, v] * y[i * dR + v, k * dR + u];
                result[i, k] = sum;
            }
        return result;
    }

    private static string Key(int[] t) => string.Join(",", t);

    /// <summary>The isometry onto the eigenvalues of x above RankCut × its largest (null for x = 0).</summary>
    private static Matrix<Complex>? Support(Matrix<Complex> x)
    {
        var eig = x.Evd(Symmetricity.Hermitian);
        double top = eig.EigenValues.Select(v => v.Real).Max();
        if (!(top > 0)) return null;
        var keep = Enumerable.Range(0, x.RowCount).Where(i => eig.EigenValues[i].Real > RankCut * top).ToArray();
        var p = Matrix<Complex>.Build.Dense(x.RowCount, keep.Length);
        for (int c = 0; c < keep.Length; c++) p.SetColumn(c, eig.EigenVectors.Column(keep[c]));
        return p;
    }

    /// <summary>An isometry onto the intersection of the ranges of the given isometries (null: the intersection is {0}).</summary>
    private static Matrix<Complex>? Intersection(Matrix<Complex>?[] supports, int n)
    {
        if (supports.Any(p => p is null)) return null;
        // The intersection is the kernel of K = Σ (I − P P†) (a sum of PSD projectors onto the complements).
        var kernel = Matrix<Complex>.Build.Dense(n, n);
        foreach (var p in supports) kernel += DenseOps.Identity(n) - p! * p!.ConjugateTranspose();
        var eig = DenseOps.HermitianPart(kernel).Evd(Symmetricity.Hermitian);
        var keep = Enumerable.Range(0, n).Where(i => eig.EigenValues[i].Real < 1e-9).ToArray();
        if (keep.Length == 0) return null;
        var q = Matrix<Complex>.Build.Dense(n, keep.Length);
        for (int c = 0; c < keep.Length; c++) q.SetColumn(c, eig.EigenVectors.Column(keep[c]));
        return q;
    }
}
