namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// Finds the outcome-relabelling symmetries of observed data (see DataSymmetry): every π = (π_{j,x}) for which a
/// unitary U with U M(w) U† = M(α_π(w)) on every assemblage word exists, found by depth-first search over the
/// (party, setting) pairs. The condition is linear in U: after each assignment the space of intertwiners
///   V = {X : X M(w) = M(α(w)) X for every word w whose letters are all assigned}
/// is cut down; a branch dies as soon as V = {0}, or V is one complex dimension and its element is not a multiple
/// of a unitary. The data must have a trivial commutant (V = C·I for π = id: the blocks σ_{a|x} generate all
/// d×d matrices), so that U is fixed by π up to a phase and the symmetries form a group; otherwise (e.g. data that
/// are all diagonal in one basis) only the identity is returned and the relaxation is built without reduction.
module internal SymmetrySearch =

    /// Residuals below this fraction of the largest data entry count as zero while the intertwiners are cut down.
    [<Literal>]
    let Tolerance = 1e-9

    /// A symmetry is kept only if U σ U† − σ' is below this fraction of the largest data entry on every block and
    /// word: the data must be symmetric to rounding, not approximately (the reduced problem certifies the
    /// group-averaged data, which must be the data themselves).
    [<Literal>]
    let VerifyTolerance = 1e-12

    /// Search nodes at most; past it the search keeps the symmetries found so far (and the group they generate).
    [<Literal>]
    let NodeBudget = 20000

    /// Largest group kept (the closure stops and the reduction is dropped beyond it).
    [<Literal>]
    let MaxGroupOrder = 4096

    let private toReal (x: Complex[,]) =
        let d = Array2D.length1 x
        Array.init (2 * d * d) (fun k -> let z = x[(k / 2) / d, (k / 2) % d] in if k % 2 = 0 then z.Real else z.Imaginary)

    let private ofReal (d: int) (v: float array) =
        Array2D.init d d (fun i k -> Complex(v[2 * (i * d + k)], v[2 * (i * d + k) + 1]))

    let private mul = DataSymmetry.multiply

    let private adjoint (a: Complex[,]) =
        Array2D.init (Array2D.length2 a) (Array2D.length1 a) (fun i k -> Complex.Conjugate a[k, i])

    let private maxAbs (a: Complex[,]) =
        let mutable m = 0.0
        a |> Array2D.iter (fun z -> m <- max m z.Magnitude)
        m

    /// The data as marginal blocks σ_{a_J|x_J} (J any set of untrusted parties; the empty set gives ρ_A), indexed by a
    /// code with one digit per party: 0 when the party is absent, else 1 + (its setting's offset) + outcome. A
    /// relabelling maps marginals to marginals by a digit substitution, so the symmetry condition
    ///   U σ_{a_J|x_J} U† = σ_{π(a_J)|x_J}   for every marginal, which is U M(w) U† = M(α(w)) on every word
    /// (the marginals span the same space as the words), is checked without any algebra.
    type private Marginals =
        { /// Digit count per party (1 + Σ_x outcomes).
          Radix: int array
          /// Offset of setting x of party j within its digits (after the 0 for "absent").
          Offset: int array array
          Blocks: Dictionary<int, Complex[,]>
          /// The blocks on the right of the intertwiner condition X S_t = σ_{π(t)} X: S_t = σ_t for unitary
          /// symmetries, conj(σ_t) for antiunitary ones (U conj(σ_t) U† = σ_{π(t)}).
          Sources: Dictionary<int, Complex[,]>
          Antiunitary: bool
          /// Each marginal's code and its (party, setting, outcome) factors.
          Factors: (int * (int * int * int) list) array
          /// Full-outcome tuples: code → index into AssemblageMoments.Blocks.
          TupleIndex: Dictionary<int, int> }

    let private encode (m: Marginals) (factors: (int * int * int) list) =
        let digits = Array.zeroCreate m.Radix.Length
        for (j, x, a) in factors do
            digits[j] <- 1 + m.Offset[j][x] + a
        let mutable code = 0
        for j in 0 .. m.Radix.Length - 1 do
            code <- code * m.Radix[j] + digits[j]
        code

    let private marginalsOf (data: AssemblageMoments) (antiunitary: bool) =
        let scenario = data.Scenario
        let d = data.Dimension
        let k = scenario.PartyCount
        let offset =
            Array.init k (fun j -> (scenario.Party j).Outcomes |> Array.scan (+) 0 |> Array.take (scenario.Party j).Outcomes.Length)
        let radix = Array.init k (fun j -> 1 + Array.sum (scenario.Party j).Outcomes)
        let perParty =
            [ for j in 0 .. k - 1 ->
                  None :: [ for x in 0 .. (scenario.Party j).Outcomes.Length - 1 do
                                for a in 0 .. (scenario.Party j).Outcomes[x] - 1 -> Some(j, x, a) ] ]
        let combos = perParty |> List.fold (fun acc opts -> [ for c in acc do for o in opts -> c @ [ o ] ]) [ [] ]
        let m = { Radix = radix; Offset = offset; Blocks = Dictionary(); Sources = Dictionary(); Antiunitary = antiunitary; Factors = [||]; TupleIndex = Dictionary() }
        let factors =
            [| for combo in combos do
                   let fs = List.choose id combo
                   let block = Array2D.zeroCreate d d
                   for (w, c) in AssemblageMoments.expandProduct scenario fs do
                       let o = data.Observed[data.Index[w]]
                       for i in 0 .. d - 1 do
                           for l in 0 .. d - 1 do
                               block[i, l] <- block[i, l] + Complex(c, 0.0) * o[i, l]
                   let code = encode m fs
                   m.Blocks[code] <- block
                   m.Sources[code] <- if antiunitary then DataSymmetry.conjugate block else block
                   yield code, fs |]
        data.Tuples
        |> Array.iteri (fun t (struct (a, x)) -> m.TupleIndex[encode m [ for j in 0 .. k - 1 -> j, x[j], a[j] ]] <- t)
        { m with Factors = factors }

    let private imageCode (m: Marginals) (g: DataSymmetry) (factors: (int * int * int) list) =
        encode m (factors |> List.map (fun (j, x, a) -> let perm = g.Relabel[j][x] in j, x, perm[a]))

    /// The intertwiners X = Σ_i c_i N_i (real basis N_i) that also satisfy X σ_t = σ_{π(t)} X for the given marginals.
    /// The marginals are taken a few at a time; once X is fixed up to a complex factor (two real basis vectors) the
    /// rest are only checked, X σ_t − σ_{π(t)} X = 0, stopping at the first that fails (most branches die there).
    let private restrict (m: Marginals) (g: DataSymmetry) (basis: float array array) (marginals: (int * (int * int * int) list) list) scale d =
        let residual (x: Complex[,]) (code, fs) =
            let r = mul x m.Sources[code]
            let l = mul m.Blocks[imageCode m g fs] x
            Array2D.init d d (fun i k -> r[i, k] - l[i, k])
        let rec go (basis: float array array) (rest: (int * (int * int * int) list) list) =
            if basis.Length = 0 || rest.IsEmpty then basis
            elif basis.Length <= 2 then
                let x = ofReal d basis[0]
                let size = maxAbs x
                if rest |> List.forall (fun t -> maxAbs (residual x t) <= Tolerance * scale * size) then basis else [||]
            else
                let batch, later = if rest.Length > 4 then List.splitAt 4 rest else rest, []
                let columns =
                    basis |> Array.map (fun n -> let x = ofReal d n in [| for t in batch do yield! toReal (residual x t) |])
                // Relative to the data's scale, not to the largest residual: residuals that vanish up to rounding are
                // zero (NullSpace.basis alone would rescale them to O(1) and find no intertwiner at all).
                let rows =
                    Array.init columns[0].Length (fun r ->
                        Array.init basis.Length (fun c -> let v = columns[c][r] / scale in if abs v < Tolerance then 0.0 else v))
                let next =
                    NullSpace.basis basis.Length rows Tolerance
                    |> Array.map (fun c -> Array.init basis[0].Length (fun k -> Array.fold2 (fun s ci (n: float array) -> s + ci * n[k]) 0.0 c basis))
                go next later
        go basis marginals

    /// X / √λ when X†X = λ I (to the tolerance), else None.
    let private asUnitary (x: Complex[,]) =
        let d = Array2D.length1 x
        let g = mul (adjoint x) x
        let lambda = (Seq.init d (fun i -> g[i, i].Real) |> Seq.sum) / float d
        if lambda <= 0.0 then None
        else
            let deviation = maxAbs (Array2D.init d d (fun i k -> g[i, k] - (if i = k then Complex(lambda, 0.0) else Complex.Zero)))
            if deviation > 1e-7 * lambda then None
            else Some(Array2D.map (fun z -> z / Complex(sqrt lambda, 0.0)) x)

    /// U σ_t U† = σ_{π(t)} on every marginal (hence on every word) and on every observed full-outcome block
    /// (U conj(σ_t) U† = σ_{π(t)} when the marginals are those of an antiunitary search).
    let private verify (data: AssemblageMoments) (m: Marginals) (g: DataSymmetry) scale =
        let u = g.Unitary
        let source (x: Complex[,]) = if m.Antiunitary then DataSymmetry.conjugate x else x
        let conj (x: Complex[,]) = mul (mul u (source x)) (adjoint u)
        let close (a: Complex[,]) (b: Complex[,]) = maxAbs (Array2D.init (Array2D.length1 a) (Array2D.length1 a) (fun i k -> a[i, k] - b[i, k])) <= VerifyTolerance * scale
        let k = data.Scenario.PartyCount
        m.Factors |> Array.forall (fun (code, fs) -> close (conj m.Blocks[code]) m.Blocks[imageCode m g fs])
        && data.Tuples
           |> Array.forall (fun (struct (a, x)) ->
               let fs = [ for j in 0 .. k - 1 -> j, x[j], a[j] ]
               close (conj data.Blocks[m.TupleIndex[encode m fs]]) data.Blocks[m.TupleIndex[imageCode m g fs]])

    /// The tolerance's scale: the largest entry of the observed data (at least 1e-300).
    let private scaleOf (data: AssemblageMoments) = max 1e-300 (data.Observed |> Array.fold (fun m o -> max m (maxAbs o)) 0.0)

    /// Whether g is a symmetry of these data (to the tolerance), e.g. of the next point of a sweep.
    let holds (data: AssemblageMoments) (g: DataSymmetry) =
        let scale = scaleOf data
        verify data (marginalsOf data false) g scale

    /// Whether every unitary g of the group and the antiunitary one (if any) are symmetries of these data, e.g. of the
    /// next point of a sweep: `holds` and `holdsAntiunitary` with the marginals formed once (not once per element).
    let holdAll (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) (group: DataSymmetry array) (antiunitary: DataSymmetry option) =
        let scale = scaleOf data
        let unitary = marginalsOf data false
        group |> Array.forall (fun g -> cancellation.ThrowIfCancellationRequested(); verify data unitary g scale)
        && antiunitary |> Option.forall (fun k -> verify data (marginalsOf data true) k scale)

    /// The elements of `candidates` that are symmetries of these data (to the tolerance), in their order: `holds`
    /// on each with the marginals formed once (the steering test's sweep keeps the common symmetries of two
    /// assemblages this way).
    let holding (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) (candidates: DataSymmetry array) =
        let scale = scaleOf data
        let unitary = marginalsOf data false
        candidates |> Array.filter (fun g -> cancellation.ThrowIfCancellationRequested(); verify data unitary g scale)

    /// Whether the antiunitary g (U conj(σ_t) U† = σ_{π(t)}) is a symmetry of these data (to the tolerance).
    let holdsAntiunitary (data: AssemblageMoments) (g: DataSymmetry) =
        let scale = scaleOf data
        verify data (marginalsOf data true) g scale

    let private permutations (n: int) =
        // Lexicographic order, so the identity comes first.
        let rec go (remaining: int list) =
            match remaining with
            | [] -> [ [] ]
            | _ -> [ for x in remaining do for rest in go (List.filter ((<>) x) remaining) -> x :: rest ]
        go [ 0 .. n - 1 ] |> List.map List.toArray

    /// The group generated by `found` (which contains the identity), or None past MaxGroupOrder.
    let private closure (found: DataSymmetry list) =
        let elements = Dictionary<string, DataSymmetry>()
        for g in found do
            elements[DataSymmetry.key g] <- g
        let mutable frontier = found
        let mutable overflow = false
        while not frontier.IsEmpty && not overflow do
            let next = ResizeArray()
            for a in frontier do
                for b in List.ofSeq elements.Values do
                    for c in [ DataSymmetry.compose a b; DataSymmetry.compose b a ] do
                        let k = DataSymmetry.key c
                        if not (elements.ContainsKey k) then
                            elements[k] <- c
                            next.Add c
            frontier <- List.ofSeq next
            overflow <- elements.Count > MaxGroupOrder
        if overflow then None else Some(Array.ofSeq elements.Values)

    /// Whether only multiples of I commute with every block (the data generate all d×d matrices). When not (e.g.
    /// white noise, σ_{a|x} ∝ I), U is not fixed by π and `find` returns only the identity, although a symmetry
    /// may well exist; for a sweep that starts at such a point the reduction is looked for again at the next one.
    let hasTrivialCommutant (data: AssemblageMoments) =
        let d = data.Dimension
        let m = marginalsOf data false
        let scale = scaleOf data
        let full = Array.init (2 * d * d) (fun k -> Array.init (2 * d * d) (fun i -> if i = k then 1.0 else 0.0))
        let identity = DataSymmetry.identity data.Scenario d
        (restrict m identity full (List.ofArray m.Factors) scale d).Length <= 2

    /// For degenerate data (nontrivial commutant, e.g. white noise), where U is not fixed by π: the relabellings that
    /// shift every outcome of party j by the same s_j, a ↦ a + s_j (mod n) at each of its settings, and leave the data
    /// unchanged with U = I (σ_{π(t)} = σ_t on every marginal and block). An abelian group of at most Π_j n_j elements
    /// (27 for three qutrit parties), enough to merge Eve's guesses at the white-noise end of a sweep; identity first.
    let findShiftsOnly (data: AssemblageMoments) : DataSymmetry array =
        let scenario = data.Scenario
        let d = data.Dimension
        let identity = DataSymmetry.identity scenario d
        let m = marginalsOf data false
        let scale = scaleOf data
        let k = scenario.PartyCount
        let shiftsOf j = (scenario.Party j).Outcomes |> Array.min
        let rec choices j =
            if j = k then [ [] ] else [ for s in 0 .. shiftsOf j - 1 do for rest in choices (j + 1) -> s :: rest ]
        let group =
            [| for shift in choices 0 do
                   let shift = List.toArray shift
                   let g =
                       { Relabel =
                           Array.init k (fun j -> (scenario.Party j).Outcomes |> Array.map (fun n -> Array.init n (fun a -> (a + shift[j]) % n)))
                         Unitary = identity.Unitary }
                   if not (DataSymmetry.isIdentity g) && verify data m g scale then yield g |]
        Array.append [| identity |] group

    /// The depth-first search over (party, setting) pairs: the symmetries found (all of them, or the first one with
    /// `firstOnly`) and whether the commutant is trivial (no leaf left more than one complex dimension of
    /// intertwiners). With `antiunitary` the condition is U conj(σ_t) U† = σ_{π(t)}.
    let private depthFirst (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) (antiunitary: bool) (firstOnly: bool) =
        let scenario = data.Scenario
        let d = data.Dimension
        let identity = DataSymmetry.identity scenario d
        let scale = scaleOf data
        let pairs = [| for j in 0 .. scenario.PartyCount - 1 do for x in 0 .. (scenario.Party j).Outcomes.Length - 1 -> j, x |]
        let pairIndex = Dictionary<struct (int * int), int>()
        pairs |> Array.iteri (fun i (j, x) -> pairIndex[struct (j, x)] <- i)
        // Each marginal's constraint is checked as soon as its last (party, setting) pair is assigned.
        let marginals = marginalsOf data antiunitary
        let marginalsAt = Array.init (pairs.Length + 1) (fun _ -> ResizeArray<int * (int * int * int) list>())
        for (code, fs) in marginals.Factors do
            let last = fs |> List.fold (fun m (j, x, _) -> max m pairIndex[struct (j, x)]) -1
            marginalsAt[last + 1].Add((code, fs))
        // Marginals of more parties constrain U most (GHZ's one- and two-party marginals are ∝ I): those first.
        for list in marginalsAt do
            let sorted = list |> Seq.sortByDescending (fun (_, fs) -> fs.Length) |> Seq.toArray
            list.Clear()
            list.AddRange sorted
        let candidates = pairs |> Array.map (fun (j, x) -> permutations (scenario.Party j).Outcomes[x])
        let full = Array.init (2 * d * d) (fun k -> Array.init (2 * d * d) (fun i -> if i = k then 1.0 else 0.0))
        let rootBasis = restrict marginals identity full (List.ofSeq marginalsAt[0]) scale d
        let found = ResizeArray<DataSymmetry>()
        let mutable nodes = 0
        let mutable commutantTrivial = true
        let rec search (p: int) (relabel: int array array array) (basis: float array array) =
            nodes <- nodes + 1
            cancellation.ThrowIfCancellationRequested()
            if nodes <= NodeBudget && commutantTrivial && not (firstOnly && found.Count > 0) then
                if p = pairs.Length then
                    if basis.Length > 2 then commutantTrivial <- false
                    elif basis.Length = 2 then
                        match asUnitary (ofReal d basis[0]) with
                        | Some u ->
                            let g = { Relabel = relabel |> Array.map (Array.map Array.copy); Unitary = u }
                            if verify data marginals g scale then found.Add g
                        | None -> ()
                else
                    let j, x = pairs[p]
                    for perm in candidates[p] do
                        if nodes <= NodeBudget && commutantTrivial && not (firstOnly && found.Count > 0) then
                            relabel[j][x] <- perm
                            let g = { Relabel = relabel; Unitary = identity.Unitary }
                            let next = restrict marginals g basis (List.ofSeq marginalsAt[p + 1]) scale d
                            let alive =
                                next.Length >= 2
                                && (next.Length > 2 || (asUnitary (ofReal d next[0])).IsSome)
                            if alive then search (p + 1) relabel next
                    relabel[j][x] <- Array.init (scenario.Party j).Outcomes[x] id
        search 0 (identity.Relabel |> Array.map (Array.map Array.copy)) rootBasis
        List.ofSeq found, commutantTrivial

    /// One antiunitary symmetry of the data, U conj(σ_{a|x}) U† = σ_{π(a)|x} for every (a, x) (docs/formulations/
    /// symmetry-reduction.md, "Antiunitary symmetries"), or None. Every other one is K ∘ g for g in the unitary group
    /// (when the commutant is trivial U is fixed by π up to a phase, here too).
    let findAntiunitaryCancellable (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) : DataSymmetry option =
        match depthFirst cancellation data true true with
        | k :: _, true -> Some k
        | _ -> None

    /// The symmetry group of the data, identity first; just the identity when there is none (or the commutant
    /// is not trivial). (`cancellation` is checked at every node of the search: OperationCanceledException.)
    let findCancellable (cancellation: System.Threading.CancellationToken) (data: AssemblageMoments) : DataSymmetry array =
        let identity = DataSymmetry.identity data.Scenario data.Dimension
        let found, commutantTrivial = depthFirst cancellation data false false
        let hasIdentity = found |> Seq.exists DataSymmetry.isIdentity
        if not commutantTrivial || not hasIdentity then
            [| identity |]
        else
            match closure found with
            | Some group ->
                let others = group |> Array.filter (DataSymmetry.isIdentity >> not)
                Array.append [| identity |] others
            | None -> [| identity |]

    /// findCancellable without a token.
    let find (data: AssemblageMoments) : DataSymmetry array = findCancellable System.Threading.CancellationToken.None data
