// The steer engine from an F# script: the GHZ no-signalling bound at mu = 1 (Fig. 2a of Li et al.,
// PRL 132, 080201 (2024)): Eve guesses Bob's and Charlie's X outcomes with P_g = 1/4, i.e. 2 bits.
//
//   dotnet build src/SteeringRng.Cli          (once: builds the engine and copies every assembly into its bin folder)
//   dotnet fsi samples/engine-from-fsharp.fsx
//
// Two routes to the same number: the libraries directly, and a scenario text through the engine behind `steer run`.
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/MathNet.Numerics.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/SteeringRng.Sdp.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/SteeringRng.Quantum.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/SteeringRng.Relaxation.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/SteeringRng.Scenario.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/SteeringRng.Reporting.dll"
#r "../src/SteeringRng.Cli/bin/Debug/net10.0/steer.dll"

open System.Collections.Generic
open System.Threading
open SteeringRng.Quantum
open SteeringRng.Relaxation.Steering
open SteeringRng.Sdp

// 1. Libraries: state -> assemblage (Alice trusted) -> NS relaxation -> built-in solver.
let rho = States.NoisyGhz(3, 2, 1.0)
let xyz: IReadOnlyList<Povm> = [| Measurements.PauliX; Measurements.PauliY; Measurements.PauliZ |]
let measurements: IReadOnlyList<IReadOnlyList<Povm>> = [| xyz; xyz |] // Bob, Charlie
let sigma = AssemblageBuilder.Build(rho, [| 0 |], measurements)
let relaxation = SteeringRelaxations.NoSignalling(sigma, [| 0; 1 |], [| 0; 0 |])
let solution = InteriorPointSolver().Solve(relaxation.Problem)
let result = relaxation.Evaluate solution
printfn "libraries: status %A, P_g = %.6f, H_min = %.6f bits" result.Status result.GuessingProbability result.MinEntropy

// 2. The scenario engine of `steer run`: check the text, lower it, run the jobs at every sweep point.
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
let lowered = SteeringRng.Cli.Scenarios.LoweredScenario(check.Scenarios[0])
let jobs = SteeringRng.Cli.Scenarios.JobPlanner.Plan lowered
let report = SteeringRng.Cli.Scenarios.ScenarioRunner(InteriorPointSolver(), SdpSettings.Default).Run(lowered, jobs, null, CancellationToken.None)
for row in report.Rows do
    printfn "engine:    %s / %s: status %s, P_g = %.6f, H_min = %.6f bits" row.Objective row.Bound row.Status row.Pguess.Value row.Hmin.Value
printfn "P_g = %.2f" result.GuessingProbability
