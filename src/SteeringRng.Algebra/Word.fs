namespace SteeringRng.Algebra

open System

/// A canonical operator word (a monomial) of projective measurements:
/// - operators of different parties commute: letters are sorted by party, the order within a party is kept;
/// - P² = P: two equal neighbours merge;
/// - different outcomes of one setting are orthogonal: such neighbours make the word zero (never stored);
/// - only non-last outcomes are letters (Collins–Gisin); B_{n−1|y} = I − Σ_b B_{b|y} lives in polynomials.
/// The identity is the empty word. Words are immutable; the hash is computed once, so large
/// hash tables of words are cheap. Order: shortlex (shorter first, then letter by letter).
[<Sealed; AllowNullLiteral(false)>]
type Word private (letters: int[], hash: int) =

    static let hashOf (letters: int[]) =
        let mutable h = 17
        for l in letters do
            h <- h * 31 + l
        h

    static let identity = Word([||], hashOf [||])

    /// Wraps letters already in canonical form (callers in this assembly guarantee it).
    static member internal OfCanonical(letters: int[]) = Word(letters, hashOf letters)

    /// The identity operator (empty word).
    static member Identity = identity

    /// The letters (packed generators, see <see cref="Letter"/>), as a read-only span.
    member _.Letters = ReadOnlySpan<int>(letters)

    member internal _.Raw = letters

    member _.Length = letters.Length

    member _.Item(i: int) = letters[i]

    member _.IsIdentity = letters.Length = 0

    /// A copy of the letters.
    member _.ToArray() = Array.copy letters

    override _.GetHashCode() = hash

    member private _.SameAs(w: Word) =
        hash = w.HashValue && letters.AsSpan().SequenceEqual(ReadOnlySpan<int>(w.Raw))

    override this.Equals(other: obj) =
        match other with
        | :? Word as w -> this.SameAs w
        | _ -> false

    member private _.HashValue = hash

    interface IEquatable<Word> with
        member this.Equals(w: Word) =
            match w with
            | null -> false
            | w -> this.SameAs w

    interface IComparable<Word> with
        member _.CompareTo(w: Word) =
            let o = match w with | null -> [||] | w -> w.Raw
            if letters.Length <> o.Length then
                compare letters.Length o.Length
            else
                let mutable i = 0
                while i < letters.Length && letters[i] = o[i] do
                    i <- i + 1
                if i = letters.Length then 0 else compare letters[i] o[i]

    interface IComparable with
        member this.CompareTo(o: obj) =
            match o with
            | :? Word as w -> (this :> IComparable<Word>).CompareTo w
            | _ -> invalidArg "o" "A word can only be compared with another word."

    override _.ToString() =
        if letters.Length = 0 then
            "1"
        else
            letters
            |> Array.map (fun l -> $"{Letter.party l}:{Letter.outcome l}|{Letter.setting l}")
            |> String.concat " "
