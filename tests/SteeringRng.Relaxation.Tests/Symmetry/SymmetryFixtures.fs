/// What the symmetry tests share: two untrusted parties named B and C, their data, a solved value, and the joint and
/// single-party guesses at setting 0.
module SteeringRng.Relaxation.Tests.Symmetry.SymmetryFixtures

open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Tests.NpaTestSolver

let names = [| "B"; "C" |]

let internal dataOf (a: Assemblage) = AssemblageMoments.build (AssemblageMoments.scenarioOf names a) a

/// The attained value of the relaxation, solved by the tests' solver.
let value (r: Relaxation) =
    match solve r.Problem with
    | Ok solution -> (r.Read solution).Attained
    | Error e -> failwith e

let joint = { Parties = [| 0; 1 |]; Settings = [| 0; 0 |] }
let bob = { Parties = [| 0 |]; Settings = [| 0 |] }
