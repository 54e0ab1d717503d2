/// The no-signalling bound P_g^NS against the paper's GHZ thresholds and exact values (needs a solver).
module SteeringRng.Relaxation.Tests.Steering.NsBoundTests

open System
open System.Collections.Generic
open Expecto
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private joint mu = Relaxations.NoSignallingProgram(ghz xyz mu, [| 0; 1 |], [| 0; 0 |])
let private bobOnly mu = Relaxations.NoSignallingProgram(ghz xyz mu, [| 0 |], [| 0 |])
let private charlieOnly mu = Relaxations.NoSignallingProgram(ghz xyz mu, [| 1 |], [| 0 |])
let private evaluate (r: GuessingRelaxation) = r.Read(solve r.Problem)

[<Tests>]
let tests =
    testList "NS guessing probability" [
        // PRL 132, 080201 (2024), Fig. 2(a): 2 bits at μ = 1 for y* = z* = X.
        testCase "GHZ μ = 1, joint guess of X, X: P_g = 1/4 (facially reduced)" <| fun () ->
            let e = evaluate (joint 1.0)
            expectClose 1e-7 0.25 e.Bound "P_g (dual side)"
            expectClose 1e-7 0.25 e.Attained "P_g (explicit attack)"

        // Fig. 2(a): joint randomness exactly for μ > 0.5.
        testCase "GHZ joint: H = 0 at μ = 0.49 and 0.50, H > 0 at μ = 0.51" <| fun () ->
            let r = joint 0.49
            expectClose 1e-6 1.0 (evaluate r).Bound "P_g at 0.49"
            expectClose 1e-6 1.0 (evaluate (r.WithData(ghz xyz 0.50))).Bound "P_g at 0.50"
            let above = evaluate (r.WithData(ghz xyz 0.51))
            Expect.isGreaterThan (minEntropy above.Bound) 1e-3 "H at 0.51"

        // Fig. 2(b): Bob-only randomness for μ > 0.70, none for μ ≤ 0.69.
        testCase "GHZ Bob only: H = 0 at μ = 0.69, H > 0 at μ = 0.71" <| fun () ->
            let r = bobOnly 0.69
            expectClose 1e-6 1.0 (evaluate r).Bound "P_g at 0.69"
            Expect.isGreaterThan (minEntropy (evaluate (r.WithData(ghz xyz 0.71))).Bound) 1e-3 "H at 0.71"

        testCase "GHZ is symmetric in Bob and Charlie: equal single-party P_g" <| fun () ->
            expectClose 1e-6 (evaluate (bobOnly 0.8)).Bound (evaluate (charlieOnly 0.8)).Bound "P_g Bob vs Charlie"

        // A pure tripartite state leaves Eve uncorrelated: P_g = max_b p(b|X) = 1/2 for Bob alone.
        testCase "GHZ μ = 1, Bob only: P_g = 1/2" <| fun () ->
            expectClose 1e-7 0.5 (evaluate (bobOnly 1.0)).Bound "P_g"

        // Bipartite, k = 1, qutrits: maximally entangled state, computational and Fourier bases: P_g = 1/3.
        testCase "Maximally entangled qutrits with two MUBs: P_g = 1/3" <| fun () ->
            let bases: Povm[] = [| Measurements.MutuallyUnbiased(3, 0); Measurements.MutuallyUnbiased(3, 1) |]
            let sigma = AssemblageBuilder.Build(States.NoisyGhz(2, 3, 1.0), [| 0 |], [| bases :> IReadOnlyList<Povm> |])
            let r = Relaxations.NoSignallingProgram(sigma, [| 0 |], [| 0 |])
            expectClose 1e-7 (1.0 / 3.0) (evaluate r).Bound "P_g"

        // Qudits, k = 2: 3-qutrit GHZ, computational and Fourier bases, joint guess of both Fourier outcomes.
        // ρ_BC = Σ_i |ii⟩⟨ii|/3 makes the 9 outcomes uniform, and a pure state leaves Eve uncorrelated: 1/9.
        testCase "3-qutrit GHZ μ = 1, Fourier bases: P_g = 1/9" <| fun () ->
            let bases: Povm[] = [| Measurements.MutuallyUnbiased(3, 0); Measurements.MutuallyUnbiased(3, 1) |]
            let sigma = AssemblageBuilder.Build(States.NoisyGhz(3, 3, 1.0), [| 0 |], [| bases :> IReadOnlyList<Povm>; bases |])
            let r = Relaxations.NoSignallingProgram(sigma, [| 0; 1 |], [| 1; 1 |])
            expectClose 1e-7 (1.0 / 9.0) (evaluate r).Bound "P_g"

        // k = 3 untrusted parties: 4-qubit GHZ, X and Y each, joint guess of X, X, X: P_g = 1/8 (3 bits).
        testCase "4-qubit GHZ μ = 1, three untrusted parties: P_g = 1/8" <| fun () ->
            let sigma = AssemblageBuilder.Build(States.NoisyGhz(4, 2, 1.0), [| 0 |], [| xy :> IReadOnlyList<Povm>; xy; xy |])
            let r = Relaxations.NoSignallingProgram(sigma, [| 0; 1; 2 |], [| 0; 0; 0 |])
            expectClose 1e-7 0.125 (evaluate r).Bound "P_g"

        // With Alice decoupled the data is a box p(bc|yz); the NS bound on guessing one outcome of a box with
        // CHSH value S is 3/2 − S/4 (Masanes, Acín, Gisin, PRA 73, 012112 (2006)), reached at S = 2√2.
        testCase "Tsirelson box with a decoupled trusted qubit: P_g(Bob) = 3/2 − √2/2" <| fun () ->
            let r = Relaxations.NoSignallingProgram(aliceDecoupled tsirelsonBob tsirelsonCharlie, [| 0 |], [| 0 |])
            Expect.isTrue r.FaciallyReduced "ρ_A = |0⟩⟨0| is rank 1"
            expectClose 1e-7 (1.5 - sqrt 2.0 / 2.0) (evaluate r).Bound "P_g"

        testCase "Random LHS assemblages give P_g = 1 for joint and single guesses" <| fun () ->
            let rng = Random 11
            for trial in 1 .. 3 do
                let sigma = randomLhsAssemblage rng 2 [| 3; 2 |] [| 2; 3 |]
                for parties, settings in [ [| 0; 1 |], [| 2; 1 |]; [| 0 |], [| 1 |]; [| 1 |], [| 0 |] ] do
                    let r = Relaxations.NoSignallingProgram(sigma, parties, settings)
                    expectClose 1e-6 1.0 (evaluate r).Bound (sprintf "trial %d, guess %A" trial parties)

        testCase "Explicit attack reproduces the data: Σ_γ σ^γ = σ^obs and every block is PSD" <| fun () ->
            let sigma = ghz xyz 0.8
            let r = Relaxations.NoSignallingProgram(sigma, [| 0; 1 |], [| 0; 0 |])
            let solution = solve r.Problem
            let subs = r.SubAssemblages solution
            let tuples = [| for x in sigma.SettingTuples() do for a in sigma.OutcomeTuples() -> a, x |]
            tuples |> Array.iteri (fun t (a, x) ->
                let observed = MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseOfArray(sigma[a, x])
                let total = subs |> Array.map (fun s -> MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseOfArray(s[t])) |> Array.reduce (+)
                expectClose 1e-9 0.0 ((total - observed).FrobeniusNorm()) (sprintf "sum at a=%A x=%A" a x)
                for s in subs do
                    let m = MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>.Build.DenseOfArray(s[t])
                    Expect.isGreaterThan (OperatorChecks.MinEigenvalue m) -1e-7 "sub-assemblage block is PSD")
    ]
