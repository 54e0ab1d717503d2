namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra

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

    /// M(α(w)) from the observed word moments; None when α(w) leaves the assemblage words (cannot happen for a
    /// relabelling, kept as a guard).
    let private imageMoment (data: AssemblageMoments) (g: DataSymmetry) (w: Word) =
        let d = data.Dimension
        let terms = DataSymmetry.mapWord data.Scenario g w
        if terms |> List.forall (fun (v, _) -> data.Index.ContainsKey v) then
            let m = Array2D.zeroCreate d d
            for (v, c) in terms do
                let o = data.Observed[data.Index[v]]
                for i in 0 .. d - 1 do
                    for k in 0 .. d - 1 do
                        m[i, k] <- m[i, k] + Complex(c, 0.0) * o[i, k]
            Some m
        else None

    /// The intertwiners X = Σ_i c_i N_i (real basis N_i) that also satisfy X M(w) = M(α(w)) X for the given words.
    let private restrict (data: AssemblageMoments) (g: DataSymmetry) (basis: float array array) (words: int list) scale =
        let d = data.Dimension
        let columns =
            basis
            |> Array.map (fun n ->
                let x = ofReal d n
                [| for wi in words do
                       match imageMoment data g data.Words[wi] with
                       | Some image ->
                           let r = mul x data.Observed[wi]
                           let l = mul image x
                           yield! toReal (Array2D.init d d (fun i k -> r[i, k] - l[i, k]))
                       | None -> yield 1.0 |])
        if basis.Length = 0 || words.IsEmpty then basis
        else
            let rowCount = columns[0].Length
            // Relative to the data's scale, not to the largest residual: residuals that vanish up to rounding are zero
            // (NullSpace.basis alone would rescale them to O(1) and find no intertwiner at all).
            let rows =
                Array.init rowCount (fun r ->
                    Array.init basis.Length (fun c -> let v = columns[c][r] / scale in if abs v < Tolerance then 0.0 else v))
            NullSpace.basis basis.Length rows Tolerance
            |> Array.map (fun c -> Array.init basis[0].Length (fun k -> Array.fold2 (fun s ci (n: float array) -> s + ci * n[k]) 0.0 c basis))

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

    /// U σ_t U† = σ_{π(t)} on every observed full-outcome block and U M(w) U† = M(α(w)) on every word.
    let private verify (data: AssemblageMoments) (g: DataSymmetry) scale =
        let tupleIndex = Dictionary<string, int>()
        let keyOf (a: int array) (x: int array) = System.String.Join(",", a) + "|" + System.String.Join(",", x)
        data.Tuples |> Array.iteri (fun t (struct (a, x)) -> tupleIndex[keyOf a x] <- t)
        let u = g.Unitary
        let conj (m: Complex[,]) = mul (mul u m) (adjoint u)
        let close (a: Complex[,]) (b: Complex[,]) = maxAbs (Array2D.init (Array2D.length1 a) (Array2D.length1 a) (fun i k -> a[i, k] - b[i, k])) <= VerifyTolerance * scale
        let blocksOk =
            data.Tuples
            |> Array.forall (fun (struct (a, x)) ->
                let image = a |> Array.mapi (fun j aj -> let perm = g.Relabel[j][x[j]] in perm[aj])
                close (conj data.Blocks[tupleIndex[keyOf a x]]) data.Blocks[tupleIndex[keyOf image x]])
        blocksOk
        && data.Words
           |> Array.mapi (fun wi w -> wi, w)
           |> Array.forall (fun (wi, w) ->
               match imageMoment data g w with
               | Some image -> close (conj data.Observed[wi]) image
               | None -> false)

    /// Whether g is a symmetry of these data (to the tolerance), e.g. of the next point of a sweep.
    let holds (data: AssemblageMoments) (g: DataSymmetry) =
        let scale = max 1e-300 (data.Observed |> Array.fold (fun m o -> max m (maxAbs o)) 0.0)
        verify data g scale

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

    /// The symmetry group of the data, identity first; just the identity when there is none (or the commutant
    /// is not trivial).
    let find (data: AssemblageMoments) : DataSymmetry array =
        let scenario = data.Scenario
        let d = data.Dimension
        let identity = DataSymmetry.identity scenario d
        let scale = max 1e-300 (data.Observed |> Array.fold (fun m o -> max m (maxAbs o)) 0.0)
        let pairs = [| for j in 0 .. scenario.PartyCount - 1 do for x in 0 .. (scenario.Party j).Outcomes.Length - 1 -> j, x |]
        let pairIndex = Dictionary<struct (int * int), int>()
        pairs |> Array.iteri (fun i (j, x) -> pairIndex[struct (j, x)] <- i)
        // Each word's constraint is checked as soon as its last (party, setting) pair is assigned.
        let wordsAt = Array.init (pairs.Length + 1) (fun _ -> ResizeArray<int>())
        data.Words
        |> Array.iteri (fun wi w ->
            let last = w.ToArray() |> Array.fold (fun m l -> max m pairIndex[struct (Letter.party l, Letter.setting l)]) -1
            wordsAt[last + 1].Add wi)
        let candidates = pairs |> Array.map (fun (j, x) -> permutations (scenario.Party j).Outcomes[x])
        let full = Array.init (2 * d * d) (fun k -> Array.init (2 * d * d) (fun i -> if i = k then 1.0 else 0.0))
        let rootBasis = restrict data identity full (List.ofSeq wordsAt[0]) scale
        let found = ResizeArray<DataSymmetry>()
        let mutable nodes = 0
        let mutable commutantTrivial = true
        let rec search (p: int) (relabel: int array array array) (basis: float array array) =
            nodes <- nodes + 1
            if nodes <= NodeBudget && commutantTrivial then
                if p = pairs.Length then
                    if basis.Length > 2 then commutantTrivial <- false
                    elif basis.Length = 2 then
                        match asUnitary (ofReal d basis[0]) with
                        | Some u ->
                            let g = { Relabel = relabel |> Array.map (Array.map Array.copy); Unitary = u }
                            if verify data g scale then found.Add g
                        | None -> ()
                else
                    let j, x = pairs[p]
                    for perm in candidates[p] do
                        if nodes <= NodeBudget && commutantTrivial then
                            relabel[j][x] <- perm
                            let g = { Relabel = relabel; Unitary = identity.Unitary }
                            let next = restrict data g basis (List.ofSeq wordsAt[p + 1]) scale
                            let alive =
                                next.Length >= 2
                                && (next.Length > 2 || (asUnitary (ofReal d next[0])).IsSome)
                            if alive then search (p + 1) relabel next
                    relabel[j][x] <- Array.init (scenario.Party j).Outcomes[x] id
        search 0 (identity.Relabel |> Array.map (Array.map Array.copy)) rootBasis
        let hasIdentity = found |> Seq.exists DataSymmetry.isIdentity
        if not commutantTrivial || not hasIdentity then
            [| identity |]
        else
            match closure (List.ofSeq found) with
            | Some group ->
                let others = group |> Array.filter (DataSymmetry.isIdentity >> not)
                Array.append [| identity |] others
            | None -> [| identity |]
