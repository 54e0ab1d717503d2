namespace SteeringRng.Relaxation.Symmetry

open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// A stabiliser element h acting on the coordinates (s, a) of a moment matrix Γ (s ∈ S a word, a < d_A):
///   T_h[(s', a'), (s, a)] = C_h[s', s] U_h[a', a],   α_h(s) = Σ_{s'} C_h[s', s] s',
/// so that an h-invariant moment functional has Γ = T_h† Γ T_h (docs/formulations/symmetry-reduction.md). C_h is
/// not a permutation when α_h sends a word to one with a last outcome (I − Σ others), so T_h is invertible but not
/// unitary; U_h is fixed only up to a phase, which cancels in T_h† Γ T_h. Vectors are sparse: (coordinate, value)
/// pairs in increasing coordinate order.
module internal RelabellingAction =

    open QLevelVariables

    type Sparse = (struct (int * Complex)) array

    /// T_h column by column.
    type Action = Sparse array

    /// Entries below this are rounding dust of the sums below (the vectors' entries are of order one).
    [<Literal>]
    let Dust = 1e-13

    /// T_h as sparse columns, or None when α_h leaves span(S) (then h does not act on Γ).
    let ofSymmetry (st: Structure) (h: DataSymmetry) : Action option =
        let d = st.Data.Dimension
        let words = st.Moments.Words
        let index = Dictionary<Word, int>()
        words |> Array.iteri (fun i w -> index[w] <- i)
        let images = words |> Array.map (DataSymmetry.mapWord st.Data.Scenario h)
        if images |> Array.exists (List.exists (fun (v, _) -> not (index.ContainsKey v))) then None
        else
            Some(
                Array.init (words.Length * d) (fun col ->
                    let s, a = col / d, col % d
                    [| for (v, c) in images[s] |> List.sortBy (fun (v, _) -> index[v]) do
                           for a' in 0 .. d - 1 do
                               let value = Complex(c, 0.0) * h.Unitary[a', a]
                               if value.Magnitude > Dust then yield struct (index[v] * d + a', value) |]))

    /// Σ_i c_i x_i for sparse x_i.
    let combine (terms: (Complex * Sparse) seq) : Sparse =
        let sum = SortedDictionary<int, Complex>()
        for (c, x) in terms do
            if c <> Complex.Zero then
                for struct (k, v) in x do
                    sum[k] <- (match sum.TryGetValue k with | true, y -> y | _ -> Complex.Zero) + c * v
        [| for KeyValue(k, v) in sum do if v.Magnitude > Dust then yield struct (k, v) |]

    /// T x.
    let apply (t: Action) (x: Sparse) : Sparse =
        combine (x |> Seq.map (fun (struct (col, v)) -> v, t[col]))

    let norm (x: Sparse) = sqrt (x |> Array.sumBy (fun (struct (_, v)) -> v.Real * v.Real + v.Imaginary * v.Imaginary))

    /// c with y = c x (to 1e-9 relative), or None; x ≠ 0.
    let ratio (x: Sparse) (y: Sparse) : Complex option =
        let struct (k, xk) = x |> Array.maxBy (fun (struct (_, v)) -> v.Magnitude)
        let yk = y |> Array.tryPick (fun (struct (i, v)) -> if i = k then Some v else None) |> Option.defaultValue Complex.Zero
        let c = yk / xk
        let residual = combine [ Complex.One, y; -c, x ]
        if norm residual <= 1e-9 * max (norm x) (norm y) then Some c else None
