namespace SteeringRng.Relaxation

open System.Collections.Generic
open System.Threading
open SteeringRng.Algebra

/// The word layout of a moment matrix Γ(u, v) = ⟨u† v⟩ over a generating set S:
/// entry (i, j) holds the canonical word S_i†·S_j, or nothing when that product is zero.
/// Only the upper triangle is stored; Γ(j, i) is the adjoint of Γ(i, j).
[<Sealed>]
type MomentMatrix private (words: Word array, upper: Word voption array) =

    let n = words.Length

    let index i j = i * n - i * (i - 1) / 2 + (j - i) // row-major upper triangle, i ≤ j

    /// Computes every entry S_i†·S_j for i ≤ j.
    static member Build(generatingSet: Word array) = MomentMatrix.Build(generatingSet, CancellationToken.None)

    /// Computes every entry S_i†·S_j for i ≤ j; the token is checked once per row (n² products can take minutes).
    static member Build(generatingSet: Word array, cancellation: CancellationToken) =
        let n = generatingSet.Length
        let adjoints = generatingSet |> Array.map Word.adjoint
        let upper = Array.zeroCreate (n * (n + 1) / 2)
        let mutable k = 0
        for i in 0 .. n - 1 do
            cancellation.ThrowIfCancellationRequested()
            for j in i .. n - 1 do
                upper[k] <- Word.multiply adjoints[i] generatingSet[j]
                k <- k + 1
        MomentMatrix(Array.copy generatingSet, upper)

    /// The generating set S (rows and columns, in order).
    member _.Words = words

    member _.Size = n

    /// The word at (i, j) (either triangle), ValueNone when the product is zero.
    member _.Entry(i: int, j: int) : Word voption =
        if i <= j then upper[index i j]
        else
            match upper[index j i] with
            | ValueSome w -> ValueSome(Word.adjoint w)
            | ValueNone -> ValueNone

    /// Upper-triangle entries (i ≤ j) with their words, zero entries left out.
    member _.UpperEntries =
        seq {
            let mutable k = 0
            for i in 0 .. n - 1 do
                for j in i .. n - 1 do
                    match upper[k] with
                    | ValueSome w -> yield struct (i, j, w)
                    | ValueNone -> ()
                    k <- k + 1
        }

    /// Number of upper-triangle entries whose product is zero.
    member _.ZeroCount = upper |> Array.sumBy (fun w -> if w.IsNone then 1 else 0)

    /// The distinct nonzero canonical words of the whole matrix (both triangles), in shortlex order.
    member _.DistinctWords =
        let set = HashSet<Word>()
        for w in upper do
            match w with
            | ValueSome w ->
                set.Add w |> ignore
                set.Add(Word.adjoint w) |> ignore
            | ValueNone -> ()
        let arr = Seq.toArray set
        Array.sortInPlace arr
        arr
