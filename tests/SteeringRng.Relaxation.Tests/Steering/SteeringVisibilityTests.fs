/// Fully-LHS models, critical visibilities and the two-setting theorem (needs a solver).
module SteeringRng.Relaxation.Tests.Steering.SteeringVisibilityTests

open System
open System.Collections.Generic
open Expecto
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private visibility (settings: Povm[]) =
    let v = Relaxations.CriticalVisibility(ghz settings 1.0, ghz settings 0.0)
    let solution = solve v.Problem
    v, solution, v.Read solution

[<Tests>]
let tests =
    testList "Steering" [
        // PRL 132, 080201, Fig. 3: fLHS thresholds 0.5 with {X, Y}; 0.428 (= 3/7) with {X, Y, Z}.
        testCase "GHZ critical visibility with {X, Y} is 1/2" <| fun () ->
            let _, _, e = visibility xy
            expectClose 1e-6 0.5 e.Bound "μ* (dual)"
            expectClose 1e-6 0.5 e.Attained "μ* (LHS model)"

        testCase "GHZ critical visibility with {X, Y, Z} is 3/7" <| fun () ->
            let _, _, e = visibility xyz
            expectClose 1e-6 (3.0 / 7.0) e.Bound "μ* (dual)"
            expectClose 1e-6 (3.0 / 7.0) e.Attained "μ* (LHS model)"

        // Against noise σ(0.2) the family reaches σ(3/7) at μ + 0.2 (1 − μ) = 3/7, i.e. μ* = 2/7.
        testCase "Swapping the noise end of the family: μ* = 2/7 against σ(0.2)" <| fun () ->
            let v = Relaxations.CriticalVisibility(ghz xyz 1.0, ghz xyz 0.0)
            let swapped = v.WithData(ghz xyz 1.0, ghz xyz 0.2)
            expectClose 1e-6 (2.0 / 7.0) (swapped.Read(solve swapped.Problem)).Bound "μ*"

        testCase "The dual steering functional is ≥ 0 on LHS assemblages and certifies σ(μ) above μ*" <| fun () ->
            let v, solution, e = visibility xyz
            let beta (s: Assemblage) = v.EvaluateFunctional(solution, s)
            Expect.isGreaterThanOrEqual (beta (ghz xyz 0.0)) -1e-7 "β(white noise)"
            expectClose 1e-6 0.0 (beta (ghz xyz e.Bound)) "β(σ(μ*))"
            Expect.isLessThanOrEqual (beta (ghz xyz 0.6)) (e.Bound - 0.6 + 1e-6) "β(σ(0.6)) ≤ μ* − 0.6"
            let rng = Random 3
            for _ in 1 .. 5 do
                Expect.isGreaterThanOrEqual (beta (randomLhsAssemblage rng 2 [| 3; 3 |] [| 2; 2 |])) -1e-7 "β(random LHS)"

        testCase "LHS feasibility: μ* = (3/7)/μ for the noisy GHZ with {X, Y, Z}" <| fun () ->
            for mu in [ 0.3; 0.6 ] do
                let f = Relaxations.LhsFeasibility(ghz xyz mu)
                expectClose 1e-6 ((3.0 / 7.0) / mu) (f.Read(solve f.Problem)).Bound (sprintf "μ = %g" mu)

        // A decoupled trusted qubit: LHS ⟺ the box is local; the Tsirelson box mixed with uniform noise is
        // local exactly up to CHSH 2 = 2√2 μ, i.e. μ* = 1/√2 (and the rank-1 ρ_A exercises the reduction).
        testCase "Tsirelson box with a decoupled trusted qubit: μ* = 1/√2" <| fun () ->
            let f = Relaxations.LhsFeasibility(aliceDecoupled tsirelsonBob tsirelsonCharlie)
            expectClose 1e-6 (1.0 / sqrt 2.0) (f.Read(solve f.Problem)).Bound "μ*"

        testCase "Random LHS assemblages are LHS-feasible" <| fun () ->
            let rng = Random 17
            for _ in 1 .. 3 do
                let f = Relaxations.LhsFeasibility(randomLhsAssemblage rng 2 [| 2; 3 |] [| 3; 2 |])
                Expect.isGreaterThanOrEqual (f.Read(solve f.Problem)).Bound (1.0 - 1e-6) "μ*"

        // PRL 132, 080201, main result: with two settings per untrusted party, P_g^NS = 1 ⟺ LHS.
        testCase "Two settings: P_g^NS = 1 exactly when the assemblage is LHS (random states and measurements)" <| fun () ->
            let rng = Random 42
            let mutable lhs, steerable = 0, 0
            for trial in 1 .. 8 do
                let amplitudes = Array.init 8 (fun _ -> Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))
                let ket = States.FromKet(amplitudes, [| 2; 2; 2 |]).State
                let rho = States.WithWhiteNoise(ket.Matrix, [| 2; 2; 2 |], 0.3 + 0.7 * rng.NextDouble())
                let pair () : IReadOnlyList<Povm> = [| randomQubitMeasurement rng; randomQubitMeasurement rng |]
                let sigma = AssemblageBuilder.Build(rho, [| 0 |], [| pair (); pair () |])
                let ns = Relaxations.NoSignallingProgram(sigma, [| 0; 1 |], [| 0; 0 |])
                let pg = (ns.Read(solve ns.Problem)).Bound
                let f = Relaxations.LhsFeasibility sigma
                let mu = (f.Read(solve f.Problem)).Bound
                let isLhs = mu >= 1.0 - 1e-6
                if isLhs then lhs <- lhs + 1 else steerable <- steerable + 1
                Expect.equal (pg >= 1.0 - 1e-6) isLhs (sprintf "trial %d: P_g = %.9f, μ* = %.9f" trial pg mu)
            Expect.isGreaterThanOrEqual lhs 2 "some trials are LHS"
            Expect.isGreaterThanOrEqual steerable 2 "some trials are steerable"

        // Fig. 3: with three settings steering no longer implies randomness (0.428 < μ ≤ 0.5).
        testCase "Three settings: GHZ at μ = 0.45 is steerable yet P_g^NS = 1" <| fun () ->
            let f = Relaxations.LhsFeasibility(ghz xyz 0.45)
            Expect.isLessThan (f.Read(solve f.Problem)).Bound 0.99 "steerable"
            let ns = Relaxations.NoSignallingProgram(ghz xyz 0.45, [| 0; 1 |], [| 0; 0 |])
            expectClose 1e-6 1.0 (ns.Read(solve ns.Problem)).Bound "P_g"
    ]
