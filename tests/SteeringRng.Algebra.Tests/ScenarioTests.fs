module SteeringRng.Algebra.Tests.ScenarioTests

open System
open Expecto
open SteeringRng.Algebra
open SteeringRng.Algebra.Tests.Generators

let private messageOf (f: unit -> 'a) =
    try
        f () |> ignore
        ""
    with :? ArgumentException as e -> e.Message

[<Tests>]
let tests =
    testList "Scenario" [
        test "generators are the non-last outcomes of every setting" {
            // B: 1 + 2 + 1, C: 2 + 2, D: 1
            Expect.equal scenario.Generators.Length 9 "Collins–Gisin generator count"
        }

        test "words print and parse as physicists write them" {
            let w = (wordOf [ (1, 0, 1); (0, 1, 0); (0, 0, 0) ]).Value
            let text = scenario.FormatWord w
            Expect.equal text "B0|1 B0|0 C1|0" "party order, order within a party kept"
            Expect.equal (scenario.ParseWord text) (ValueSome w) "round trip"
            Expect.equal (scenario.ParseWord "B0|1B0|0C1|0") (ValueSome w) "spaces are optional"
            Expect.equal (scenario.ParseWord "1") (ValueSome Word.Identity) "identity"
            Expect.equal (scenario.ParseWord "C0|0 C1|0") ValueNone "orthogonal product is zero"
        }

        test "bad words are rejected with the position and the reason" {
            Expect.stringContains (messageOf (fun () -> scenario.ParseWord "X0|0")) "position 0: expected a party name" "unknown party"
            Expect.stringContains (messageOf (fun () -> scenario.ParseWord "B1|0")) "last one" "the last outcome is not a generator"
            Expect.stringContains (messageOf (fun () -> scenario.ParseWord "B0|7")) "settings 0..2" "setting out of range"
            Expect.stringContains (messageOf (fun () -> scenario.ParseWord "B0")) "expected '|'" "missing setting"
        }

        test "invalid scenarios are rejected with the offending party" {
            Expect.stringContains (messageOf (fun () -> Scenario([ Party.uniform "B" 2 2; Party.uniform "B" 1 2 ]))) "Two parties are named B" "duplicate names"
            Expect.stringContains (messageOf (fun () -> Scenario([ { Name = "B"; Outcomes = [||] } ]))) "Party B needs at least one setting" "no settings"
            Expect.stringContains (messageOf (fun () -> Scenario([ { Name = "B"; Outcomes = [| 2; 0 |] } ]))) "setting 1: 0 outcomes" "no outcomes"
            Expect.stringContains (messageOf (fun () -> Scenario(List.empty<Party>))) "at least one party" "no parties"
        }

        test "polynomials print with their coefficients" {
            let text = scenario.FormatPolynomial(scenario.Projector(0, 0, 1))
            Expect.equal text "1 + -1 B0|0" "B1|0 = I − B0|0"
        }
    ]
