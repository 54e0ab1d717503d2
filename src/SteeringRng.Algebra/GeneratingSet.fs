namespace SteeringRng.Algebra

open System
open System.Collections.Generic

/// How the list S of words indexing a moment matrix is chosen.
[<RequireQualifiedAccess>]
type GeneratingSetSpec =
    /// NPA level k: every canonical word of length ≤ k.
    | Level of int
    /// A level string such as "1+AB" or "1+B+C+BC+BBC" (see GeneratingSet.parse).
    | Terms of string
    /// An explicit list of words (the identity is added when missing).
    | Words of Word list
    /// NPA level k plus, for each extra word, all products of one generator of each listed party in order
    /// (party indices 0-based in the scenario's party order; [|1; 2|] is "BC" when the parties are A, B, C).
    /// Unlike Terms it needs no party names, so it works for parties named Bob1, Bob2, ….
    | LevelWithProducts of level: int * products: int array array
    /// LevelWithProducts plus explicit words (a chosen setting and outcome per letter, e.g. B_{0|1} C_{0|0}), each
    /// checked to be a product of this scenario's generators: for levels designed word by word.
    | LevelWithWords of level: int * products: int array array * words: Word list

/// Generating sets: the identity first, then distinct nonzero canonical words in shortlex order.
[<RequireQualifiedAccess>]
module GeneratingSet =

    let private finish (words: Word seq) : Word array =
        let set = HashSet<Word>(words)
        set.Add Word.Identity |> ignore
        let arr = Seq.toArray set
        Array.sortInPlace arr // shortlex: the identity (length 0) comes first
        arr

    /// All canonical words of length exactly 0..k, grouped by length: every canonical word of length L is a
    /// canonical word of length L−1 times one generator (drop the last letter of its last party).
    let private byLength (scenario: Scenario) (k: int) : Word list list =
        let gens = scenario.Generators
        let rec grow (current: Word list) (length: int) acc =
            if length > k then
                List.rev acc
            else
                let seen = HashSet<Word>()
                for w in current do
                    for g in gens do
                        match Word.multiply w g with
                        | ValueSome v when v.Length = length -> seen.Add v |> ignore
                        | _ -> ()
                let next = Seq.toList seen
                grow next (length + 1) (next :: acc)
        grow [ Word.Identity ] 1 [ [ Word.Identity ] ]

    /// NPA level k: all canonical words of length ≤ k.
    let level (scenario: Scenario) (k: int) : Word array =
        if k < 0 then invalidArg (nameof k) $"A level must be a nonnegative integer, got {k}."
        byLength scenario k |> List.concat |> finish

    /// All products p_1·p_2·…·p_r with p_i a generator of party parties[i] (a term such as "BBC"), reduced.
    let product (scenario: Scenario) (parties: int list) : Word seq =
        let rec go (acc: Word seq) parties =
            match parties with
            | [] -> acc
            | p :: rest ->
                let gens = scenario.GeneratorLetters p |> Array.map Word.ofLetter
                let next =
                    seq {
                        for w in acc do
                            for g in gens do
                                match Word.multiply w g with
                                | ValueSome v -> yield v
                                | ValueNone -> ()
                    }
                    |> HashSet
                    |> Seq.toArray
                go next rest
        go [ Word.Identity ] parties

    /// Reads one term: an integer k (NPA level k), party letters with optional powers ("BC", "BBC", "B^2C"), or one
    /// explicit word as Scenario.FormatWord prints it ("B0|1 C0|0": a term with '|'; patterns never hold one).
    let private parseTerm (scenario: Scenario) (text: string) (term: string) : Word seq =
        let t = String(term.ToCharArray() |> Array.filter (Char.IsWhiteSpace >> not))
        let fail msg = invalidArg "text" $"Level \"{text}\", term \"{term.Trim()}\": {msg}"
        if t.Length = 0 then fail "empty term (two '+' in a row, or a '+' at an end)"
        if t.Contains '|' then
            let word =
                try scenario.ParseWord t
                with :? ArgumentException as e -> fail e.Message
            match word with
            | ValueSome w -> Seq.singleton w
            | ValueNone -> fail "the word is zero (two outcomes of one setting side by side)"
        elif t |> Seq.forall Char.IsDigit then
            level scenario (int t) :> Word seq
        else
            let parties = ResizeArray()
            let mutable i = 0
            while i < t.Length do
                let name = string t[i]
                match scenario.TryFindParty name with
                | None ->
                    let known = scenario.Parties |> List.map (fun p -> p.Name) |> String.concat ", "
                    fail $"'{name}' is not a party (parties: {known}; a term is an integer or party letters like \"BC\")"
                | Some p ->
                    i <- i + 1
                    let mutable power = 1
                    if i < t.Length && t[i] = '^' then
                        i <- i + 1
                        let start = i
                        while i < t.Length && Char.IsDigit t[i] do
                            i <- i + 1
                        if i = start then fail $"'^' after {name} must be followed by a power"
                        power <- int (t.Substring(start, i - start))
                        if power < 1 then fail $"the power of {name} must be at least 1"
                    for _ in 1..power do
                        parties.Add p
            product scenario (List.ofSeq parties)

    /// Parses a level string: terms joined by '+'. An integer term k means NPA level k (all words of
    /// length ≤ k, as in "1+AB" = level 1 plus all products A·B); a letter term means all products of one
    /// generator of each named party, in order ("BC", "BBC" or "B^2C"). The identity is always included.
    let parse (scenario: Scenario) (text: string) : Word array =
        if String.IsNullOrWhiteSpace text then invalidArg (nameof text) "A level string must not be empty."
        if scenario.Parties |> List.exists (fun p -> p.Name.Length <> 1) then
            invalidArg (nameof scenario) "Level strings need one-letter party names."
        text.Split('+') |> Seq.collect (parseTerm scenario text) |> finish

    /// Level k ∪ the products of each index list: S = {words of length ≤ k} ∪ ⋃_p {g_{p_1} · … · g_{p_r}}, the same
    /// set as the level string "k+…" whose letter terms name the parties p (e.g. (1, [[0; 1]]) = "1+BC" for B, C).
    let levelWithProducts (scenario: Scenario) (k: int) (products: int array array) : Word array =
        if isNull (box products) then invalidArg (nameof products) "The list of products must not be null."
        for p in products do
            if isNull (box p) then invalidArg (nameof products) "A product must list party indices, got null."
            for j in p do
                if j < 0 || j >= scenario.PartyCount then
                    invalidArg (nameof products) $"Party index {j} in a product does not exist (parties 0..{scenario.PartyCount - 1})."
        Seq.append (level scenario k) (products |> Seq.collect (List.ofArray >> product scenario)) |> finish

    /// Level k ∪ the products of each index list ∪ the explicit words. Each word must be a product of this scenario's
    /// generators (party and setting in range, never the last outcome of a setting, which is I − Σ of the others).
    let levelWithWords (scenario: Scenario) (k: int) (products: int array array) (words: Word list) : Word array =
        if isNull (box words) then invalidArg (nameof words) "The list of words must not be null."
        for w in words do
            if isNull (box w) then invalidArg (nameof words) "A word must not be null."
            for l in w.ToArray() do
                // Scenario.Generator checks the range and refuses last outcomes, with the reason.
                scenario.Generator(Letter.party l, Letter.setting l, Letter.outcome l) |> ignore
        Seq.append (levelWithProducts scenario k products) words |> finish

    /// The generating set of a specification.
    let build (scenario: Scenario) (spec: GeneratingSetSpec) : Word array =
        match spec with
        | GeneratingSetSpec.Level k -> level scenario k
        | GeneratingSetSpec.Terms text -> parse scenario text
        | GeneratingSetSpec.Words words -> finish words
        | GeneratingSetSpec.LevelWithProducts(k, products) -> levelWithProducts scenario k products
        | GeneratingSetSpec.LevelWithWords(k, products, words) -> levelWithWords scenario k products words
