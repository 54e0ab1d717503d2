/// The global-measurement bound H^Glo (bipartition trusted | all untrusted) against H^NS (needs a solver).
module SteeringRng.Relaxation.Tests.Steering.GlobalBoundTests

open Expecto
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

[<Tests>]
let tests =
    testList "Global bound" [
        // Fig. 2(a): H^Glo lies below H^NS (global measurements give Eve more freedom).
        testCase "GHZ: H^Glo ≤ H^NS at μ = 0.6, 0.75, 0.9, 1" <| fun () ->
            for mu in [ 0.6; 0.75; 0.9; 1.0 ] do
                let glo = Relaxations.Global(ghz xyz mu, [| 0; 0 |])
                let ns = Relaxations.NoSignallingProgram(ghz xyz mu, [| 0; 1 |], [| 0; 0 |])
                let hGlo = minEntropy (glo.Read(solve glo.Problem)).Bound
                let hNs = minEntropy (ns.Read(solve ns.Problem)).Bound
                Expect.isLessThanOrEqual hGlo (hNs + 1e-7) (sprintf "μ = %g: H^Glo = %g, H^NS = %g" mu hGlo hNs)

        // Bipartite bound: a d_A = 2 trusted system certifies at most log2 d_A = 1 bit against global
        // measurements, reached by the pure GHZ state (BC holds one maximally entangled qubit's partner).
        testCase "GHZ μ = 1: H^Glo = 1 bit (= log2 d_A)" <| fun () ->
            let glo = Relaxations.Global(ghz xyz 1.0, [| 0; 0 |])
            expectClose 1e-6 0.5 (glo.Read(solve glo.Problem)).Bound "P_g^Glo"

        // The reduced program: the ungrouped data's symmetries (8 relabellings, 8 antiunitary) carried to the grouped
        // party merge the 4 guesses into one orbit. It must have the plain program's value, along a sweep too
        // (WithData takes the ungrouped assemblage), at full rank and at the pure point (facial reduction).
        testCase "GHZ with X, Y, Z: the symmetry-reduced H^Glo has the plain program's value, also through WithData" <| fun () ->
            let cancel = System.Threading.CancellationToken.None
            let first = Relaxations.Global(ghz xyz 0.55, [| 0; 0 |], true, cancel)
            Expect.stringContains first.Reduction "4 guesses in orbits of 4" "the guesses merged"
            for mu in [ 0.55; 0.8; 1.0 ] do
                let plain = Relaxations.Global(ghz xyz mu, [| 0; 0 |])
                let fresh = Relaxations.Global(ghz xyz mu, [| 0; 0 |], true, cancel)
                let along = first.WithData(ghz xyz mu)
                Expect.isLessThan (fresh.Problem.ConstraintCount * 4) plain.Problem.ConstraintCount "a quarter of the variables or fewer"
                let expected = (plain.Read(solve plain.Problem)).Bound
                expectClose 1e-7 expected (fresh.Read(solve fresh.Problem)).Bound (sprintf "fresh, μ = %g" mu)
                expectClose 1e-7 expected (along.Read(solve along.Problem)).Bound (sprintf "WithData, μ = %g" mu)

        testCase "data without symmetry: Global with symmetry is the plain program" <| fun () ->
            let rng = System.Random 7
            let a = randomLhsAssemblage rng 2 [| 2; 2 |] [| 2; 2 |]
            let r = Relaxations.Global(a, [| 0; 1 |], true, System.Threading.CancellationToken.None)
            Expect.equal r.Reduction "" "built in full"
            let plain = Relaxations.Global(a, [| 0; 1 |])
            expectClose 1e-9 (plain.Read(solve plain.Problem)).Bound (r.Read(solve r.Problem)).Bound "P_g^Glo"
    ]
