namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Sdp

/// Which untrusted parties Eve guesses, at which fixed settings (party index, setting).
type GuessSpec = { Parties: int array; Settings: int array }

/// The generalised NPA level Q_k for randomness from steering (formulations §3). Per guess tuple e one
/// operator-valued moment matrix
///   Γ^e = Σ_{u,v ∈ S} |u⟩⟨v| ⊗ M^e(u†v),  M^e(w) = Tr_untrusted[(I_A ⊗ w) σ^e]  (d_A×d_A blocks),  Γ^e ⪰ 0,
/// equal words sharing variables, zero words giving zero blocks. The data enter only through constants:
/// the assemblage-word moments of the last guess are M^last(w) = M^obs(w) − Σ_{e<last} M^e(w), so
/// Σ_e σ^e = σ^obs holds by construction. Objective: Σ_e Tr σ^e_{a_G = e | x_G = y*} (guessed parties; the
/// others traced out). Positivity of every full-outcome block σ^e_{a|x} is added as its own block unless S
/// already contains every assemblage word (then Γ^e ⪰ 0 implies it), so Q_k is never looser than NS.
/// Rank-deficient data are handled by SupportReduction (variables live on the observed supports and
/// positivity blocks are compressed to them).
[<RequireQualifiedAccess>]
module QLevel =

    type private Structure =
        { Data: AssemblageMoments
          Reduction: SupportReduction
          Moments: MomentMatrix
          Guesses: int array array
          /// First variable of each guess's assemblage coordinates (unused for the last guess).
          AssemblageBase: int array
          /// First variable of each guess's free moments.
          FreeBase: int array
          FreeSymbols: SymbolTable
          /// Offset of each free symbol's parameters within its guess's free block, and whether it is Hermitian.
          FreeOffset: int array
          AddPositivityBlocks: bool }

    let private guessTuples (scenario: Scenario) (guess: GuessSpec) =
        let radix = guess.Parties |> Array.mapi (fun i p -> (scenario.Party p).Outcomes[guess.Settings[i]])
        let rec go j =
            if j = radix.Length then [ [] ]
            else [ for e in 0 .. radix[j] - 1 do for rest in go (j + 1) -> e :: rest ]
        go 0 |> List.map List.toArray |> List.toArray

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

    let private structureOf (data: AssemblageMoments) (reduction: SupportReduction) (s: Word array) (guess: GuessSpec) =
        let d = data.Dimension
        let moments = MomentMatrix.Build s
        let guesses = guessTuples data.Scenario guess
        let free = SymbolTable()
        for struct (_, _, w) in moments.UpperEntries do
            if not (data.Index.ContainsKey w) then free.Intern w |> ignore
        let freeOffset = Array.zeroCreate (free.Count + 1)
        for k in 0 .. free.Count - 1 do
            let size = if Word.isSelfAdjoint (free.Word k) then d * d else 2 * d * d
            freeOffset[k + 1] <- freeOffset[k] + size
        let assemblageCount =
            match reduction.Basis with
            | Some b -> b.Length
            | None -> data.Words.Length * d * d
        let g = guesses.Length
        let assemblageBase = Array.zeroCreate g
        let freeBase = Array.zeroCreate g
        let mutable next = 0
        for e in 0 .. g - 1 do
            assemblageBase[e] <- next
            if e < g - 1 then next <- next + assemblageCount
            freeBase[e] <- next
            next <- next + freeOffset[free.Count]
        let inS = HashSet<Word>(s)
        { Data = data
          Reduction = reduction
          Moments = moments
          Guesses = guesses
          AssemblageBase = assemblageBase
          FreeBase = freeBase
          FreeSymbols = free
          FreeOffset = freeOffset
          // With support compression of Γ (rank-deficient data) positivity of σ^e_{a|x} is no longer implied by
          // the compressed Γ^e, so the (exact) positivity blocks are always kept then.
          AddPositivityBlocks = reduction.Basis.IsSome || not (data.Words |> Array.forall inS.Contains) }

    let private variableCount (st: Structure) =
        st.FreeBase[st.Guesses.Length - 1] + st.FreeOffset[st.FreeSymbols.Count]

    /// M^e(w) for an assemblage word (index wi) of a guess e < last: coordinates times basis blocks.
    let private assemblageExpression (st: Structure) (e: int) (wi: int) : MomentExpression =
        let d = st.Data.Dimension
        let parameters = BlockParameters.hermitian d
        let np = parameters.Length
        let terms = ResizeArray()
        match st.Reduction.Basis with
        | None ->
            parameters
            |> Array.iteri (fun p par ->
                for struct (r, c, v) in par.Entries do
                    terms.Add(struct (st.AssemblageBase[e] + wi * np + p, r, c, v)))
        | Some basis ->
            basis
            |> Array.iteri (fun k vector ->
                for p in 0 .. np - 1 do
                    let x = vector[wi * np + p]
                    if x <> 0.0 then
                        for struct (r, c, v) in parameters[p].Entries do
                            terms.Add(struct (st.AssemblageBase[e] + k, r, c, Complex(x, 0.0) * v)))
        { Dimension = d; Constant = Array2D.zeroCreate d d; Terms = terms.ToArray() }

    /// The affine expression of every moment block M^e(w) that the relaxation uses, keyed by (e, w) for
    /// assemblage words and free representatives.
    let private expressions (st: Structure) =
        let d = st.Data.Dimension
        let g = st.Guesses.Length
        let table = Dictionary<struct (int * Word), MomentExpression>()
        for wi in 0 .. st.Data.Words.Length - 1 do
            let w = st.Data.Words[wi]
            let others = [ for e in 0 .. g - 2 -> assemblageExpression st e wi ]
            others |> List.iteri (fun e x -> table[struct (e, w)] <- x)
            // M^last(w) = M^obs(w) − Σ_{e<last} M^e(w)
            let observed = { Dimension = d; Constant = Array2D.copy st.Data.Observed[wi]; Terms = [||] }
            table[struct (g - 1, w)] <- MomentExpressions.combine d ((1.0, observed) :: (others |> List.map (fun x -> -1.0, x)))
        for e in 0 .. g - 1 do
            for k in 0 .. st.FreeSymbols.Count - 1 do
                let w = st.FreeSymbols.Word k
                let parameters = if Word.isSelfAdjoint w then BlockParameters.hermitian d else BlockParameters.general d
                let start = st.FreeBase[e] + st.FreeOffset[k]
                let terms =
                    parameters
                    |> Array.mapi (fun p par -> par.Entries |> Array.map (fun (struct (r, c, v)) -> struct (start + p, r, c, v)))
                    |> Array.concat
                table[struct (e, w)] <- { Dimension = d; Constant = Array2D.zeroCreate d d; Terms = terms }
        table

    /// The expression of M^e(w) for any nonzero word of the moment matrix (adjoints of stored representatives
    /// are conjugate-transposed: M(w†) = M(w)†).
    let private lookup (table: Dictionary<struct (int * Word), MomentExpression>) (e: int) (w: Word) =
        match table.TryGetValue(struct (e, w)) with
        | true, x -> x
        | _ ->
            let x = table[struct (e, SymbolTable.Representative w)]
            let d = x.Dimension
            { Dimension = d
              Constant = Array2D.init d d (fun i j -> Complex.Conjugate(x.Constant[j, i]))
              Terms = x.Terms |> Array.map (fun (struct (k, r, c, v)) -> struct (k, c, r, Complex.Conjugate v)) }

    let private variableRoles (st: Structure) =
        let d = st.Data.Dimension
        let roles = Array.zeroCreate (variableCount st)
        let hermitian = BlockParameters.hermitian d
        st.Guesses
        |> Array.iteri (fun e guess ->
            if e < st.Guesses.Length - 1 then
                match st.Reduction.Basis with
                | Some basis ->
                    for k in 0 .. basis.Length - 1 do
                        roles[st.AssemblageBase[e] + k] <- VariableRole.SupportCoordinate(guess, k)
                | None ->
                    st.Data.Words
                    |> Array.iteri (fun wi w ->
                        hermitian
                        |> Array.iteri (fun p par ->
                            roles[st.AssemblageBase[e] + wi * d * d + p] <- VariableRole.MomentEntry(guess, w, par.Row, par.Col, par.Part)))
            for k in 0 .. st.FreeSymbols.Count - 1 do
                let w = st.FreeSymbols.Word k
                let parameters = if Word.isSelfAdjoint w then hermitian else BlockParameters.general d
                parameters
                |> Array.iteri (fun p par ->
                    roles[st.FreeBase[e] + st.FreeOffset[k] + p] <- VariableRole.MomentEntry(guess, w, par.Row, par.Col, par.Part)))
        roles

    /// Blocks, F0/F_k and the objective; with constantsOnly the F_k are left empty (a data swap).
    /// Where everything sits: Γ^e rows per word (compressed to supports for reduced data), positivity blocks.
    type private BlockLayout =
        { RowBasis: Complex array array option array
          RowOffset: int array
          PositivityTuples: int array
          TupleBasis: int -> Complex array array option
          Blocks: SdpBlock array }

    let private layoutOf (st: Structure) =
        let data = st.Data
        let d = data.Dimension
        let g = st.Guesses.Length
        let words = st.Moments.Words
        // Γ^e rows of word u are compressed to the support of M^obs(u†u) when u†u is an assemblage word: the
        // diagonal block M^e(u†u) lives there, so Γ^e ⪰ 0 forces the other rows to vanish. Dropping them is sound
        // (a relaxation of the exact face: the cross entries κ†M^e(u†v), κ ∈ ker M^obs(u†u), are then left free
        // instead of forced to 0), and the positivity blocks keep it at least as tight as NS.
        let rowBasis =
            words
            |> Array.map (fun u ->
                match st.Reduction.Basis, Word.multiply (Word.adjoint u) u with
                | Some _, ValueSome uu when data.Index.ContainsKey uu ->
                    let support = st.Reduction.WordSupport[data.Index[uu]]
                    if support.Length < d then Some support else None
                | _ -> None)
        let rowOffset = rowBasis |> Array.map (function Some b -> b.Length | None -> d) |> Array.scan (+) 0
        let positivityTuples =
            if st.AddPositivityBlocks then
                [| for t in 0 .. data.Tuples.Length - 1 do
                       if st.Reduction.TupleSupport[t].Length > 0 then yield t |]
            else [||]
        let tupleBasis t = if st.Reduction.Basis.IsSome then Some st.Reduction.TupleSupport[t] else None
        let tupleSize t = if st.Reduction.Basis.IsSome then st.Reduction.TupleSupport[t].Length else d
        { RowBasis = rowBasis
          RowOffset = rowOffset
          PositivityTuples = positivityTuples
          TupleBasis = tupleBasis
          Blocks =
            [| for _ in 1..g -> SdpBlock.Hermitian rowOffset[words.Length]
               for _ in 1..g do
                   for t in positivityTuples -> SdpBlock.Hermitian(tupleSize t) |] }

    /// Emits Γ^e and the positivity blocks of guess e from the expressions in `table`.
    let private emitGuess (st: Structure) (layout: BlockLayout) (builder: MomentFormBuilder) constantsOnly onlyAssemblageWords table e =
        let data = st.Data
        let g = st.Guesses.Length
        for struct (i, j, w) in st.Moments.UpperEntries do
            if not onlyAssemblageWords || data.Index.ContainsKey w then
                let x = lookup table e w
                MomentExpressions.emit builder constantsOnly e (layout.RowOffset[i], layout.RowOffset[j]) (layout.RowBasis[i], layout.RowBasis[j]) (i = j) x
        layout.PositivityTuples
        |> Array.iteri (fun n t ->
            let sigma =
                MomentExpressions.combine data.Dimension (data.Expansion[t] |> Seq.map (fun (struct (wi, c)) -> c, table[struct (e, data.Words[wi])]))
            let block = g + e * layout.PositivityTuples.Length + n
            MomentExpressions.emit builder constantsOnly block (0, 0) (layout.TupleBasis t, layout.TupleBasis t) true sigma)

    /// Objective Σ_e Tr M^e(Π_{j∈G} P_{e_j|y*_j}): coefficients of the variables and the constant part.
    let private objectiveOf (st: Structure) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) guesses =
        let objective = Array.zeroCreate (variableCount st)
        let mutable offset = 0.0
        for e in guesses do
            let tuple = st.Guesses[e]
            let factors = [ for i in 0 .. tuple.Length - 1 -> guess.Parties[i], guess.Settings[i], tuple[i] ]
            for (w, c) in AssemblageMoments.expandProduct st.Data.Scenario factors do
                let x = table[struct (e, w)]
                for a in 0 .. st.Data.Dimension - 1 do
                    offset <- offset + c * x.Constant[a, a].Real
                for struct (k, r, col, v) in x.Terms do
                    if r = col then objective[k] <- objective[k] + c * v.Real
        objective, offset

    /// Blocks, F0/F_k and the objective of the whole relaxation.
    let private assemble (st: Structure) (guess: GuessSpec) =
        let table = expressions st
        let layout = layoutOf st
        let builder = MomentFormBuilder(layout.Blocks)
        builder.EnsureVariables(variableCount st)
        for e in 0 .. st.Guesses.Length - 1 do
            emitGuess st layout builder false false table e
        let objective, offset = objectiveOf st guess table [ 0 .. st.Guesses.Length - 1 ]
        builder, objective, offset, table

    /// The constants only, for new data with the same structure: they all sit in the last guess's
    /// assemblage-word moments M^last(w) = M^obs(w) − Σ_{e<last} M^e(w) (every other moment is purely linear).
    let private assembleConstants (st: Structure) (guess: GuessSpec) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let last = st.Guesses.Length - 1
        let updated = Dictionary<struct (int * Word), MomentExpression>(table)
        st.Data.Words
        |> Array.iteri (fun wi w ->
            updated[struct (last, w)] <- { updated[struct (last, w)] with Constant = Array2D.copy st.Data.Observed[wi] })
        let constantsOnly = Dictionary<struct (int * Word), MomentExpression>()
        for w in st.Data.Words do
            constantsOnly[struct (last, w)] <- { updated[struct (last, w)] with Terms = [||] }
        let layout = layoutOf st
        let builder = MomentFormBuilder(layout.Blocks)
        emitGuess st layout builder true true constantsOnly last
        let _, offset = objectiveOf st guess constantsOnly [ last ]
        builder.F0(), offset, updated

    let private sameShape (a: Assemblage) (b: Assemblage) =
        a.TrustedDimension = b.TrustedDimension
        && Seq.toList a.Settings = Seq.toList b.Settings
        && Seq.toList a.Outcomes = Seq.toList b.Outcomes

    /// Builds Q(S) for the assemblage, Eve guessing the given parties at the given settings.
    let rec build (names: string array) (guess: GuessSpec) (spec: GeneratingSetSpec) (assemblage: Assemblage) : Relaxation =
        let scenario = AssemblageMoments.scenarioOf names assemblage
        validate scenario guess
        let s = GeneratingSet.build scenario spec
        let data = AssemblageMoments.build scenario assemblage
        let reduction = SupportReduction.compute data
        let st = structureOf data reduction s guess
        let builder, objective, offset, table = assemble st guess
        let problem, index = builder.BuildCompact objective
        let expressionsView = table :> IReadOnlyDictionary<_, _>
        let rec withData (next: Assemblage) : Relaxation =
            if not (sameShape assemblage next) then
                invalidArg (nameof next) "The new assemblage has another shape (dimension, settings or outcomes)."
            let nextData = AssemblageMoments.build scenario next
            let nextReduction = SupportReduction.compute nextData
            if reduction.Basis.IsNone && nextReduction.Basis.IsNone then
                // Same variables and F_k: only the constants (F0 and the objective offset) change.
                let st' = { st with Data = nextData; Reduction = nextReduction }
                let f0, offset', table' = assembleConstants st' guess table
                let problem' = MomentFormBuilder.WithConstant(problem, f0)
                Relaxation(problem', offset', variableRoles st', index, scenario, s, st.Guesses, table', Some withData)
            else
                build names guess spec next
        Relaxation(problem, offset, variableRoles st, index, scenario, s, st.Guesses, expressionsView, Some withData)
