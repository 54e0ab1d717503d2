// The steer engine from an F# script: the GHZ no-signalling bound at mu = 1 (Fig. 2a of Li et al.,
// PRL 132, 080201 (2024)): Eve guesses Bob's and Charlie's X outcomes with P_g = 1/4, i.e. 2 bits.
//
//   dotnet build -c Release src/SteeringRng.Certification   (once: the engine with every assembly it needs in its bin folder)
//   dotnet fsi samples/engine-from-fsharp.fsx
//
// Two routes to the same number, both through the engine's one entry point (CertificationEngine): given data
// (an assemblage from SteeringRng.Quantum), and a scenario text planned and run as `steer run` does.
#I "../src/SteeringRng.Certification/bin/Release/net10.0"
#r "MathNet.Numerics.dll"
#r "FParsec.dll"
#r "FParsecCS.dll"
#r "SteeringRng.Sdp.dll"
#r "SteeringRng.Quantum.dll"
#r "SteeringRng.Algebra.dll"
#r "SteeringRng.Relaxation.dll"
#r "SteeringRng.Scenario.dll"
#r "SteeringRng.Certification.dll"

open System.Collections.Generic
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Certification
open SteeringRng.Certification.Bounds
open SteeringRng.Certification.Run
open SteeringRng.Certification.Seesaw

let solver = InteriorPointSolver()

// 1. Given data: state -> assemblage (Alice trusted) -> the NS bound.
let rho = States.NoisyGhz(3, 2, 1.0)
let xyz: IReadOnlyList<Povm> = [| Measurements.PauliX; Measurements.PauliY; Measurements.PauliZ |]
let measurements: IReadOnlyList<IReadOnlyList<Povm>> = [| xyz; xyz |] // Bob, Charlie
let sigma = AssemblageBuilder.Build(rho, [| 0 |], measurements)
let rows = CertificationEngine.Certify(sigma, GuessTarget.Joint(0, 0), [| BoundSpec.NoSignalling() :> BoundSpec |], solver)
for row in rows do
    printfn "data:     %s: status %s, P_g = %.6f, H_min = %.6f bits" row.Bound row.Status row.Pguess.Value row.Hmin.Value

// 2. A scenario text: check it, plan it (objective x bound x point), run it.
let text = """
node Alice trusted dim 2
node Bob, Charlie untrusted dim 2
param mu = 1
state = mu * ghz + (1 - mu) * white
measure Bob, Charlie: X Y Z
objective joint = guess Bob.X, Charlie.X
bounds ns
"""
let check = SteeringRng.Scenario.ScenarioLanguage.Check("inline.scn", text)
if not check.Succeeded then failwith (check.RenderDiagnostics())
let report = ScenarioRun.Plan(check.Scenarios[0]).Execute(solver)
for row in report.Rows do
    printfn "scenario: %s / %s: status %s, P_g = %.6f, H_min = %.6f bits" row.Objective row.Bound row.Status row.Pguess.Value row.Hmin.Value
printfn "P_g = %.2f" rows[0].Pguess.Value
