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

    // Row-major upper triangle, i ≤ j: i·n − i(i−1)/2 + (j − i), in 64 bits (i·n exceeds 2^31 long before the
    // triangle does); the result is below the triangle's length, which Build checked fits in one array.
    let index (i: int) (j: int) = int (int64 i * int64 n - int64 i * int64 (i - 1) / 2L + int64 (j - i))

    /// Computes every entry S_i†·S_j for i ≤ j.
    static member Build(generatingSet: Word array) = MomentMatrix.Build(generatingSet, CancellationToken.None)

    /// Computes every entry S_i†·S_j for i ≤ j; the token is checked once per row (n² products can take minutes).
    static member Build(generatingSet: Word array, cancellation: CancellationToken) =
        let n = generatingSet.Length
        // n(n+1)/2 in 64 bits: it passes 2^31 at n = 65 536 (four qubit parties at NPA level 7).
        let entries = MomentMatrix.UpperEntryCount n
        if entries > int64 System.Array.MaxLength then
            invalidArg (nameof generatingSet) (MomentMatrix.TooLargeMessage n)
        let adjoints = generatingSet |> Array.map Word.adjoint
        let upper = Array.zeroCreate (int entries)
        let mutable k = 0
        for i in 0 .. n - 1 do
            cancellation.ThrowIfCancellationRequested()
            for j in i .. n - 1 do
                upper[k] <- Word.multiply adjoints[i] generatingSet[j]
                k <- k + 1
        MomentMatrix(Array.copy generatingSet, upper)

    /// n(n+1)/2, the upper-triangle entries of an n×n moment matrix (64-bit: it exceeds 2^31 for n ≥ 65 536).
    static member UpperEntryCount(n: int) : int64 = int64 n * (int64 n + 1L) / 2L

    /// The largest generating set whose word layout one array can hold: n(n+1)/2 ≤ Array.MaxLength.
    static member MaxSize = int ((sqrt (8.0 * float System.Array.MaxLength + 1.0) - 1.0) / 2.0)

    /// Why a generating set of n words is refused (plain words: what is too large and what to reduce).
    static member TooLargeMessage(n: int) =
        $"the moment matrix of {n} words has {MomentMatrix.UpperEntryCount n} upper-triangle entries, more than one array can hold "
        + $"({System.Array.MaxLength}; at most {MomentMatrix.MaxSize} words): lower the NPA level or the number of settings or parties"

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
