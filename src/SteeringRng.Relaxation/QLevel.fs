namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Threading
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation.Symmetry

/// The generalised NPA level Q_k for randomness from steering (docs/formulations/npa-levels.md). Per guess tuple e one
/// operator-valued moment matrix
///   Γ^e = Σ_{u,v ∈ S} |u⟩⟨v| ⊗ M^e(u†v),  M^e(w) = Tr_untrusted[(I_A ⊗ w) σ^e]  (d_A×d_A blocks),  Γ^e ⪰ 0,
/// equal words sharing variables, zero words giving zero blocks. The data enter only through constants:
/// the assemblage-word moments of the last guess are M^last(w) = M^obs(w) − Σ_{e<last} M^e(w), so
/// Σ_e σ^e = σ^obs holds by construction. Objective: Σ_e Tr σ^e_{a_G = e | x_G = y*} (guessed parties; the
/// others traced out). Positivity of every full-outcome block σ^e_{a|x} is added as its own block unless S
/// already contains every assemblage word and the data have full rank (then Γ^e ⪰ 0 implies it), so Q_k is
/// never looser than NS. Rank-deficient (e.g. pure-state) data are handled by facial reduction: the
/// sub-assemblage variables live on the supports of the observed blocks (SupportReduction, exact) and Γ^e loses
/// the directions every feasible point has in its kernel (GammaCompression, sound), so interior-point solvers
/// see a strictly feasible problem.
[<RequireQualifiedAccess>]
module internal QLevel =

    open QLevelVariables

    let private validate (scenario: Scenario) (guess: GuessSpec) =
        if guess.Parties.Length = 0 then invalidArg "guess" "Eve must guess at least one untrusted party."
        if guess.Parties.Length <> guess.Settings.Length then
            invalidArg "guess" "Give one fixed setting per guessed party."
        if guess.Parties |> Array.distinct |> Array.length <> guess.Parties.Length then
            invalidArg "guess" "A party is guessed twice."
        guess.Parties
        |> Array.iteri (fun i p ->
            if p < 0 || p >= scenario.PartyCount then
                invalidArg "guess" $"Guessed party {p} does not exist (parties 0..{scenario.PartyCount - 1})."
            let m = (scenario.Party p).Outcomes.Length
            if guess.Settings[i] < 0 || guess.Settings[i] >= m then
                invalidArg "guess" $"Party {(scenario.Party p).Name} has settings 0..{m - 1}, not {guess.Settings[i]}.")

    /// Where everything sits: Γ^e as one block, or as W_k† Γ^e W_k for the parts W_k of guess e (compressed for
    /// rank-deficient data, see GammaCompression; split into symmetry blocks, see SymmetryBlocks), then the
    /// positivity blocks.
    type private BlockLayout =
        { /// Per guess: the parts W_k of Γ^e (None: Γ^e itself is the block), each real or Hermitian.
          Parts: SymmetryBlocks.Block array array option
          /// Per guess: the index of its first Γ block.
          GammaBlock: int array
          /// Per guess: the index of its first positivity block, and the tuples that have one.
          PositivityStart: int array
          PositivityTuples: int array array
          TupleBasis: int -> Complex array array option
          Blocks: SdpBlock array }

    let rec private layoutOf (cancellation: CancellationToken) (st: Structure) = PhaseTiming.Measure("Q_k layout (symmetry blocks)", fun () -> layoutOfUntimed cancellation st)

    and private layoutOfUntimed (cancellation: CancellationToken) (st: Structure) =
        let data = st.Data
        let d = data.Dimension
        let g = st.Guesses.Length
        let parts =
            if st.Reduction.Basis.IsSome then
                GammaCompression.computeCancellable cancellation data st.Moments.Words
                |> Option.map (fun rows -> Array.create g [| ({ Columns = rows; Real = false }: SymmetryBlocks.Block) |])
            else
                match st.Symmetry, st.InvariantCount with
                | Some plan, Some _ ->
                    // Γ^O is invariant under its stabiliser only after the variable rewrite (InvariantCount).
                    let perGuess =
                        Array.init g (fun o -> SymmetryBlocks.compute st (StabiliserInvariance.stabiliser plan o) plan.AntiunitaryStabilisers[o])
                    if perGuess |> Array.exists Option.isSome then
                        let whole: SymmetryBlocks.Block = { Columns = Array.init (st.Moments.Size * d) (fun k -> [| struct (k, Complex.One) |]); Real = false }
                        Some(perGuess |> Array.map (function Some p -> p | None -> [| whole |]))
                    else None
                | _ -> None
        let gammaBlocks =
            match parts with
            | Some p -> p |> Array.map (Array.map (fun b -> if b.Real then SdpBlock.Psd b.Columns.Length else SdpBlock.Hermitian b.Columns.Length))
            | None -> Array.create g [| SdpBlock.Hermitian(st.Moments.Size * d) |]
        let gammaBlock = Array.zeroCreate g
        for e in 1 .. g - 1 do
            gammaBlock[e] <- gammaBlock[e - 1] + gammaBlocks[e - 1].Length
        let supported =
            if st.AddPositivityBlocks then
                [| for t in 0 .. data.Tuples.Length - 1 do
                       if st.Reduction.TupleSupport[t].Length > 0 then yield t |]
            else [||]
        // With the stabiliser invariance imposed, σ^O_{π_h(t)} = U_h σ^O_t U_h† for h ∈ H_O, and U_K conj(σ^O_t) U_K† for
        // an antiunitary K fixing e_O (the invariance of every word's moment, applied to t's Collins–Gisin expansion):
        // positivity of one tuple of each orbit implies the others' (docs/formulations/symmetry-reduction.md,
        // "Positivity blocks"), so one block per orbit is kept.
        let positivityTuples =
            match st.Symmetry, st.InvariantCount with
            | Some plan, Some _ when st.Reduction.Basis.IsNone ->
                let key (a: int array) (x: int array) = System.String.Join(",", a) + "|" + System.String.Join(",", x)
                let index = Dictionary<string, int>()
                data.Tuples |> Array.iteri (fun t (struct (a, x)) -> index[key a x] <- t)
                Array.init g (fun o ->
                    let elements = Array.append (StabiliserInvariance.stabiliser plan o) plan.AntiunitaryStabilisers[o]
                    let covered = HashSet<int>()
                    [| for t in supported do
                           if covered.Add t then
                               yield t
                               let struct (a, x) = data.Tuples[t]
                               for h in elements do
                                   let image = a |> Array.mapi (fun j aj -> let perm = h.Relabel[j][x[j]] in perm[aj])
                                   match index.TryGetValue(key image x) with
                                   | true, u -> covered.Add u |> ignore
                                   | _ -> () |])
            | _ -> Array.create g supported
        let positivityStart = Array.zeroCreate g
        positivityStart[0] <- gammaBlocks |> Array.sumBy Array.length
        for e in 1 .. g - 1 do
            positivityStart[e] <- positivityStart[e - 1] + positivityTuples[e - 1].Length
        let tupleBasis t = if st.Reduction.Basis.IsSome then Some st.Reduction.TupleSupport[t] else None
        let tupleSize t = if st.Reduction.Basis.IsSome then st.Reduction.TupleSupport[t].Length else d
        { Parts = parts
          GammaBlock = gammaBlock
          PositivityStart = positivityStart
          PositivityTuples = positivityTuples
          TupleBasis = tupleBasis
          Blocks =
            [| for blocks in gammaBlocks do
                   yield! blocks
               for tuples in positivityTuples do
                   for t in tuples -> SdpBlock.Hermitian(tupleSize t) |] }

    /// W† Γ^e W entry by entry: (W†ΓW)[r, s] = Σ_{p,q} conj(W[p, r]) Γ[p, q] W[q, s] with Γ[p, q] = M^e(u_i† u_j)[α, β]
    /// for p = i·d + α, q = j·d + β.
    /// A real part (SymmetryBlocks.realBasis) has entries real up to rounding; their real parts are emitted, and an
    /// imaginary part beyond rounding would mean the antiunitary invariance was not imposed (a defect: refused).
    let private emitCompressed (st: Structure) (builder: MomentFormBuilder) (part: SymmetryBlocks.Block) table e block =
        let rows = part.Columns
        let emitted (z: Complex) =
            if not part.Real then z
            elif abs z.Imaginary <= 1e-9 * (1.0 + z.Magnitude) then Complex(z.Real, 0.0)
            else invalidOp $"Block {block} should be real (antiunitary symmetry) but has an entry {z}."
        let d = st.Data.Dimension
        let cache = Dictionary<Word, struct (Complex[,] * struct (int * Complex) array array)>()
        let elementsOf (w: Word) =
            match cache.TryGetValue w with
            | true, x -> x
            | _ ->
                let x = lookup table e w
                let at = Array.init (d * d) (fun _ -> ResizeArray<struct (int * Complex)>())
                for struct (k, a, b, v) in x.Terms do
                    at[a * d + b].Add(struct (k, v))
                let value = struct (x.Constant, at |> Array.map (fun l -> l.ToArray()))
                cache[w] <- value
                value
        for r in 0 .. rows.Length - 1 do
            for c in r .. rows.Length - 1 do
                let mutable constant = Complex.Zero
                let terms = ResizeArray<struct (int * Complex)>()
                for struct (p, cp) in rows[r] do
                    for struct (q, cq) in rows[c] do
                        match st.Moments.Entry(p / d, q / d) with
                        | ValueNone -> ()
                        | ValueSome w ->
                            let struct (m, at) = elementsOf w
                            let f = Complex.Conjugate cp * cq
                            constant <- constant + f * m[p % d, q % d]
                            for struct (k, v) in at[(p % d) * d + q % d] do
                                terms.Add(struct (k, f * v))
                builder.AddConstant(block, r, c, emitted constant)
                if part.Real then
                    // The coefficients of one variable at one entry are summed first: only their sum is real.
                    let summed = Dictionary<int, Complex>()
                    for struct (k, v) in terms do
                        summed[k] <- (match summed.TryGetValue k with | true, x -> x | _ -> Complex.Zero) + v
                    for KeyValue(k, v) in summed do
                        builder.AddLinear(k, block, r, c, emitted v)
                else
                    for struct (k, v) in terms do
                        builder.AddLinear(k, block, r, c, v)

    /// Emits Γ^e and the positivity blocks of guess e from the expressions in `table`.
    let private emitGuess (cancellation: CancellationToken) (st: Structure) (layout: BlockLayout) (builder: MomentFormBuilder) constantsOnly onlyAssemblageWords table e =
        let data = st.Data
        let d = data.Dimension
        let g = st.Guesses.Length
        match layout.Parts with
        | Some parts ->
            parts[e] |> Array.iteri (fun k rows ->
                cancellation.ThrowIfCancellationRequested()
                emitCompressed st builder rows table e (layout.GammaBlock[e] + k))
        | None ->
            let mutable seen = 0
            for struct (i, j, w) in st.Moments.UpperEntries do
                seen <- seen + 1
                if seen % 16384 = 0 then cancellation.ThrowIfCancellationRequested()
                if not onlyAssemblageWords || data.Index.ContainsKey w then
                    let x = lookup table e w
                    MomentExpressions.emit builder constantsOnly layout.GammaBlock[e] (i * d, j * d) (None, None) (i = j) x
        layout.PositivityTuples[e]
        |> Array.iteri (fun n t ->
            let sigma =
                MomentExpressions.combine d (data.Expansion[t] |> Seq.map (fun (struct (wi, c)) -> c, table[struct (e, data.Words[wi])]))
            let block = layout.PositivityStart[e] + n
            MomentExpressions.emit builder constantsOnly block (0, 0) (layout.TupleBasis t, layout.TupleBasis t) true sigma)

    /// Objective Σ_e Tr M^e(Π_{j∈G} P_{e_j|y*_j}): coefficients of the variables and the constant part. Reduced:
    /// Σ_O |O| Tr M^O(Π_j P_{(e_O)_j|y*_j}), every guess of an orbit contributing what its representative does.
    let private objectiveOf (st: Structure) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) guesses =
        let objective = Array.zeroCreate (variableCount st)
        let mutable offset = 0.0
        for e in guesses do
            let tuple = st.Guesses[e]
            let weight = st.GuessWeight[e]
            let factors = [ for i in 0 .. tuple.Length - 1 -> guess.Parties[i], guess.Settings[i], tuple[i] ]
            for (w, c) in AssemblageMoments.expandProduct st.Data.Scenario factors do
                let x = table[struct (e, w)]
                for a in 0 .. st.Data.Dimension - 1 do
                    offset <- offset + weight * c * x.Constant[a, a].Real
                for struct (k, r, col, v) in x.Terms do
                    if r = col then objective[k] <- objective[k] + weight * c * v.Real
        objective, offset

    /// Blocks, F0/F_k and the objective of the whole relaxation.
    let private assemble (cancellation: CancellationToken) (st: Structure) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let layout = layoutOf cancellation st
        let builder = MomentFormBuilder(layout.Blocks)
        builder.EnsureVariables(variableCount st)
        // Guesses fill their own blocks independently (the table is only read), so they are emitted in parallel,
        // each into its own builder, and joined in guess order.
        let parts =
            Array.Parallel.init st.Guesses.Length (fun e ->
                let part = MomentFormBuilder(layout.Blocks)
                emitGuess cancellation st layout part false false table e
                part)
        for part in parts do
            builder.Append part
        let objective, offset = objectiveOf st guess table [ 0 .. st.Guesses.Length - 1 ]
        builder, objective, offset, table, layout

    /// Reduced problem: the constants M^obs(w)/|guesses| sit in every orbit's assemblage-word moments.
    let private assembleSymmetricConstants (st: Structure) (layout: BlockLayout) (guess: GuessSpec) (plan: SymmetryPlan) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let total = Complex(float plan.AllGuesses.Length, 0.0)
        let withData = Dictionary<struct (int * Word), MomentExpression>(table)
        for o in 0 .. st.Guesses.Length - 1 do
            st.Data.Words
            |> Array.iteri (fun wi w ->
                withData[struct (o, w)] <- { withData[struct (o, w)] with Constant = Array2D.map (fun m -> m / total) st.Data.Observed[wi] })
        // After the stabiliser rewrite the free moments carry constants too (symmetrised from the data).
        let invariant = st.InvariantCount.IsSome
        let updated = if invariant then StabiliserInvariance.symmetriseConstants st plan withData else withData
        let constantsOnly = Dictionary<struct (int * Word), MomentExpression>()
        for KeyValue(key, x) in updated do
            constantsOnly[key] <- { x with Terms = [||] }
        let builder = MomentFormBuilder(layout.Blocks)
        for o in 0 .. st.Guesses.Length - 1 do
            emitGuess CancellationToken.None st layout builder true (not invariant) constantsOnly o
        let _, offset = objectiveOf st guess constantsOnly [ 0 .. st.Guesses.Length - 1 ]
        builder.F0(), offset, updated

    let private assemblePlainConstants (st: Structure) (layout: BlockLayout) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let last = st.Guesses.Length - 1
        let updated = Dictionary<struct (int * Word), MomentExpression>(table)
        st.Data.Words
        |> Array.iteri (fun wi w ->
            updated[struct (last, w)] <- { updated[struct (last, w)] with Constant = Array2D.copy st.Data.Observed[wi] })
        let constantsOnly = Dictionary<struct (int * Word), MomentExpression>()
        for w in st.Data.Words do
            constantsOnly[struct (last, w)] <- { updated[struct (last, w)] with Terms = [||] }
        let builder = MomentFormBuilder(layout.Blocks)
        emitGuess CancellationToken.None st layout builder true true constantsOnly last
        let _, offset = objectiveOf st guess constantsOnly [ last ]
        builder.F0(), offset, updated

    /// The constants only, for new data with the same structure: they all sit in the last guess's
    /// assemblage-word moments M^last(w) = M^obs(w) − Σ_{e<last} M^e(w) (every other moment is purely linear).
    /// `layout` is the prototype's: it depends on the data only through the support compression, absent on this path
    /// (both data full rank), and through the symmetry blocks, which the same group gives again (not recomputed per point).
    let private assembleConstants (st: Structure) (layout: BlockLayout) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) =
        match st.Symmetry with
        | Some plan -> assembleSymmetricConstants st layout guess plan table
        | None -> assemblePlainConstants st layout guess table

    /// Whether a relaxation built at degenerate data found a reduced one at a later point (see buildFrom).
    [<RequireQualifiedAccess>]
    type private Upgrade =
        | NotYet
        | Found of Relaxation
        | Never

    /// The upgrade of one relaxation, looked for once per point until found or ruled out (thread-safe: sweep points
    /// run in parallel).
    type private UpgradeCell() =
        let gate = obj ()
        let mutable state = Upgrade.NotYet

        member _.Resolve(attempt: unit -> Upgrade) =
            lock gate (fun () ->
                if state = Upgrade.NotYet then state <- attempt ()
                match state with
                | Upgrade.Found r -> Some r
                | _ -> None)

    let private sameShape (a: Assemblage) (b: Assemblage) =
        a.TrustedDimension = b.TrustedDimension
        && Seq.toList a.Settings = Seq.toList b.Settings
        && Seq.toList a.Outcomes = Seq.toList b.Outcomes

    /// The symmetry reduction for these data when it merges guesses (None: build the full problem), and whether the
    /// data were degenerate (a nontrivial commutant: the search cannot fix U, see SymmetrySearch.hasTrivialCommutant).
    /// The group must map span(S) into itself, so that it maps moment matrices on S to moment matrices on S.
    /// With `given` (a group and an antiunitary symmetry found elsewhere, e.g. on the ungrouped data of H^Glo, whose
    /// grouped outcomes would make the search itself too large) nothing is searched: the elements that hold on these
    /// data are used.
    let private symmetryPlan (cancellation: CancellationToken) (data: AssemblageMoments) (reduction: SupportReduction) (s: Word array) (guess: GuessSpec) (given: GivenSymmetry option) =
        // Past SymmetricCoordinates' size limit the reduction could not be used: do not search.
        let tooLarge = data.Words.Length * data.Dimension * data.Dimension > SymmetricCoordinates.MaxParameters
        let identity = DataSymmetry.identity data.Scenario data.Dimension
        let found =
            match given with
            | _ when tooLarge -> [| identity |]
            | Some g when SymmetrySearch.holdAll cancellation data g.Group None -> g.Group
            | Some _ -> [| identity |]
            | None -> SymmetrySearch.findCancellable cancellation data
        let degenerate = not tooLarge && given.IsNone && found.Length = 1 && not (SymmetrySearch.hasTrivialCommutant data)
        // Degenerate data (U not fixed): the shifts that leave them unchanged with U = I.
        let group = if degenerate then SymmetrySearch.findShiftsOnly data else found
        if group.Length = 1 then None, degenerate
        else
          let plan =
            let tuples = guessTuples data.Scenario guess
            let orbits = GuessOrbits.compute group guess.Parties guess.Settings tuples
            let inS = HashSet<Word>(s)
            let closed =
                group
                |> Array.forall (fun g ->
                    s |> Array.forall (fun w -> DataSymmetry.mapWord data.Scenario g w |> List.forall (fun (v, _) -> inS.Contains v)))
            if orbits.Representatives.Length = tuples.Length || not closed then None
            else
                cancellation.ThrowIfCancellationRequested()
                SymmetricCoordinates.computeCancellable cancellation data reduction group orbits
                |> Option.map (fun coordinates ->
                    // Antiunitary symmetries (complex conjugation with a relabelling) make the blocks real; not for
                    // degenerate data, whose U is not fixed by π.
                    let antiunitary =
                        if degenerate then None
                        else
                            match given with
                            | Some g -> g.Antiunitary |> Option.filter (SymmetrySearch.holdsAntiunitary data)
                            | None -> SymmetrySearch.findAntiunitaryCancellable cancellation data
                            |> Option.bind (fun k ->
                                AntiunitaryCoset.coset group k
                                |> Option.filter (Array.forall (fun a ->
                                    s |> Array.forall (fun w -> DataSymmetry.mapWord data.Scenario a w |> List.forall (fun (v, _) -> inS.Contains v))))
                                |> Option.map (fun elements -> k, elements))
                    { Group = group
                      Orbits = orbits
                      AllGuesses = tuples
                      Coordinates = coordinates
                      Antiunitary = antiunitary |> Option.map fst
                      AntiunitaryStabilisers =
                        match antiunitary with
                        | Some(_, elements) -> AntiunitaryCoset.stabilisers elements orbits guess.Parties guess.Settings tuples
                        | None -> Array.create orbits.Representatives.Length [||] })
          plan, degenerate

    /// Q(S), reduced by the data's symmetries when `useSymmetry` (see buildWith).
    /// (With `requireReduction`: None when no symmetry reduces the problem, before anything is assembled.)
    /// (`cancellation` is checked between the stages and inside the loops over the moment matrix, so that Ctrl-C stops a
    /// large build within about a second: OperationCanceledException.)
    let rec private buildFrom (cancellation: CancellationToken) (requireReduction: bool) (useSymmetry: bool) (given: GivenSymmetry option) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation option =
        let scenario = AssemblageMoments.scenarioOf names assemblage
        validate scenario guess
        cancellation.ThrowIfCancellationRequested()
        let s = PhaseTiming.Measure("Q_k words", fun () -> GeneratingSet.build scenario spec)
        cancellation.ThrowIfCancellationRequested()
        let data = AssemblageMoments.build scenario assemblage
        let reduction = PhaseTiming.Measure("Q_k support reduction", fun () -> SupportReduction.computeCancellable cancellation data)
        cancellation.ThrowIfCancellationRequested()
        let plan, degenerate =
            PhaseTiming.Measure("Q_k symmetry search and coordinates", fun () ->
                if useSymmetry then symmetryPlan cancellation data reduction s guess given else None, false)
        cancellation.ThrowIfCancellationRequested()
        match plan with
        | None when requireReduction && not degenerate -> None
        | _ ->
            let st, table =
                let st = PhaseTiming.Measure("Q_k moment matrix", fun () -> structureOf cancellation data reduction s guess plan)
                let table = PhaseTiming.Measure("Q_k moment expressions", fun () -> expressions cancellation st)
                match plan with
                | Some p -> PhaseTiming.Measure("Q_k invariant coordinates", fun () -> StabiliserInvariance.applyCancellable cancellation st p table)
                | None -> st, table
            cancellation.ThrowIfCancellationRequested()
            let builder, objective, offset, table, layout = PhaseTiming.Measure("Q_k symmetry blocks and assembly", fun () -> assemble cancellation st guess table)
            cancellation.ThrowIfCancellationRequested()
            let problem, index = PhaseTiming.Measure("Q_k compact problem", fun () -> builder.BuildCompact objective)
            let relaxation (st: Structure) (problem: SdpProblem) offset (table: Dictionary<struct (int * Word), MomentExpression>) withData =
                let view = table :> IReadOnlyDictionary<_, _>
                match st.Symmetry with
                | Some plan ->
                    let orbits = plan.Orbits.Sizes |> Array.map string |> String.concat "+"
                    // Real blocks (made real by an antiunitary symmetry) are marked: a Hermitian block of the same order
                    // costs the solver about eight times as much (it is realified to twice the order).
                    let blocks =
                        problem.Blocks |> Seq.countBy (fun b -> b.Size, b.Kind = SdpConeKind.Psd) |> Seq.sortByDescending fst
                        |> Seq.map (fun ((size, real), count) ->
                            let kind = if real && size > 1 then " real" else ""
                            if count = 1 then $"{size}{kind}" else $"{count}×{size}{kind}")
                        |> String.concat ", "
                    let antiunitary =
                        match plan.Antiunitary with
                        | Some _ -> $" and {plan.Group.Length} antiunitary ones (complex conjugation)"
                        | None -> ""
                    let note = $"symmetry: {plan.Group.Length} relabellings{antiunitary}, {plan.AllGuesses.Length} guesses in orbits of {orbits}, SDP blocks {blocks}"
                    Relaxation(problem, offset, variableRoles st, index, scenario, s, plan.AllGuesses, OrbitMoments.lookup st plan view, Some withData, note)
                | None -> Relaxation(problem, offset, variableRoles st, index, scenario, s, st.Guesses, MomentLookup.ofTable view, Some withData, "")
            // Built at degenerate data (e.g. the white-noise end of a sweep; reduced by shifts at most): the first later
            // point with a proper symmetry gives a reduced relaxation, which then serves every point after it.
            let upgrade = UpgradeCell()
            let tryUpgrade (next: Assemblage) (cancellation: CancellationToken) =
                if not degenerate then None
                else
                    upgrade.Resolve(fun () ->
                        let nextData = AssemblageMoments.build scenario next
                        match symmetryPlan cancellation nextData (SupportReduction.computeCancellable cancellation nextData) s guess given with
                        | Some _, false -> Upgrade.Found((buildFrom cancellation false true given names guess spec next).Value)
                        | _, true -> Upgrade.NotYet
                        | None, false -> Upgrade.Never)
            let rec withData (next: Assemblage) (cancellation: CancellationToken) : Relaxation =
                if not (sameShape assemblage next) then
                    invalidArg (nameof next) "The new assemblage has another shape (dimension, settings or outcomes)."
                cancellation.ThrowIfCancellationRequested()
                match tryUpgrade next cancellation with
                | Some (reduced: Relaxation) -> reduced.WithData(next, cancellation)
                | None ->
                    let nextData = AssemblageMoments.build scenario next
                    let nextReduction = SupportReduction.computeCancellable cancellation nextData
                    let symmetryKept =
                        match plan with
                        | Some p -> SymmetrySearch.holdAll cancellation nextData p.Group p.Antiunitary
                        | None -> true
                    cancellation.ThrowIfCancellationRequested()
                    if reduction.Basis.IsNone && nextReduction.Basis.IsNone && symmetryKept then
                        // Same variables and F_k: only the constants (F0 and the objective offset) change.
                        let st' = { st with Data = nextData; Reduction = nextReduction }
                        let f0, offset', table' = PhaseTiming.Measure("Q_k refill constants", fun () -> assembleConstants st' layout guess table)
                        let problem' = MomentFormBuilder.WithConstant(problem, f0)
                        relaxation st' problem' offset' table' withData
                    else
                        (buildFrom cancellation false useSymmetry given names guess spec next).Value
            Some(relaxation st problem offset table withData)

    /// The size of the symmetry-reduced Q(S) for these data without assembling it (see ReducedSize), or null when no
    /// symmetry merges guesses (then the full problem is built). Costs the symmetry search and the word layout only.
    let reducedSize (cancellation: CancellationToken) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : ReducedSize =
        let scenario = AssemblageMoments.scenarioOf names assemblage
        validate scenario guess
        let s = GeneratingSet.build scenario spec
        let data = AssemblageMoments.build scenario assemblage
        let reduction = SupportReduction.computeCancellable cancellation data
        match symmetryPlan cancellation data reduction s guess None with
        | Some plan, _ ->
            let st = structureOf cancellation data reduction s guess (Some plan)
            ReducedSize(plan.Orbits.Representatives.Length, variableCount st)
        | None, _ -> null

    /// Builds Q(S) for the assemblage, Eve guessing the given parties at the given settings. With `useSymmetry` the
    /// data's outcome-relabelling symmetries (SymmetrySearch) merge Eve's guesses into orbits, one moment matrix per
    /// orbit (exact: the value is that of the full problem; see SymmetricCoordinates).
    let buildWith (useSymmetry: bool) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation =
        (buildFrom CancellationToken.None false useSymmetry None names guess spec assemblage).Value

    /// buildWith, cancellable (OperationCanceledException within about a second of the token's cancellation).
    let buildCancellable (cancellation: CancellationToken) (useSymmetry: bool) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation =
        (buildFrom cancellation false useSymmetry None names guess spec assemblage).Value

    /// The symmetry-reduced Q(S), or None when the data have no symmetry that merges guesses. Degenerate data (e.g.
    /// white noise, where U cannot be fixed) give the full Q(S), which takes the reduction from the first later data
    /// point that has one (WithData), so a sweep from μ = 0 is reduced from its second point on. At S = {I} (level 0)
    /// this is the no-signalling bound: Γ^e = ρ^e_A is implied by the positivity blocks of all σ^e_{a|x}, whose
    /// Collins–Gisin parametrisation makes every σ^e no-signalling, and Σ_e σ^e = σ^obs; it is how a symmetric
    /// scenario's NS bound is computed when the plain NS program would be too large (GHZ, N = 4, d = 3).
    let tryBuildReduced (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation option =
        buildFrom CancellationToken.None true true None names guess spec assemblage

    /// tryBuildReduced, cancellable (OperationCanceledException within about a second of the token's cancellation).
    let tryBuildReducedCancellable (cancellation: CancellationToken) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation option =
        buildFrom cancellation true true None names guess spec assemblage

    /// tryBuildReducedCancellable with the symmetries given rather than searched (see symmetryPlan).
    let tryBuildReducedGiven (cancellation: CancellationToken) (given: GivenSymmetry) (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation option =
        buildFrom cancellation true true (Some given) names guess spec assemblage

    /// Q(S) with symmetry reduction (see buildWith).
    let build (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation =
        buildWith true names guess spec assemblage
