namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// The second half of the symmetry reduction: orbit O's moment functional may be taken invariant under the
/// stabiliser H_O = {h ∈ G : h·e_O = e_O} of its representative guess,
///   M^O(w) = U_h† M^O(α_h(w)) U_h   for every h ∈ H_O and every moment w,
/// because the orbit average that proves the reduction exact (GuessOrbits) is itself H_O-invariant. The constants are
/// first made H_O-invariant (symmetriseConstants: relabelling mixes free moments with assemblage words, whose constants
/// carry the data), so these are homogeneous linear equalities on the variables, solved once by sparse elimination:
/// pivot variables are written in terms of the free ones, and every expression is rewritten in the free ones, so the
/// solver sees fewer variables and no equality. On GHZ with a joint guess H_O = {I, XXX}: about half of the variables
/// remain; for Bob alone |H_O| = 4, about a quarter. The invariant moment matrix is then split by SymmetryBlocks.
module internal StabiliserInvariance =

    open QLevelVariables

    /// Coefficients below this are rounding dust of the basis changes.
    [<Literal>]
    let private Dust = 1e-13

    /// A linear row Σ_k c_k v_k = 0 in sparse form.
    type private Row = Dictionary<int, float>

    /// Reduced row echelon form built row by row: every pivot variable appears in its own row only.
    type private Echelon() =
        let pivotRow = Dictionary<int, Row>()
        /// Rows (by pivot) in which a variable occurs, for eliminating a new pivot from them.
        let occurs = Dictionary<int, HashSet<int>>()

        let note (pivot: int) (row: Row) =
            for KeyValue(k, _) in row do
                if k <> pivot then
                    match occurs.TryGetValue k with
                    | true, s -> s.Add pivot |> ignore
                    | _ -> occurs[k] <- HashSet [ pivot ]

        member _.Pivots = pivotRow

        member _.Add(row: Row) =
            // Reduce against the existing pivots.
            let reduced = Row()
            for KeyValue(k, c) in row do
                match pivotRow.TryGetValue k with
                | true, p ->
                    // c v_k = Σ_j c a_j v_j (p is the solved form of pivot k).
                    for KeyValue(j, a) in p do
                        reduced[j] <- (match reduced.TryGetValue j with | true, x -> x | _ -> 0.0) + c * a
                | _ ->
                    reduced[k] <- (match reduced.TryGetValue k with | true, x -> x | _ -> 0.0) + c
            let scale = reduced.Values |> Seq.fold (fun m x -> max m (abs x)) 0.0
            if scale > 1e-9 then
                // Pivot on the last variable with a coefficient of at least a tenth of the largest (stable enough, and
                // it keeps the shared data coordinates, which come first and are dense, as free variables):
                // v_pivot = −Σ_{j≠pivot} (c_j / c_pivot) v_j.
                let pivot = reduced |> Seq.filter (fun kv -> abs kv.Value >= 0.1 * scale) |> Seq.maxBy (fun kv -> kv.Key) |> fun kv -> kv.Key
                let c = reduced[pivot]
                let normalised = Row()
                for KeyValue(j, a) in reduced do
                    if j <> pivot && abs a > Dust * scale then normalised[j] <- a / c
                // Eliminate the new pivot from the rows that contain it.
                match occurs.TryGetValue pivot with
                | true, holders ->
                    for p in List.ofSeq holders do
                        let r = pivotRow[p]
                        match r.TryGetValue pivot with
                        | true, f ->
                            r.Remove pivot |> ignore
                            for KeyValue(j, a) in normalised do
                                let v = (match r.TryGetValue j with | true, x -> x | _ -> 0.0) - f * a
                                if abs v > Dust then r[j] <- v else r.Remove j |> ignore
                            note p r
                        | _ -> ()
                    occurs.Remove pivot |> ignore
                | _ -> ()
                // Stored as v_pivot = Σ_j (−a_j) v_j.
                let solved = Row()
                for KeyValue(j, a) in normalised do
                    solved[j] <- -a
                pivotRow[pivot] <- solved
                note pivot solved

    /// conj(X) of an affine block (the variables are real: every coefficient is conjugated).
    let private conjugate (x: MomentExpression) : MomentExpression =
        { x with
            Constant = DataSymmetry.conjugate x.Constant
            Terms = x.Terms |> Array.map (fun (struct (k, r, c, v)) -> struct (k, r, c, Complex.Conjugate v)) }

    /// α_h(w) per element and word, kept for the life of the element: along a sweep the constants are symmetrised again
    /// at every point (symmetriseConstants) with the same elements and words, and the expansion is the costly part.
    let private images = System.Runtime.CompilerServices.ConditionalWeakTable<DataSymmetry, System.Collections.Concurrent.ConcurrentDictionary<Word, (Word * float) list>>()

    let private mapWord (st: Structure) (h: DataSymmetry) (w: Word) =
        images.GetValue(h, fun _ -> System.Collections.Concurrent.ConcurrentDictionary<Word, (Word * float) list>())
              .GetOrAdd(w, fun w -> DataSymmetry.mapWord st.Data.Scenario h w)

    /// The image of M^O(w) under h's invariance condition: U_h† M^O(α_h(w)) U_h for a unitary h, and
    /// conj(U_h† M^O(α_h(w)) U_h) for an antiunitary one (U conj(M(w)) U† = M(α(w)) solved for M(w)); None when a
    /// word of α_h(w) has no moment.
    let private imageOf (st: Structure) (table: IReadOnlyDictionary<struct (int * Word), MomentExpression>) (o: int) (antiunitary: bool) (h: DataSymmetry) (w: Word) =
        let d = st.Data.Dimension
        let image =
            mapWord st h w
            |> List.map (fun (v, c) -> c, MomentLookup.ofTable table o v)
        if image |> List.exists (fun (_, x) -> x.IsNone) then None
        else
            let transformed = OrbitMoments.congruence h.Unitary (MomentExpressions.combine d (image |> List.map (fun (c, x) -> c, x.Value)))
            Some(if antiunitary then conjugate transformed else transformed)

    /// Rows of M^O(w) − U_h† M^O(α_h(w)) U_h = 0 (real and imaginary parts of every entry; the image conjugated for an
    /// antiunitary h); None when the constant part does not vanish (the data are not symmetric after all).
    let private rowsOf (st: Structure) (table: IReadOnlyDictionary<struct (int * Word), MomentExpression>) (o: int) (antiunitary: bool) (h: DataSymmetry) (w: Word) =
        let d = st.Data.Dimension
        match imageOf st table o antiunitary h w with
        | None -> None
        | Some transformed ->
            let difference = MomentExpressions.combine d [ 1.0, table[struct (o, w)]; -1.0, transformed ]
            let constantSize = difference.Constant |> Seq.cast<Complex> |> Seq.fold (fun m z -> max m z.Magnitude) 0.0
            if constantSize > 1e-9 then None
            else
                let entries = Dictionary<struct (int * int), Dictionary<int, Complex>>()
                for struct (k, r, c, v) in difference.Terms do
                    let e =
                        match entries.TryGetValue(struct (r, c)) with
                        | true, e -> e
                        | _ ->
                            let e = Dictionary<int, Complex>()
                            entries[struct (r, c)] <- e
                            e
                    e[k] <- (match e.TryGetValue k with | true, x -> x | _ -> Complex.Zero) + v
                Some
                    [ for KeyValue(_, e) in entries do
                          let re = Row()
                          let im = Row()
                          for KeyValue(k, v) in e do
                              if abs v.Real > Dust then re[k] <- v.Real
                              if abs v.Imaginary > Dust then im[k] <- v.Imaginary
                          if re.Count > 0 then yield re
                          if im.Count > 0 then yield im ]

    /// The stabiliser of each orbit's representative, without the identity.
    let stabiliser (plan: SymmetryPlan) (o: int) =
        plan.Orbits.ToRepresentative[plan.Orbits.Representatives[o]]
        |> Array.map (fun h -> plan.Group[h])
        |> Array.filter (DataSymmetry.isIdentity >> not)

    /// The constants made H_O-invariant: C(w) = (1/|H_O|) Σ_{h∈H_O} U_h† C0(α_h(w)) U_h from the table's constants C0
    /// (M^obs/|guesses| on assemblage words, 0 on the others); with antiunitary stabiliser elements K_i they join the
    /// average as conj(U_K† C0(α_K(w)) U_K) (the group H_O ∪ K H_O). Assemblage words keep theirs (the data are symmetric);
    /// the free moments only move their origin, so the feasible set is unchanged, and the invariance equalities
    /// become homogeneous in the variables. Recomputed for every new data point (the variables stay the same).
    let symmetriseConstants (st: Structure) (plan: SymmetryPlan) (table: Dictionary<struct (int * Word), MomentExpression>) =
        let d = st.Data.Dimension
        let constants = Dictionary<struct (int * Word), MomentExpression>()
        for KeyValue(key, x) in table do
            constants[key] <- { x with Terms = [||] }
        let view = constants :> IReadOnlyDictionary<_, _>
        let result = Dictionary<struct (int * Word), MomentExpression>(table)
        for KeyValue(struct (o, w), x) in table do
            let group =
                Array.concat
                    [ [| false, DataSymmetry.identity st.Data.Scenario d |]
                      stabiliser plan o |> Array.map (fun h -> false, h)
                      plan.AntiunitaryStabilisers[o] |> Array.map (fun k -> true, k) ]
            if group.Length > 1 && not (st.Data.Index.ContainsKey w) then
                let parts = group |> Array.map (fun (antiunitary, h) -> imageOf st view o antiunitary h w)
                if parts |> Array.forall Option.isSome then
                    let average = MomentExpressions.combine d (parts |> Array.map (fun y -> 1.0 / float group.Length, y.Value))
                    result[struct (o, w)] <- { x with Constant = average.Constant }
        result

    /// The plan with its unitary elements only.
    let private withoutAntiunitary (plan: SymmetryPlan) =
        { plan with Antiunitary = None; AntiunitaryStabilisers = plan.AntiunitaryStabilisers |> Array.map (fun _ -> [||]) }

    /// The structure and table rewritten in the free variables of the invariance equalities; unchanged when no
    /// stabiliser is nontrivial (or the equalities cannot be formed).
    /// (`cancellation` is checked per stabiliser element of each orbit: OperationCanceledException.)
    let rec applyCancellable (cancellation: System.Threading.CancellationToken) (st: Structure) (plan: SymmetryPlan) (original: Dictionary<struct (int * Word), MomentExpression>) =
      if plan.Antiunitary.IsSome && st.Reduction.Basis.IsSome then
        // Rank-deficient data: Γ is compressed (GammaCompression), not split into symmetry blocks, so the antiunitary
        // invariance would make no block real; it only pins imaginary parts inside Hermitian blocks, which left
        // the W-state sample's Q1 without a strict interior in the solver's eyes (near-optimal after 37 iterations
        // instead of optimal after 12). The unitary reduction alone.
        let plain = withoutAntiunitary plan
        applyCancellable cancellation { st with Symmetry = Some plain } plain original
      else
        let table = symmetriseConstants st plan original
        let view = table :> IReadOnlyDictionary<_, _>
        let echelon = Echelon()
        let mutable usable = true
        for o in 0 .. st.Guesses.Length - 1 do
            let words = [ for KeyValue(struct (oo, w), _) in table do if oo = o then yield w ]
            let elements =
                Array.append (stabiliser plan o |> Array.map (fun h -> false, h)) (plan.AntiunitaryStabilisers[o] |> Array.map (fun k -> true, k))
            for (antiunitary, h) in elements do
                cancellation.ThrowIfCancellationRequested()
                for w in words do
                    if usable then
                        match rowsOf st view o antiunitary h w with
                        | Some rows -> for r in rows do echelon.Add r
                        | None -> usable <- false
        let count = variableCount st
        if not usable && plan.Antiunitary.IsSome then
            // Without the antiunitary elements (their equalities could not be formed): the unitary reduction alone.
            let plain = withoutAntiunitary plan
            applyCancellable cancellation { st with Symmetry = Some plain } plain original
        elif not usable || echelon.Pivots.Count = 0 then st, original
        else
            // New numbering: the free (non-pivot) variables in order.
            let fresh = Array.create count -1
            let mutable next = 0
            for k in 0 .. count - 1 do
                if not (echelon.Pivots.ContainsKey k) then
                    fresh[k] <- next
                    next <- next + 1
            let rewrite (x: MomentExpression) =
                let terms = ResizeArray()
                for struct (k, r, c, v) in x.Terms do
                    match echelon.Pivots.TryGetValue k with
                    | true, row ->
                        for KeyValue(j, a) in row do
                            terms.Add(struct (fresh[j], r, c, v * Complex(a, 0.0)))
                    | _ -> terms.Add(struct (fresh[k], r, c, v))
                { x with Terms = terms.ToArray() }
            let rewritten = Dictionary<struct (int * Word), MomentExpression>()
            for KeyValue(key, x) in table do
                rewritten[key] <- rewrite x
            { st with InvariantCount = Some next }, rewritten

    /// applyCancellable without a token.
    let apply (st: Structure) (plan: SymmetryPlan) (original: Dictionary<struct (int * Word), MomentExpression>) =
        applyCancellable System.Threading.CancellationToken.None st plan original
