module SteeringRng.Relaxation.Tests.DeviceIndependentGuessTests

open Expecto
open SteeringRng.Algebra
open SteeringRng.Sdp
open SteeringRng.Relaxation
open SteeringRng.Relaxation.DeviceIndependent
open SteeringRng.Relaxation.Tests.NpaBellTests

/// Pironio et al., Nature 464, 1021 (2010): one party's outcome, CHSH value S ∈ [2, 2√2]:
///   −log2 P_g = 1 − log2(1 + √(2 − S²/4)).
let analyticMinEntropy (s: float) = 1.0 - log (1.0 + sqrt (max 0.0 (2.0 - s * s / 4.0))) / log 2.0

/// No-signalling boxes: P_g = 3/2 − S/4 for S ∈ [2, 4] (a mixture of a PR box and a deterministic box is optimal).
let analyticNoSignallingGuess (s: float) = 1.5 - s / 4.0

let private chshDatum s = [| { Name = "chsh"; Expression = chsh; Value = s } |]

/// Alice's outcome of setting 0.
let private guessA0 = [| (0, 0) |]

let private solver = InteriorPointSolver()

/// The upper bound on P_g (Read.Bound: valid even when the solver stops short), or the status when unsolved.
let private bound (r: Relaxation) =
    let s = solver.Solve r.Problem
    if s.Status = SdpStatus.Optimal || s.Status = SdpStatus.NearOptimal then Ok (r.Read s).Bound else Error s.Status

let private tsirelson = 2.0 * sqrt 2.0

[<Tests>]
let tests =
    testList "Device-independent guessing" [
        // "1+AB" is the smallest level that reaches the identity: at level 1 a block with ⟨A0⟩_e = ⟨I⟩_e can still
        // carry the full CHSH value (level 1 does not make A1 commute with B0, B1), so level 1 certifies nothing.
        for level in [ "1+AB"; "2" ] do
            for s in [ 2.5; 2.7 ] do
                test $"NPA {level}: −log2 P_g of A.0 at CHSH = {s} is 1 − log2(1 + √(2 − S²/4))" {
                    let r = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, chshDatum s, GeneratingSetSpec.Terms level)
                    match bound r with
                    | Ok pg -> Expect.floatClose { absolute = 1e-6; relative = 0.0 } (-log pg / log 2.0) (analyticMinEntropy s) "H_min"
                    | Error status -> failtestf "solver: %A" status
                }

            // At S = 2√2 the data lie on the boundary of the quantum set: the feasible Γ^e have no interior (a single
            // point, self-testing), no dual optimum exists (dH/dS is infinite there) and interior-point solvers stall.
            // The stalled primal X still gives a valid upper bound on P_g (weak duality), within ~1e-5 of 1/2.
            test $"NPA {level}: at CHSH = 2√2 the stalled solve is a valid bound within 3e-5 bits of 1 (the 1e-6 target is not met)" {
                let r = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, chshDatum tsirelson, GeneratingSetSpec.Terms level)
                let pg = (r.Read(solver.Solve r.Problem)).Bound
                Expect.isGreaterThanOrEqual pg (0.5 - 1e-9) "an upper bound on P_g = 1/2"
                Expect.floatClose { absolute = 3e-5; relative = 0.0 } (-log pg / log 2.0) (analyticMinEntropy tsirelson) "H_min ≈ 1"
            }

        for s in [ 2.5; 3.0; 3.5 ] do
            test $"NS: P_g of A.0 at CHSH = {s} is 3/2 − S/4" {
                let r = Relaxations.DeviceIndependentGuessNoSignalling(chshScenario, guessA0, chshDatum s)
                match bound r with
                | Ok pg -> Expect.floatClose { absolute = 1e-6; relative = 0.0 } pg (analyticNoSignallingGuess s) "P_g"
                | Error status -> failtestf "solver: %A" status
            }

        test "a CHSH value above Tsirelson's bound is infeasible for NPA, not an exception" {
            let r = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, chshDatum 2.9, 1)
            match bound r with
            | Ok pg -> failtestf "solved with P_g = %g" pg
            | Error status -> Expect.notEqual status SdpStatus.Optimal "infeasible"
        }

        test "contradicting data are refused by name" {
            let data = [| { Name = "first"; Expression = chsh; Value = 2.5 }; { Name = "second"; Expression = chsh; Value = 2.6 } |]
            let message =
                try
                    Relaxations.DeviceIndependentGuess(chshScenario, guessA0, data, 1) |> ignore
                    ""
                with :? System.ArgumentException as e -> e.Message
            Expect.stringContains message "contradict" "says why"
        }
    ]
