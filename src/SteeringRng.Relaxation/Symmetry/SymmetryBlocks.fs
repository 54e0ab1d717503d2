namespace SteeringRng.Relaxation.Symmetry

open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// Block-diagonalisation of a stabiliser-invariant moment matrix. An invariant orbit functional
/// (StabiliserInvariance) has Γ = T_h† Γ T_h with
///   T_h[(s', a'), (s, a)] = C_h[s', s] U_h[a', a],   α_h(s) = Σ_{s'} C_h[s', s] s'   (s, s' ∈ S),
/// so for eigenvectors T_h x = λ x, T_h y = μ y:  x†Γy = conj(λ) μ x†Γy, and x†Γy = 0 unless λ = μ (|λ| = |μ| = 1:
/// T_h has finite order up to a phase). For an involution (T_h² = c I) the eigenspaces of ±√c are the ranges of
/// P± = (I ± T_h/√c)/2, and with V = [V₊ V₋] (columns of P± picked greedily, kept sparse)
///   Γ ⪰ 0  ⇔  V₊† Γ V₊ ⪰ 0  and  V₋† Γ V₋ ⪰ 0,
/// two blocks of about half the size (V is invertible though not unitary; the cross block V₊†ΓV₋ vanishes).
module internal SymmetryBlocks =

    open QLevelVariables

    /// T_h as sparse columns: column (s, a) holds (row, value) pairs. None when α_h leaves span(S).
    let private transform (st: Structure) (h: DataSymmetry) =
        let d = st.Data.Dimension
        let words = st.Moments.Words
        let index = System.Collections.Generic.Dictionary<Word, int>()
        words |> Array.iteri (fun i w -> index[w] <- i)
        let columns =
            words
            |> Array.map (fun s ->
                let image = DataSymmetry.mapWord st.Data.Scenario h s
                if image |> List.forall (fun (v, _) -> index.ContainsKey v) then Some image else None)
        if columns |> Array.exists Option.isNone then None
        else
            Some(
                Array.init (words.Length * d) (fun col ->
                    let s, a = col / d, col % d
                    [| for (v, c) in columns[s].Value do
                           for a' in 0 .. d - 1 do
                               let value = Complex(c, 0.0) * h.Unitary[a', a]
                               if value.Magnitude > 1e-14 then yield struct (index[v] * d + a', value) |])
            )

    let private apply (t: struct (int * Complex) array array) (x: Complex array) =
        let y = Array.zeroCreate x.Length
        for col in 0 .. x.Length - 1 do
            if x[col] <> Complex.Zero then
                for struct (row, v) in t[col] do
                    y[row] <- y[row] + v * x[col]
        y

    /// The two blocks' columns (sparse) for the first stabiliser element that is an involution up to a phase, or None.
    let compute (st: Structure) (stabiliser: DataSymmetry array) : GammaCompression.Rows array option =
        let n = st.Moments.Size * st.Data.Dimension
        let unit k = Array.init n (fun i -> if i = k then Complex.One else Complex.Zero)
        let involution =
            stabiliser
            |> Array.tryPick (fun h ->
                match transform st h with
                | None -> None
                | Some t ->
                    // T² = c I?
                    let c = (apply t (apply t (unit 0)))[0]
                    let isInvolution =
                        c.Magnitude > 0.5
                        && Seq.forall (fun k ->
                            let y = apply t (apply t (unit k))
                            y |> Array.mapi (fun i v -> (v - (if i = k then c else Complex.Zero)).Magnitude) |> Array.forall (fun e -> e < 1e-10))
                            (seq { 0 .. n - 1 })
                    if isInvolution then Some(t, Complex.Sqrt c) else None)
        match involution with
        | None -> None
        | Some(t, root) ->
            // Greedy sparse bases of range(P₊) and range(P₋): accept P± e_k when it is independent of those already
            // accepted (tested on an orthonormalised copy; the sparse vector itself becomes the column).
            let accepted = ResizeArray<Complex array>()
            let pick sign =
                let columns = ResizeArray<struct (int * Complex) array>()
                for k in 0 .. n - 1 do
                    let te = apply t (unit k)
                    let v = Array.init n (fun i -> 0.5 * ((if i = k then Complex.One else Complex.Zero) + Complex(sign, 0.0) * te[i] / root))
                    let scale = ComplexVectors.norm v
                    if scale > 1e-12 then
                        let w = Array.copy v
                        ComplexVectors.orthogonalise accepted w
                        let r = ComplexVectors.norm w
                        if r > 1e-8 * scale then
                            accepted.Add(w |> Array.map (fun z -> z / Complex(r, 0.0)))
                            columns.Add [| for i in 0 .. n - 1 do if v[i].Magnitude > 1e-14 then yield struct (i, v[i]) |]
                columns.ToArray()
            let plus = pick 1.0
            let minus = pick -1.0
            if plus.Length + minus.Length <> n || plus.Length = 0 || minus.Length = 0 then None
            else Some [| plus; minus |]
