/// The solver the relaxation tests use, and dense evaluation of moment-form problems for solver-free checks.
module SteeringRng.Relaxation.Tests.NpaTestSolver

open System.Numerics
open SteeringRng.Sdp

/// The built-in interior-point solver (tests must pass with it in CI).
let private builtIn = InteriorPointSolver()

/// CSDP through its SDPA adapter, for cross-checks; may be absent.
let csdp = SteeringRng.Peers.CsdpSolver()

let private accepted (s: SdpSolution) = s.Status = SdpStatus.Optimal || s.Status = SdpStatus.NearOptimal

/// Solves with the built-in solver; a solve that does not end Optimal/NearOptimal is a test failure.
let solve (problem: SdpProblem) : Result<SdpSolution, string> =
    let s = builtIn.Solve(problem)
    if accepted s then Ok s else failwithf "built-in solver: %A after %d iterations (%s)" s.Status s.Iterations s.Message

/// Solves with CSDP; Error(reason) when CSDP is not installed (the caller skips visibly).
let solveWithCsdp (problem: SdpProblem) : Result<SdpSolution, string> =
    let struct (available, reason) = csdp.Availability
    if not available then
        Error $"csdp is not available: {reason}"
    else
        let s = csdp.Solve(problem)
        if accepted s then Ok s else failwithf "csdp: %A (%s)" s.Status s.Message

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
