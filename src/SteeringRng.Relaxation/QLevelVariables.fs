namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Threading
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation.Symmetry

/// Which untrusted parties Eve guesses, at which fixed settings (party index, setting).
type GuessSpec = { Parties: int array; Settings: int array }

/// Symmetry reduction of Q_k (see SymmetricCoordinates): one moment matrix per orbit of guesses under the data's
/// symmetry group, the data-coupled moments of all orbits given by shared null-space coordinates.
type internal SymmetryPlan =
    { Group: DataSymmetry array
      Orbits: GuessOrbits
      /// Every guess tuple of the unreduced problem (the structure's Guesses are the orbit representatives).
      AllGuesses: int array array
      /// Coordinates[z][O]: parameter vector (|W|·d²) of data coordinate z in orbit O's assemblage-word moments.
      Coordinates: float array array array
      /// One antiunitary symmetry K of the data (U conj(σ_{a|x}) U† = σ_{π(a)|x}) when there is one that normalises
      /// Group; the antiunitary ones are then K ∘ g, g ∈ Group (docs/formulations/symmetry-reduction.md).
      Antiunitary: DataSymmetry option
      /// Per orbit O the antiunitary symmetries that fix its representative guess e_O (empty without K).
      AntiunitaryStabilisers: DataSymmetry array array }


/// Symmetries of the data found elsewhere (QLevel.symmetryPlan uses them instead of searching): a group, identity first,
/// and possibly one antiunitary symmetry.
type internal GivenSymmetry = { Group: DataSymmetry array; Antiunitary: DataSymmetry option }

/// The variables of Q_k and the moment blocks they make: one set of data-coupled coordinates per guess
/// except the last (whose data-coupled moments are the data minus the others), and the free moments of every
/// guess (Hermitian parameters for self-adjoint words, Re/Im of every entry otherwise).
module internal QLevelVariables =

    type Structure =
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
          AddPositivityBlocks: bool
          /// Present when the problem is symmetry-reduced: Guesses then holds one representative per orbit.
          Symmetry: SymmetryPlan option
          /// Objective weight of each entry of Guesses: the orbit size (1 without reduction).
          GuessWeight: float array
          /// Set when the expressions were rewritten in the free variables of the stabiliser invariance
          /// (StabiliserInvariance): their number, which replaces the layout's variable count.
          InvariantCount: int option }

    let guessTuples (scenario: Scenario) (guess: GuessSpec) =
        let radix = guess.Parties |> Array.mapi (fun i p -> (scenario.Party p).Outcomes[guess.Settings[i]])
        let rec go j =
            if j = radix.Length then [ [] ]
            else [ for e in 0 .. radix[j] - 1 do for rest in go (j + 1) -> e :: rest ]
        go 0 |> List.map List.toArray |> List.toArray

    let structureOf (cancellation: CancellationToken) (data: AssemblageMoments) (reduction: SupportReduction) (s: Word array) (guess: GuessSpec) (symmetry: SymmetryPlan option) =
        let d = data.Dimension
        let moments = MomentMatrix.Build(s, cancellation)
        let guesses =
            match symmetry with
            | Some plan -> plan.Orbits.Representatives |> Array.map (fun e -> plan.AllGuesses[e])
            | None -> guessTuples data.Scenario guess
        let free = SymbolTable()
        let mutable seen = 0
        for struct (_, _, w) in moments.UpperEntries do
            seen <- seen + 1
            if seen % 65536 = 0 then cancellation.ThrowIfCancellationRequested()
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
        // Reduced: the shared data coordinates z first, then each orbit's free moments.
        let mutable next = match symmetry with Some plan -> plan.Coordinates.Length | None -> 0
        for e in 0 .. g - 1 do
            assemblageBase[e] <- next
            if e < g - 1 && symmetry.IsNone then next <- next + assemblageCount
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
          AddPositivityBlocks = reduction.Basis.IsSome || not (data.Words |> Array.forall inS.Contains)
          Symmetry = symmetry
          GuessWeight =
            match symmetry with
            | Some plan -> plan.Orbits.Sizes |> Array.map float
            | None -> Array.create g 1.0
          InvariantCount = None }

    let variableCount (st: Structure) =
        match st.InvariantCount with
        | Some n -> n
        | None -> st.FreeBase[st.Guesses.Length - 1] + st.FreeOffset[st.FreeSymbols.Count]

    /// M^e(w) for an assemblage word (index wi) of a guess e < last: coordinates times basis blocks.
    let assemblageExpression (st: Structure) (e: int) (wi: int) : MomentExpression =
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

    /// Reduced problem: orbit O's assemblage-word moments M^O(w) = M^obs(w)/|guesses| + Σ_z z · (Coordinates[z][O] at w).
    let private symmetricDataExpressions (st: Structure) (plan: SymmetryPlan) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let d = st.Data.Dimension
        let parameters = BlockParameters.hermitian d
        let np = parameters.Length
        let total = float plan.AllGuesses.Length
        for o in 0 .. st.Guesses.Length - 1 do
            for wi in 0 .. st.Data.Words.Length - 1 do
                let terms = ResizeArray()
                plan.Coordinates
                |> Array.iteri (fun z vectors ->
                    for p in 0 .. np - 1 do
                        let x = vectors[o][wi * np + p]
                        if x <> 0.0 then
                            for struct (r, c, v) in parameters[p].Entries do
                                terms.Add(struct (z, r, c, Complex(x, 0.0) * v)))
                let constant = Array2D.map (fun (m: Complex) -> m / Complex(total, 0.0)) st.Data.Observed[wi]
                table[struct (o, st.Data.Words[wi])] <- { Dimension = d; Constant = constant; Terms = terms.ToArray() }

    /// Unreduced problem: M^e(w) are free coordinates for e < last and M^last(w) = M^obs(w) − Σ_{e<last} M^e(w).
    let private plainDataExpressions (st: Structure) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let d = st.Data.Dimension
        let g = st.Guesses.Length
        for wi in 0 .. st.Data.Words.Length - 1 do
            let w = st.Data.Words[wi]
            let others = [ for e in 0 .. g - 2 -> assemblageExpression st e wi ]
            others |> List.iteri (fun e x -> table[struct (e, w)] <- x)
            // M^last(w) = M^obs(w) − Σ_{e<last} M^e(w)
            let observed = { Dimension = d; Constant = Array2D.copy st.Data.Observed[wi]; Terms = [||] }
            table[struct (g - 1, w)] <- MomentExpressions.combine d ((1.0, observed) :: (others |> List.map (fun x -> -1.0, x)))


    /// The affine expression of every moment block M^e(w) that the relaxation uses, keyed by (e, w) for
    /// assemblage words and free representatives.
    let expressions (cancellation: CancellationToken) (st: Structure) =
        let d = st.Data.Dimension
        let g = st.Guesses.Length
        let table = Dictionary<struct (int * Word), MomentExpression>()
        match st.Symmetry with
        | Some plan -> symmetricDataExpressions st plan table
        | None -> plainDataExpressions st table
        for e in 0 .. g - 1 do
            for k in 0 .. st.FreeSymbols.Count - 1 do
                if k % 4096 = 0 then cancellation.ThrowIfCancellationRequested()
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
    let lookup (table: Dictionary<struct (int * Word), MomentExpression>) (e: int) (w: Word) =
        match table.TryGetValue(struct (e, w)) with
        | true, x -> x
        | _ ->
            let x = table[struct (e, SymbolTable.Representative w)]
            let d = x.Dimension
            { Dimension = d
              Constant = Array2D.init d d (fun i j -> Complex.Conjugate(x.Constant[j, i]))
              Terms = x.Terms |> Array.map (fun (struct (k, r, c, v)) -> struct (k, c, r, Complex.Conjugate v)) }

    let private momentRoles (st: Structure) =
        let d = st.Data.Dimension
        let roles = Array.zeroCreate (variableCount st)
        let hermitian = BlockParameters.hermitian d
        match st.Symmetry with
        | Some plan ->
            for z in 0 .. plan.Coordinates.Length - 1 do
                roles[z] <- VariableRole.SymmetricCoordinate z
        | None -> ()
        st.Guesses
        |> Array.iteri (fun e guess ->
            if e < st.Guesses.Length - 1 && st.Symmetry.IsNone then
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

    /// What every variable stands for (after the stabiliser rewrite, each is a coordinate of the invariant moments).
    let variableRoles (st: Structure) =
        match st.InvariantCount with
        | Some n -> Array.init n VariableRole.SymmetricCoordinate
        | None -> momentRoles st
