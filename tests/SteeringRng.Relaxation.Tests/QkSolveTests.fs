module SteeringRng.Relaxation.Tests.QkSolveTests

open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.QkGhz

let private jointXX = { Parties = [| 0; 1 |]; Settings = [| 0; 0 |] }

/// P_g of the joint guess of Bob's and Charlie's first setting (X) for GHZ with the first `settings` of X, Y, Z.
let guessingProbability settings level mu =
    let r = QLevel.build [| "B"; "C" |] jointXX (GeneratingSetSpec.Terms level) (assemblage (ghz mu) settings)
    match solve r.Problem with
    | Ok s -> (r.Read s).Attained
    | Error reason -> skiptest reason

let private exact = { absolute = 1e-7; relative = 0.0 }

[<Tests>]
let tests =
    testList "Q_k solved" [
        test "pure GHZ (μ = 1), X, Y, Z: Eve guesses Bob's and Charlie's X outcomes with probability 1/4 at Q1 and 1+BC" {
            // docs/formulations/bound-ordering.md: joint randomness reaches 2 bits at μ = 1.
            for level in [ "1"; "1+BC" ] do
                Expect.floatClose exact (guessingProbability 3 level 1.0) 0.25 $"level {level}"
        }

        test "pure GHZ (μ = 1), X, Y, Z: P_g = 1/4 at Q2 (3475 variables)" {
            // docs/formulations/bound-ordering.md: 2 bits at every bound of the hierarchy for the pure GHZ assemblage.
            Expect.floatClose exact (guessingProbability 3 "2" 1.0) 0.25 "level 2"
        }

        test "pure GHZ (μ = 1), X, Y: P_g = 1/4 at Q2" {
            Expect.floatClose exact (guessingProbability 2 "2" 1.0) 0.25 "level 2"
        }

        test "an unsteerable assemblage (μ = 0.3 < 0.428) gives no randomness: P_g = 1" {
            // docs/formulations/bound-ordering.md: the fLHS threshold with X, Y, Z is 0.428, and an LHS model gives P_g = 1.
            Expect.floatClose { absolute = 1e-6; relative = 0.0 } (guessingProbability 3 "1" 0.3) 1.0 "Q1"
        }

        test "the hierarchy tightens: P_g(1+BC) ≤ P_g(Q1) at μ = 0.8" {
            let q1 = guessingProbability 2 "1" 0.8
            let q1bc = guessingProbability 2 "1+BC" 0.8
            Expect.isLessThanOrEqual q1bc (q1 + 1e-7) "1+BC is at least as tight"
            Expect.isTrue (q1 > 0.25 && q1 < 1.0) "some but not full randomness"
        }
    
        test "CSDP agrees: P_g(Q1) = 1/4 for pure GHZ with X, Y, Z (Hermitian blocks through the real embedding)" {
            let r = QLevel.build [| "B"; "C" |] jointXX (GeneratingSetSpec.Level 1) (assemblage (ghz 1.0) 3)
            match solveWithCsdp r.Problem with
            | Ok s -> Expect.floatClose exact (r.Read s).Attained 0.25 "Q1"
            | Error reason -> skiptest reason
        }
    
        test "joint randomness appears exactly above μ = 0.5 (paper: H > 0 for μ > 0.5)" {
            Expect.floatClose { absolute = 1e-6; relative = 0.0 } (guessingProbability 3 "1" 0.5) 1.0 "μ = 0.5: none"
            Expect.isLessThan (guessingProbability 3 "1" 0.52) 0.99 "μ = 0.52: some"
        }

        test "Bob-only randomness: 1 bit at μ = 1, none at μ = 0.69, some at μ = 0.71 (paper: H > 0 for μ > 0.70)" {
            let bobOnly mu =
                let r = QLevel.build [| "B"; "C" |] { Parties = [| 0 |]; Settings = [| 0 |] } (GeneratingSetSpec.Level 1) (assemblage (ghz mu) 3)
                match solve r.Problem with
                | Ok s -> (r.Read s).Attained
                | Error reason -> skiptest reason
            Expect.floatClose exact (bobOnly 1.0) 0.5 "μ = 1"
            Expect.floatClose { absolute = 1e-6; relative = 0.0 } (bobOnly 0.69) 1.0 "μ = 0.69"
            Expect.isLessThan (bobOnly 0.71) 0.995 "μ = 0.71"
        }
    ]
