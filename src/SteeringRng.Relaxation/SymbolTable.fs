namespace SteeringRng.Relaxation

open System.Collections.Generic
open SteeringRng.Algebra

/// Moment symbols: one per class {w, w†} of canonical words, numbered in order of first use.
/// ⟨w†⟩ is the complex conjugate (or, for operator-valued moments, the adjoint block) of ⟨w⟩, so the
/// class needs one set of variables; its representative is the shortlex-smaller of w and w†.
[<Sealed>]
type SymbolTable() =
    let ids = Dictionary<Word, int>()
    let representatives = ResizeArray<Word>()

    /// The shortlex-smaller of w and w†.
    static member Representative(w: Word) =
        let a = Word.adjoint w
        if compare a w < 0 then a else w

    /// The symbol of w's class, created when new.
    member _.Intern(w: Word) =
        let r = SymbolTable.Representative w
        match ids.TryGetValue r with
        | true, id -> id
        | _ ->
            let id = representatives.Count
            ids.Add(r, id)
            representatives.Add r
            id

    member _.TryFind(w: Word) =
        match ids.TryGetValue(SymbolTable.Representative w) with
        | true, id -> Some id
        | _ -> None

    member _.Count = representatives.Count

    /// The representative word of a symbol.
    member _.Word(id: int) = representatives[id]

    member _.Representatives = representatives :> IReadOnlyList<Word>
