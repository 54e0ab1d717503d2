/// Measured data instead of the full assemblage (docs/formulations/measured-probabilities.md): trusted-node
/// probabilities p(a, b, c | x, y, z) and one steering-functional value, against the assemblage path and analytic values.
module SteeringRng.Relaxation.Tests.Steering.MeasuredDataTests

open System
open System.Numerics
open Expecto
open SteeringRng.Quantum
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private elements (p: Povm) = [| for k in 0 .. p.OutcomeCount - 1 -> p.Element(k).ToArray() |]
let private trusted (povms: Povm[]) = povms |> Array.map elements

let private probabilitiesOf (alice: Povm[]) =
    MeasuredDataForm.Probabilities(2, [| 3; 3 |], [| 2; 2 |], trusted alice)

/// The joint guess of Bob.X and Charlie.X, and Bob.X alone.
let private joint = [| 0; 1 |], [| 0; 0 |]
let private bobOnly = [| 0 |], [| 0 |]

let private ns (parties, settings) = Func<Assemblage, bool, IRelaxation>(fun a sym -> Relaxations.NoSignalling(a, parties, settings, sym))
let private q level (parties, settings) =
    Func<Assemblage, bool, IRelaxation>(fun a sym -> Relaxations.QLevel(a, parties, settings, GeneratingSetSpec.Level level, sym) :> IRelaxation)
let private glo = Func<Assemblage, bool, IRelaxation>(fun a _ -> Relaxations.Global(a, [| 0; 0 |]) :> IRelaxation)

let private value (r: IRelaxation) = (r.Read(solve r.Problem)).Bound

let private measured form data build lift = value (Relaxations.MeasuredData(form, data, build, lift, 1e-7))

[<Tests>]
let tests =
    testList "Measured data" [
        // Complete tomography (X, Y, Z span the qubit's Hermitian matrices): ker Λ = {0}, so the lifted relaxation is
        // the assemblage relaxation with σ^obs entering through the finite-difference constants; the values must agree.
        testCase "Alice X, Y, Z: lifted probabilities = assemblage path (NS, Q1, Q2, Glo) at μ = 0.8" <| fun () ->
            let sigma = ghz xyz 0.8
            let form = probabilitiesOf xyz
            Expect.equal form.UnobservedDirections 0 "X, Y, Z are tomographically complete"
            for name, build in [ "NS", ns joint; "Q1", q 1 joint; "Q2", q 2 joint; "Glo", glo; "NS Bob", ns bobOnly ] do
                let direct = value (build.Invoke(sigma, true))
                let lifted = measured form sigma build true
                let reconstructed = measured form sigma build false
                expectClose 1e-7 direct lifted $"{name} lifted"
                expectClose 1e-7 direct reconstructed $"{name} reconstructed"

        // GHZ at μ = 1 with complete tomography: P_g^NS = 1/4 (two bits), through the reconstruction (rank-deficient data
        // need facial reduction, which the reconstructed path keeps).
        testCase "Alice X, Y, Z at μ = 1: P_g^NS = 1/4" <| fun () ->
            expectClose 1e-6 0.25 (measured (probabilitiesOf xyz) (ghz xyz 1.0) (ns joint) false) "P_g^NS"

        // Alice measuring Z only: conditioned on her outcome a, Bob and Charlie hold |aa⟩, so the data have a local
        // deterministic model consistent with her statistics (hidden state |a⟩⟨a|): Eve knows everything, P_g = 1.
        testCase "Alice Z only: P_g = 1 at NS and Q1 (the data have an LHS model)" <| fun () ->
            let form = probabilitiesOf [| Measurements.PauliZ |]
            Expect.equal form.UnobservedDirections (16 * 2) "Z leaves X and Y of every assemblage-word moment open"
            for mu in [ 0.7; 0.95 ] do
                expectClose 1e-6 1.0 (measured form (ghz xyz mu) (ns joint) false) $"NS μ = {mu}"
                expectClose 1e-6 1.0 (measured form (ghz xyz mu) (q 1 joint) false) $"Q1 μ = {mu}"

        // Less data cannot certify more: P_g(X, Z) ≥ P_g(X, Y, Z) at every bound, and the relaxations stay ordered.
        testCase "Alice X, Z: weaker than X, Y, Z; NS ≥ Q1 ≥ Q2 on P_g" <| fun () ->
            let sigma = ghz xyz 0.85
            let xz = probabilitiesOf [| Measurements.PauliX; Measurements.PauliZ |]
            let full = probabilitiesOf xyz
            let at form build = measured form sigma build false
            let nsXz, q1Xz, q2Xz = at xz (ns joint), at xz (q 1 joint), at xz (q 2 joint)
            Expect.isGreaterThanOrEqual nsXz (q1Xz - 1e-7) "NS ≥ Q1"
            Expect.isGreaterThanOrEqual q1Xz (q2Xz - 1e-7) "Q1 ≥ Q2"
            Expect.isGreaterThanOrEqual q2Xz (at full (q 2 joint) - 1e-7) "X, Z ≥ X, Y, Z at Q2"
            Expect.isGreaterThanOrEqual nsXz (at full (ns joint) - 1e-7) "X, Z ≥ X, Y, Z at NS"
            Expect.isLessThanOrEqual nsXz 1.0 "P_g ≤ 1"

        // Signalling data (Bob's marginal depends on Charlie's setting): no no-signalling assemblage has them; refused
        // with the worst row named.
        testCase "signalling probabilities are refused, naming a row" <| fun () ->
            let form = probabilitiesOf xyz
            let v = form.Observe(ghz xyz 0.8)
            v[0] <- v[0] + 0.01
            let e =
                try form.AssemblageOf(v, 1e-7) |> ignore; failtest "accepted signalling data"
                with :? ArgumentException as e -> e
            Expect.stringContains e.Message "p(a=" "names the row"
            Expect.stringContains e.Message "repair = nearest" "names the repair"

        // A single functional value: F = the white-noise-free GHZ correlator part. With "≥ β" the feasible set only grows
        // with less data, so P_g(β) ≥ P_g(full data); and β below the LHS bound certifies nothing (P_g = 1).
        testCase "one functional value: P_g ≥ full-data P_g; trivial functional gives P_g = 1" <| fun () ->
            let sigma = ghz xyz 0.9
            let tuples = WordCoordinates(2, [| 3; 3 |], [| 2; 2 |]).Tuples
            // F_{bc|yz} = σ^GHZ_{bc|yz} (the pure assemblage itself): Σ Tr[F σ] is an overlap, maximal at μ = 1.
            let ghzPure = ghz xyz 1.0
            let f = tuples |> Array.map (fun (b, y) -> ghzPure[b, y])
            let form = MeasuredDataForm.Functional(2, [| 3; 3 |], [| 2; 2 |], f, true)
            let one = measured form sigma (ns joint) false
            let full = value ((ns joint).Invoke(sigma, false))
            Expect.isGreaterThanOrEqual one (full - 1e-7) "one value certifies at most what the full data do"
            Expect.isLessThan one 0.999 "the GHZ overlap at μ = 0.9 still certifies randomness"
            let zero = MeasuredDataForm.Functional(2, [| 3; 3 |], [| 2; 2 |], tuples |> Array.map (fun _ -> Array2D.zeroCreate 2 2), true)
            expectClose 1e-6 1.0 (measured zero sigma (ns joint) false) "F = 0 says nothing"
    ]
