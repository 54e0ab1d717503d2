module SteeringRng.Algebra.Tests.PartyTests

open Expecto
open SteeringRng.Algebra

[<Tests>]
let tests =
    testList "Party" [
        test "a party keeps its outcome counts" {
            let p = { Name = "B"; Outcomes = [| 2; 3 |] }
            Expect.equal p.Outcomes.Length 2 "two settings"
        }
    ]
