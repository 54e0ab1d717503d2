namespace SteeringRng.Algebra

open System
open System.Numerics

/// The parties of one scenario, in order (the order of letters in canonical words).
/// Generators are the Collins–Gisin projectors B_{b|y} with b < n_y − 1; the last outcome of each setting
/// is only available as the polynomial I − Σ_{b<n−1} B_{b|y} (see <see cref="Projector"/>).
[<Sealed>]
type Scenario(parties: Party list) =
    do
        if parties.IsEmpty then invalidArg "parties" "A scenario needs at least one party."
        if parties.Length > Letter.MaxParty + 1 then
            invalidArg "parties" $"At most {Letter.MaxParty + 1} parties are supported, got {parties.Length}."
        for p in parties do
            if String.IsNullOrWhiteSpace p.Name then invalidArg "parties" "Every party needs a name."
            if isNull (box p.Outcomes) || p.Outcomes.Length = 0 then
                invalidArg "parties" $"Party {p.Name} needs at least one setting."
            if p.Outcomes.Length > Letter.MaxSetting + 1 then
                invalidArg "parties" $"Party {p.Name} has {p.Outcomes.Length} settings; at most {Letter.MaxSetting + 1} are supported."
            p.Outcomes
            |> Array.iteri (fun y n ->
                if n < 1 || n > Letter.MaxOutcome + 1 then
                    invalidArg "parties" $"Party {p.Name}, setting {y}: {n} outcomes (must be 1..{Letter.MaxOutcome + 1}).")
        match parties |> List.countBy (fun p -> p.Name) |> List.tryFind (fun (_, c) -> c > 1) with
        | Some(name, _) -> invalidArg "parties" $"Two parties are named {name}."
        | None -> ()

    let partyArray = List.toArray parties

    let generatorsOf =
        partyArray
        |> Array.mapi (fun i p ->
            [| for y in 0 .. p.Outcomes.Length - 1 do
                   for b in 0 .. p.Outcomes[y] - 2 do
                       Letter.make i y b |])

    let checkLetter party setting outcome =
        if party < 0 || party >= partyArray.Length then
            invalidArg "party" $"Party index {party} is outside 0..{partyArray.Length - 1}."
        let p = partyArray[party]
        if setting < 0 || setting >= p.Outcomes.Length then
            invalidArg "setting" $"Party {p.Name} has settings 0..{p.Outcomes.Length - 1}, got {setting}."
        if outcome < 0 || outcome >= p.Outcomes[setting] then
            invalidArg "outcome" $"Party {p.Name}, setting {setting} has outcomes 0..{p.Outcomes[setting] - 1}, got {outcome}."

    new(parties: Party seq) = Scenario(List.ofSeq parties)

    member _.Parties: Party list = parties

    member _.PartyCount = partyArray.Length

    member _.Party(i: int) = partyArray[i]

    /// Index of the party with this name, if any.
    member _.TryFindParty(name: string) = partyArray |> Array.tryFindIndex (fun p -> p.Name = name)

    /// The Collins–Gisin generators of one party (letters), in (setting, outcome) order.
    member _.GeneratorLetters(party: int) = Array.copy generatorsOf[party]

    /// All generators as one-letter words, party by party.
    member _.Generators: Word array = generatorsOf |> Array.concat |> Array.map Word.ofLetter

    /// The generator B_{b|y} as a word (b must not be the last outcome of y).
    member _.Generator(party: int, setting: int, outcome: int) =
        checkLetter party setting outcome
        if outcome = partyArray[party].Outcomes[setting] - 1 then
            invalidArg "outcome" $"Outcome {outcome} is the last one of setting {setting}: it is not a generator (use Projector)."
        Word.ofLetter (Letter.make party setting outcome)

    /// The projector P_{b|y} of any outcome as a polynomial: a generator, or I − Σ_{b'<n−1} P_{b'|y} for the last one.
    member this.Projector(party: int, setting: int, outcome: int) : Polynomial =
        checkLetter party setting outcome
        let n = partyArray[party].Outcomes[setting]
        if outcome < n - 1 then
            Polynomial.OfWord(this.Generator(party, setting, outcome))
        else
            let others = [ for b in 0 .. n - 2 -> Word.ofLetter (Letter.make party setting b), Complex(-1.0, 0.0) ]
            Polynomial.OfTerms((Word.Identity, Complex.One) :: others)

    /// Letters written as physicists do: name, outcome, '|', setting ("B0|1" is B_{0|1}).
    member _.FormatLetter(letter: int) =
        $"{partyArray[Letter.party letter].Name}{Letter.outcome letter}|{Letter.setting letter}"

    /// "1" for the identity, otherwise letters separated by spaces ("B0|1 C0|0").
    member this.FormatWord(w: Word) =
        if w.IsIdentity then "1"
        else w.ToArray() |> Array.map this.FormatLetter |> String.concat " "

    member this.FormatPolynomial(p: Polynomial) =
        if p.IsZero then
            "0"
        else
            p.Coefficients
            |> Seq.map (fun (w, c) ->
                let coeff = Polynomial.FormatCoefficient c
                if w.IsIdentity then coeff else $"{coeff} {this.FormatWord w}")
            |> String.concat " + "

    /// Parses a word written as FormatWord prints it ("1", "B0|1 C0|0", also without spaces "B0|1C0|0").
    /// A word is a product of generators, so last outcomes are rejected (they are polynomials, see Projector).
    /// Returns ValueNone when the product is zero (e.g. "B0|0 B1|0").
    member this.ParseWord(text: string) : Word voption =
        let s = text.Replace(" ", "")
        if s = "1" || s = "" then
            ValueSome Word.Identity
        else
            let letters = ResizeArray()
            let mutable i = 0
            let fail msg = invalidArg "text" $"Cannot read word \"{text}\" at position {i}: {msg}"
            let readInt () =
                let start = i
                while i < s.Length && Char.IsDigit s[i] do
                    i <- i + 1
                if i = start then fail "expected a number"
                int (s.Substring(start, i - start))
            while i < s.Length do
                let name =
                    partyArray
                    |> Array.sortByDescending (fun p -> p.Name.Length)
                    |> Array.tryFind (fun p -> String.CompareOrdinal(s, i, p.Name, 0, p.Name.Length) = 0)
                match name with
                | None -> fail "expected a party name"
                | Some p ->
                    let party = partyArray |> Array.findIndex (fun q -> q.Name = p.Name)
                    i <- i + p.Name.Length
                    let b = readInt ()
                    if i >= s.Length || s[i] <> '|' then fail "expected '|' between outcome and setting"
                    i <- i + 1
                    let y = readInt ()
                    letters.Add(this.Generator(party, y, b)[0])
            Word.ofLetters letters
