/// The solver the relaxation tests use, and dense evaluation of moment-form problems for solver-free checks.
module SteeringRng.Relaxation.Tests.NpaTestSolver

open System
open System.Diagnostics
open System.IO
open System.Numerics
open SteeringRng.Sdp
open SteeringRng.Sdp.Sdpa

/// Whether the built-in solver is implemented yet: it must solve max w s.t. 1 − w ≥ 0 (optimum 1).
let private builtInWorks =
    lazy
        (let p =
            SdpProblem.FromMomentForm(
                [| SdpBlock.Psd 1 |], SdpMatrix([| SdpEntry(0, 0, 0, 1.0) |]), [| SdpMatrix([| SdpEntry(0, 0, 0, 1.0) |]) |], [| 1.0 |])
         try
             let s = InteriorPointSolver().Solve(p)
             (s.Status = SdpStatus.Optimal || s.Status = SdpStatus.NearOptimal) && abs (-s.DualObjective - 1.0) < 1e-6
         with _ -> false)

let private csdpPath =
    lazy
        ((match Environment.GetEnvironmentVariable "PATH" with
          | null -> [||]
          | path -> path.Split(Path.PathSeparator))
         |> Array.map (fun d -> Path.Combine(d, "csdp"))
         |> Array.tryFind File.Exists)

/// CSDP through an SDPA file; the dual objective bᵀy is recomputed from the solution file's y (full precision).
let private solveWithCsdp (exe: string) (problem: SdpProblem) =
    let dir = Directory.CreateTempSubdirectory("steeringrng-relaxation-tests-")
    try
        let input = Path.Combine(dir.FullName, "problem.dat-s")
        let output = Path.Combine(dir.FullName, "problem.sol")
        SdpaWriter.WriteFile(problem, input)
        let psi = ProcessStartInfo(exe, $"\"{input}\" \"{output}\"", RedirectStandardOutput = true, UseShellExecute = false)
        use proc =
            match Process.Start psi with
            | null -> failwith $"could not start {exe}"
            | p -> p
        let text = proc.StandardOutput.ReadToEnd()
        proc.WaitForExit()
        let value (label: string) =
            text.Split('\n')
            |> Array.tryFind (fun l -> l.StartsWith label)
            |> Option.map (fun l -> float ((l.Split(':')[1]).Trim()))
        let y =
            (File.ReadLines output |> Seq.head).Split(' ', StringSplitOptions.RemoveEmptyEntries) |> Array.map float
        let dual = Array.fold2 (fun s b yi -> s + b * yi) 0.0 problem.B y
        SdpSolution(
            Status = (if proc.ExitCode = 0 then SdpStatus.Optimal else SdpStatus.NumericalFailure),
            PrimalObjective = defaultArg (value "Primal objective value") nan,
            DualObjective = dual,
            Y = y,
            Dimacs = [||],
            Iterations = 0,
            Seconds = 0.0,
            Solver = "csdp (test fallback)",
            Message = text
        )
    finally
        dir.Delete true

/// Solves with the built-in solver when it works, else CSDP; Error(reason) when neither is available.
let solve (problem: SdpProblem) : Result<SdpSolution, string> =
    if builtInWorks.Force() then
        Ok(InteriorPointSolver().Solve(problem))
    else
        match csdpPath.Force() with
        | Some exe -> Ok(solveWithCsdp exe problem)
        | None -> Error "neither the built-in solver (not implemented yet) nor csdp (not on PATH) is available"

/// Γ = F0 − Σ w_k F_k = Σ w_k A_k − C per block, dense (Hermitian blocks complex, others real).
let evaluate (problem: SdpProblem) (w: double array) : Complex[,] array =
    let dense = problem.Blocks |> Seq.map (fun b -> Array2D.zeroCreate<Complex> b.Size b.Size) |> Seq.toArray
    let add (m: SdpMatrix) (c: float) =
        for e in m.Entries do
            let z = Complex(c * e.Value, c * e.Imag)
            dense[e.Block][e.Row, e.Col] <- dense[e.Block][e.Row, e.Col] + z
            if e.Row <> e.Col then dense[e.Block][e.Col, e.Row] <- dense[e.Block][e.Col, e.Row] + Complex.Conjugate z
    add problem.C -1.0
    problem.A |> Seq.iteri (fun k m -> add m w[k])
    dense
