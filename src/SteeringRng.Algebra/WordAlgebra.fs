namespace SteeringRng.Algebra

open System

/// Products, adjoints and canonical forms of words. A product can vanish (orthogonal projectors meet),
/// so the operations that can produce zero return `Word voption` (ValueNone = the zero operator).
[<RequireQualifiedAccess; CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Word =

    /// Pushes one letter onto a party-sorted, reduced stack `buf[0..n-1]`; returns the new length, or −1 for zero.
    /// Only the top can interact with the new letter: within a party a reduced word never has two neighbours
    /// from one measurement, and letters of different parties commute past each other (already sorted).
    let inline private push (buf: int[]) (n: int) (letter: int) =
        if n > 0 && Letter.sameMeasurement buf[n - 1] letter then
            if buf[n - 1] = letter then n // P·P = P
            else -1 // P_b·P_b' = 0 for b ≠ b'
        else
            buf[n] <- letter
            n + 1

    /// Reduces letters already stably sorted by party.
    let private reduceSorted (sorted: int[]) : Word voption =
        let buf = Array.zeroCreate sorted.Length
        let mutable n = 0
        let mutable i = 0
        while n >= 0 && i < sorted.Length do
            n <- push buf n sorted[i]
            i <- i + 1
        if n < 0 then ValueNone
        elif n = buf.Length then ValueSome(Word.OfCanonical buf)
        else ValueSome(Word.OfCanonical(Array.sub buf 0 n))

    /// The canonical form of any product of letters (in the order given): stable sort by party
    /// (cross-party commutation), then merge equal neighbours and zero out orthogonal ones.
    let ofLetters (letters: int seq) : Word voption =
        let arr = Seq.toArray letters
        // Array.sortBy is not stable; sort (party, position) pairs to keep the order within a party.
        let sorted =
            arr
            |> Array.mapi (fun i l -> struct (Letter.party l, i, l))
            |> Array.sortWith (fun (struct (p1, i1, _)) (struct (p2, i2, _)) ->
                if p1 <> p2 then compare p1 p2 else compare i1 i2)
            |> Array.map (fun (struct (_, _, l)) -> l)
        reduceSorted sorted

    /// A single generator as a word.
    let ofLetter (letter: int) : Word = Word.OfCanonical [| letter |]

    /// u·v in canonical form: merge the two party-sorted words (u's letters first within each party), then reduce.
    let multiply (u: Word) (v: Word) : Word voption =
        let a = u.Raw
        let b = v.Raw
        if a.Length = 0 then ValueSome v
        elif b.Length = 0 then ValueSome u
        else
            let buf = Array.zeroCreate (a.Length + b.Length)
            let mutable n = 0
            let mutable i = 0
            let mutable j = 0
            while n >= 0 && (i < a.Length || j < b.Length) do
                // Take from u while its party is not after v's: ties keep u before v (u·v order).
                if j = b.Length || (i < a.Length && Letter.party a[i] <= Letter.party b[j]) then
                    n <- push buf n a[i]
                    i <- i + 1
                else
                    n <- push buf n b[j]
                    j <- j + 1
            if n < 0 then ValueNone
            elif n = buf.Length then ValueSome(Word.OfCanonical buf)
            else ValueSome(Word.OfCanonical(Array.sub buf 0 n))

    /// u†: projectors are Hermitian, so the adjoint reverses the word; reversing each party's block
    /// (parties commute) keeps it canonical and reduced.
    let adjoint (w: Word) : Word =
        let a = w.Raw
        if a.Length <= 1 then
            w
        else
            let r = Array.copy a
            let mutable start = 0
            while start < r.Length do
                let p = Letter.party r[start]
                let mutable stop = start
                while stop < r.Length && Letter.party r[stop] = p do
                    stop <- stop + 1
                Array.Reverse(r, start, stop - start)
                start <- stop
            Word.OfCanonical r

    /// u†·v, the word of a moment-matrix entry Γ(u, v).
    let momentOf (u: Word) (v: Word) : Word voption = multiply (adjoint u) v

    /// Whether w = w† (then its moment is Hermitian / real).
    let isSelfAdjoint (w: Word) = (adjoint w).Equals w

    /// The letters of one party, as a word.
    let ofParty (party: int) (w: Word) : Word =
        Word.OfCanonical(w.Raw |> Array.filter (fun l -> Letter.party l = party))

    /// Number of letters of one party.
    let degreeIn (party: int) (w: Word) =
        w.Raw |> Array.sumBy (fun l -> if Letter.party l = party then 1 else 0)
