/// The symmetry-reduced fully-LHS problem (one block per orbit of strategies) against the full problem.
module SteeringRng.Relaxation.Tests.Steering.LhsSymmetryTests

open System
open System.Collections.Generic
open System.Numerics
open Expecto
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private build (target: Assemblage) (noise: Assemblage) (symmetry: bool) =
    Relaxations.CriticalVisibility(target, noise, 2.0, RelaxationOptions.Default, symmetry)

let private measured (state: DensityMatrix) (settings: Povm[]) =
    AssemblageBuilder.Build(state, [| 0 |], [| settings :> IReadOnlyList<Povm>; settings |])

/// μ* of the reduced and of the full problem; the reduced one must really be reduced (fewer blocks).
let private compare (target: Assemblage) (noise: Assemblage) =
    let reduced = build target noise true
    let full = build target noise false
    Expect.isTrue reduced.SymmetryReduced "the data have a symmetry that merges strategies"
    Expect.isFalse full.SymmetryReduced "symmetry = false builds the full problem"
    Expect.isLessThan reduced.StrategyBlocks reduced.Strategies.Count "fewer blocks (strategy orbits) than strategies"
    Expect.equal full.StrategyBlocks full.Strategies.Count "one block per strategy"
    let muReduced = (reduced.Read(solve reduced.Problem)).Bound
    let muFull = (full.Read(solve full.Problem)).Bound
    expectClose 1e-7 muFull muReduced "reduced μ* against the full μ*"
    muReduced

let private qutritGhz (mu: float) =
    measured (States.NoisyGhz(3, 3, mu)) [| Measurements.MutuallyUnbiased(3, 1); Measurements.MutuallyUnbiased(3, 0) |]

let private w (settings: Povm[]) =
    measured (States.WLike(Complex.One, Complex.One, Complex.One).State) settings

let private whiteNoise (settings: Povm[]) =
    measured (States.WithWhiteNoise(Matrix<Complex>.Build.DenseIdentity 8, [| 2; 2; 2 |], 0.0)) settings

[<Tests>]
let tests =
    testList "LHS symmetry reduction" [
        testCase "Noisy GHZ with {X, Y}: reduced μ* = full μ* = 1/2" <| fun () ->
            expectClose 1e-6 0.5 (compare (ghz xy 1.0) (ghz xy 0.0)) "μ*"

        testCase "Noisy GHZ with {X, Y, Z}: reduced μ* = full μ* = 3/7" <| fun () ->
            expectClose 1e-6 (3.0 / 7.0) (compare (ghz xyz 1.0) (ghz xyz 0.0)) "μ*"

        testCase "Qutrit GHZ with two mutually unbiased bases: reduced μ* = full μ*" <| fun () ->
            compare (qutritGhz 1.0) (qutritGhz 0.0) |> ignore

        testCase "W state with {X, Z}: reduced μ* = full μ*" <| fun () ->
            let settings = [| Measurements.PauliX; Measurements.PauliZ |]
            compare (w settings) (whiteNoise settings) |> ignore

        // White noise has a nontrivial commutant (U is not fixed by π); it is reduced by the outcome shifts with U = I.
        // Against itself every μ is LHS: μ* = cap = 2.
        testCase "White noise (degenerate data): reduced by the outcome shifts, μ* = cap" <| fun () ->
            expectClose 1e-6 2.0 (compare (ghz xyz 0.0) (ghz xyz 0.0)) "μ*"

        // A sweep from white noise: the shift group of the first point does not hold at the next one, whose full group
        // is searched, then checked (not searched) at the one after. σ(1/2) reaches σ(3/7) at μ = 6/7.
        testCase "WithData along a sweep finds the group once the data have one and keeps the optimum" <| fun () ->
            let noise = ghz xyz 0.0
            let first = build noise noise true
            let second = first.WithData(ghz xyz 1.0, noise)
            Expect.isTrue second.SymmetryReduced "GHZ: reduced"
            expectClose 1e-6 (3.0 / 7.0) (second.Read(solve second.Problem)).Bound "μ* of σ(1)"
            let third = second.WithData(ghz xyz 0.5, noise)
            Expect.isTrue third.SymmetryReduced "the group found before still holds"
            expectClose 1e-6 (6.0 / 7.0) (third.Read(solve third.Problem)).Bound "μ* of σ(1/2)"

        testCase "Data without a symmetry take the unreduced path" <| fun () ->
            let rng = Random 11
            let target = randomLhsAssemblage rng 2 [| 2; 2 |] [| 2; 2 |]
            let noise = randomLhsAssemblage rng 2 [| 2; 2 |] [| 2; 2 |]
            let reduced = build target noise true
            let full = build target noise false
            Expect.isFalse reduced.SymmetryReduced "no symmetry: no reduction"
            Expect.equal reduced.Problem.ConstraintCount full.Problem.ConstraintCount "the same rows"
            Expect.equal reduced.StrategyBlocks reduced.Strategies.Count "one block per strategy"

        testCase "Hidden states lifted from the orbits form an LHS model of σ(μ*)" <| fun () ->
            let target, noise = ghz xyz 1.0, ghz xyz 0.0
            let v = build target noise true
            let solution = solve v.Problem
            let mu = (v.Read solution).Attained
            let states = v.HiddenStates solution |> Array.map (fun s -> Matrix<Complex>.Build.DenseOfArray s)
            Expect.equal states.Length v.Strategies.Count "one hidden state per strategy"
            for s in states do
                let smallest = s.Evd().EigenValues |> Seq.map (fun z -> z.Real) |> Seq.min
                Expect.isGreaterThanOrEqual smallest -1e-6 "hidden states are PSD"
            let expected = ghz xyz mu
            for x in expected.SettingTuples() do
                for a in expected.OutcomeTuples() do
                    let mutable model = Matrix<Complex>.Build.Dense(2, 2)
                    v.Strategies |> Seq.iteri (fun l lam -> if lam[0][x[0]] = a[0] && lam[1][x[1]] = a[1] then model <- model + states[l])
                    let gap = (model - Matrix<Complex>.Build.DenseOfArray(expected[a, x])).FrobeniusNorm()
                    Expect.isLessThan gap 1e-6 (sprintf "Σ_λ D_λ(a|x) τ_λ = σ(μ*)_{a|x} at a = %A, x = %A" a x)

        testCase "The reduced dual functional is ≥ 0 on every deterministic LHS assemblage" <| fun () ->
            let v = build (ghz xyz 1.0) (ghz xyz 0.0) true
            let solution = solve v.Problem
            let f = v.SteeringFunctional solution |> Array.map (fun m -> Matrix<Complex>.Build.DenseOfArray m)
            let tuples = [| for x in (ghz xyz 0.0).SettingTuples() do for a in (ghz xyz 0.0).OutcomeTuples() -> Array.copy a, Array.copy x |]
            // β ≥ 0 on all LHS assemblages ⇔ Σ_{a,x} D_λ(a|x) F_{a|x} ⪰ 0 for every strategy λ.
            for lam in v.Strategies do
                let mutable sum = Matrix<Complex>.Build.Dense(2, 2)
                tuples |> Array.iteri (fun t (a, x) -> if lam[0][x[0]] = a[0] && lam[1][x[1]] = a[1] then sum <- sum + f[t])
                let smallest = sum.Evd().EigenValues |> Seq.map (fun z -> z.Real) |> Seq.min
                Expect.isGreaterThanOrEqual smallest -1e-6 (sprintf "Σ D_λ F ⪰ 0 for λ = %A" lam)
    ]
