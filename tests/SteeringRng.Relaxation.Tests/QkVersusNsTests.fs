module SteeringRng.Relaxation.Tests.QkVersusNsTests

open System
open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.QkGhz

/// A random full-rank 3-qubit state G G† / Tr(G G†) with Gaussian-like entries from a seeded generator.
let private randomState (rng: Random) =
    let g = Array2D.init 8 8 (fun _ _ -> Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))
    let rho = matmul g (dagger g)
    let tr = Seq.sum (seq { for i in 0..7 -> rho[i, i].Real })
    rho |> Array2D.map (fun z -> z / Complex(tr, 0.0))

let private mix (p: float) (a: Complex[,]) (b: Complex[,]) =
    Array2D.init 8 8 (fun i j -> Complex(p, 0.0) * a[i, j] + Complex(1.0 - p, 0.0) * b[i, j])

[<Tests>]
let tests =
    testList "Q_k versus NS" [
        test "Q1 is at least as tight as NS on random quantum assemblages (joint and Bob-only guesses)" {
            // docs/formulations/npa-levels.md: every Q_k must satisfy P_g^{Qk} ≤ P_g^NS (H^NS ≤ H^{Q1}).
            let rng = Random 2024
            let values = ResizeArray()
            for trial in 1..3 do
                let rho = mix 0.85 (ghz 1.0) (randomState rng)
                let a = assemblage rho 2
                for parties, settings in [ [| 0; 1 |], [| 0; 0 |]; [| 0 |], [| 0 |] ] do
                    let q = QLevel.build [| "B"; "C" |] ({ Parties = parties; Settings = settings }: GuessSpec) (GeneratingSetSpec.Level 1) a
                    let qValue =
                        match solve q.Problem with
                        | Ok s -> (q.Read s).Bound
                        | Error reason -> skiptest reason
                    let ns = Relaxations.NoSignallingProgram(a, parties, settings)
                    let nsValue =
                        match solve ns.Problem with
                        | Ok s -> (ns.Read s).Bound
                        | Error reason -> skiptest reason
                    Expect.isLessThanOrEqual qValue (nsValue + 1e-6) $"trial {trial}, guess {parties}: Q1 {qValue} vs NS {nsValue}"
                    values.Add qValue
            // The data must certify some randomness, or the comparison would be trivially 1 ≤ 1.
            Expect.isLessThan (Seq.min values) 0.95 "some trials are far from P_g = 1"
        }
    ]
