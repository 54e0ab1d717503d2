/// FsCheck generators of letters and raw products for a fixed small scenario with unequal outcome counts.
module SteeringRng.Algebra.Tests.Generators

open FsCheck
open FsCheck.FSharp
open SteeringRng.Algebra

/// B: settings with 2, 3, 2 outcomes; C: two settings with 3 outcomes; D: one binary setting.
let scenario =
    Scenario([ { Name = "B"; Outcomes = [| 2; 3; 2 |] }; { Name = "C"; Outcomes = [| 3; 3 |] }; { Name = "D"; Outcomes = [| 2 |] } ])

/// All Collins–Gisin generators as (party, setting, outcome).
let generators =
    [| for p in 0 .. scenario.PartyCount - 1 do
           let party = scenario.Party p
           for y in 0 .. party.Outcomes.Length - 1 do
               for b in 0 .. party.Outcomes[y] - 2 -> p, y, b |]

let toLetter (p, y, b) = Letter.make p y b

let genGenerator = Gen.elements generators

/// Raw products of 0..6 generators.
let genRaw = Gen.choose (0, 6) |> Gen.bind (fun n -> Gen.listOfLength n genGenerator)

let arbRaw = Arb.fromGen genRaw

let arbRaw2 = Arb.fromGen (Gen.zip genRaw genRaw)

let arbRaw3 = Arb.fromGen (Gen.zip3 genRaw genRaw genRaw)

/// The library's canonical word of a raw product.
let wordOf (raw: (int * int * int) list) = Word.ofLetters (raw |> List.map toLetter)

/// The same through the naive reducer, as a word (ValueNone for zero).
let naiveWordOf (raw: (int * int * int) list) =
    match NaiveReduction.reduce raw with
    | None -> ValueNone
    | Some r -> ValueSome(r |> List.map toLetter |> Word.ofLetters).Value

let multiplyReduced (u: Word voption) (v: Word voption) =
    match u, v with
    | ValueSome u, ValueSome v -> Word.multiply u v
    | _ -> ValueNone
