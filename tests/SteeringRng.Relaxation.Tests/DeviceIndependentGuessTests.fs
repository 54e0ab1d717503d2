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

/// Full statistics as data: every Collins–Gisin probability p_A(0|x), p_B(0|y), p(00|xy) of p(ab|xy) = prob a b x y.
let private fullStatistics (prob: int -> int -> int -> int -> float) =
    let word text = Polynomial.OfWord((chshScenario.ParseWord text).Value)
    [| for x in 0 .. 1 do
           yield { Name = $"pA(0|{x})"; Expression = word $"A0|{x}"; Value = prob 0 0 x 0 + prob 0 1 x 0 }
       for y in 0 .. 1 do
           yield { Name = $"pB(0|{y})"; Expression = word $"B0|{y}"; Value = prob 0 0 0 y + prob 1 0 0 y }
       for x in 0 .. 1 do
           for y in 0 .. 1 do
               yield { Name = $"p(00|{x}{y})"; Expression = word $"A0|{x} B0|{y}"; Value = prob 0 0 x y } |]

[<Tests>]
let tests =
    testList "Device-independent guessing" [
        // "1+AB" is the smallest level that reaches the identity: at level 1 a block with ⟨A0⟩_e = ⟨I⟩_e can still
        // carry the full CHSH value (level 1 does not make A1 commute with B0, B1), so level 1 certifies nothing.
        // At S = 2√2 the data lie on the boundary of the quantum set (self-testing: one feasible point, no interior);
        // BoundaryFace restricts every Γ^e to the face exposed by the CHSH maximisation's dual, without which every
        // interior-point solver stalls about 1e-5 bits short.
        for level in [ "1+AB"; "2" ] do
            for s in [ 2.5; 2.7; tsirelson ] do
                test $"NPA {level}: −log2 P_g of A.0 at CHSH = {s:F6} is 1 − log2(1 + √(2 − S²/4))" {
                    let r = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, chshDatum s, GeneratingSetSpec.Terms level)
                    match bound r with
                    | Ok pg -> Expect.floatClose { absolute = 1e-6; relative = 0.0 } (-log pg / log 2.0) (analyticMinEntropy s) "H_min"
                    | Error status -> failtestf "solver: %A" status
                }

            // The face is exact only at the maximum: 1e-9 below it, −log2 P_g is already 5.4e-5 bits below 1 (the curve
            // has infinite slope there), so treating such a value as on the boundary would overstate the randomness.
            test $"NPA {level}: a CHSH value 1e-9 below 2√2 is not put on the boundary face" {
                let s = tsirelson - 1e-9
                let r = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, chshDatum s, GeneratingSetSpec.Terms level)
                Expect.equal r.Reduction "" "no face"
                match bound r with
                | Ok pg -> Expect.isLessThanOrEqual (-log pg / log 2.0) (analyticMinEntropy s + 1e-6) "H_min not overstated"
                | Error status -> failtestf "solver: %A" status
            }

        for s in [ 2.5; 3.0; 3.5 ] do
            test $"NS: P_g of A.0 at CHSH = {s} is 3/2 − S/4" {
                let r = Relaxations.DeviceIndependentGuessNoSignalling(chshScenario, guessA0, chshDatum s)
                match bound r with
                | Ok pg -> Expect.floatClose { absolute = 1e-6; relative = 0.0 } pg (analyticNoSignallingGuess s) "P_g"
                | Error status -> failtestf "solver: %A" status
            }

        test "full statistics of a deterministic box leave Eve certain: P_g = 1 (NS)" {
            let deterministic a b _ _ = if a = 0 && b = 0 then 1.0 else 0.0
            let r = Relaxations.DeviceIndependentGuessNoSignalling(chshScenario, guessA0, fullStatistics deterministic)
            match bound r with
            | Ok pg -> Expect.floatClose { absolute = 1e-6; relative = 0.0 } pg 1.0 "P_g"
            | Error status -> failtestf "solver: %A" status
        }

        test "full statistics constrain Eve at least as much as their CHSH value alone (npa 1+AB)" {
            // Tsirelson's correlations with visibility v: p(ab|xy) = (1 + (−1)^(a+b+xy) v/√2)/4, CHSH = 2√2 v.
            let v = 0.9
            let isotropic a b x y = (1.0 + float (if (a + b + x * y) % 2 = 0 then 1 else -1) * v / sqrt 2.0) / 4.0
            let full = Relaxations.DeviceIndependentGuess(chshScenario, guessA0, fullStatistics isotropic, GeneratingSetSpec.Terms "1+AB")
            let s = tsirelson * v
            match bound full with
            | Ok pg ->
                Expect.isLessThanOrEqual pg (2.0 ** -(analyticMinEntropy s) + 1e-7) "no more than with the CHSH value"
                Expect.isGreaterThanOrEqual pg 0.5 "Eve guesses a bit at least half the time"
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
