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
    ]
