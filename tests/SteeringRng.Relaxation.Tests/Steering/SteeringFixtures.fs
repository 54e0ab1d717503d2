/// Shared data and the solver for the steering relaxation tests.
module SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

open System
open System.Collections.Generic
open System.Numerics
open Expecto
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp

let xyz: Povm[] = [| Measurements.PauliX; Measurements.PauliY; Measurements.PauliZ |]
let xy: Povm[] = [| Measurements.PauliX; Measurements.PauliY |]

/// 3-qubit GHZ with white noise, Alice (party 0) trusted, Bob and Charlie measuring `settings`.
let ghz (settings: Povm[]) (mu: float) : Assemblage =
    AssemblageBuilder.Build(States.NoisyGhz(3, 2, mu), [| 0 |], [| settings :> IReadOnlyList<Povm>; settings |])

/// Alice in |0⟩, Bob and Charlie sharing (|00⟩ + |11⟩)/√2: σ_{bc|yz} = p(bc|yz) |0⟩⟨0| (rank-1 ρ_A).
let aliceDecoupled (bob: Povm[]) (charlie: Povm[]) : Assemblage =
    let amplitudes = Array.zeroCreate<Complex> 8
    amplitudes[0b000] <- Complex.One
    amplitudes[0b011] <- Complex.One
    AssemblageBuilder.Build(States.FromKet(amplitudes, [| 2; 2; 2 |]).State, [| 0 |], [| bob :> IReadOnlyList<Povm>; charlie |])

/// Bob Z, X and Charlie (Z ± X)/√2: the Tsirelson point of CHSH, S = 2√2.
let tsirelsonBob: Povm[] = [| Measurements.PauliZ; Measurements.PauliX |]
let tsirelsonCharlie: Povm[] = [| Measurements.FromAngles(Math.PI / 4.0, 0.0); Measurements.FromAngles(-Math.PI / 4.0, 0.0) |]

/// A random qubit measurement along a uniformly drawn direction.
let randomQubitMeasurement (rng: Random) =
    let rec draw () =
        let v = Array.init 3 (fun _ -> 2.0 * rng.NextDouble() - 1.0)
        let n = sqrt (v |> Array.sumBy (fun c -> c * c))
        if n < 0.1 || n > 1.0 then draw () else Measurements.FromBlochVector(v[0] / n, v[1] / n, v[2] / n)
    draw ()

/// A random PSD d×d matrix G G† scaled to trace `trace`.
let randomPsd (rng: Random) (d: int) (trace: float) : Matrix<Complex> =
    let g = Matrix<Complex>.Build.Dense(d, d, fun _ _ -> Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))
    let p = g * g.ConjugateTranspose()
    p * Complex(trace / p.Trace().Real, 0.0)

/// A random fully-LHS assemblage σ_{a|x} = Σ_λ Π_j δ(a_j, λ_j[x_j]) τ_λ for k parties with given settings
/// and outcomes, random hidden states τ_λ summing to a random ρ_A.
let randomLhsAssemblage (rng: Random) (d: int) (settings: int[]) (outcomes: int[]) : Assemblage =
    let strategiesOf j =
        let rec fill x = if x = settings[j] then [ [] ] else [ for o in 0 .. outcomes[j] - 1 do for r in fill (x + 1) -> o :: r ]
        fill 0 |> List.map List.toArray
    let rec product j = if j = settings.Length then [ [] ] else [ for l in strategiesOf j do for r in product (j + 1) -> l :: r ]
    let lambdas = product 0 |> List.map List.toArray |> List.toArray
    let weights = lambdas |> Array.map (fun _ -> rng.NextDouble() ** 3.0)
    let total = Array.sum weights
    let states = weights |> Array.map (fun w -> randomPsd rng d (w / total))
    Assemblage(d, settings, outcomes, Func<int[], int[], Complex[,]>(fun a x ->
        let mutable s = Matrix<Complex>.Build.Dense(d, d)
        lambdas |> Array.iteri (fun l lam ->
            if Array.forall id (Array.init a.Length (fun j -> lam[j][x[j]] = a[j])) then s <- s + states[l])
        s.ToArray()))

/// max x s.t. x = 1 on a 1×1 block: a solver that cannot do this is not usable (e.g. a placeholder).
let private works (solver: ISdpSolver) =
    let one = SdpMatrix([| SdpEntry(0, 0, 0, 1.0) |])
    let probe = SdpProblem([| SdpBlock.Psd 1 |], one, [| one |], [| 1.0 |])
    let struct (available, _) = solver.Availability
    available
    && (let s = solver.Solve probe
        (s.Status = SdpStatus.Optimal || s.Status = SdpStatus.NearOptimal) && abs (s.PrimalObjective - 1.0) < 1e-6)

/// The built-in solver when it works, otherwise CSDP when installed, otherwise none.
/// STEERING_TEST_SOLVER=csdp (or builtin) forces one, to compare the two on the same tests.
let solver: Lazy<ISdpSolver option> =
    lazy
        (let candidates: ISdpSolver list = [ InteriorPointSolver(); SteeringRng.Peers.CsdpSolver() ]
         let forced = match Environment.GetEnvironmentVariable "STEERING_TEST_SOLVER" with null -> "" | v -> v
         candidates
         |> List.filter (fun s -> forced = "" || s.Name = forced)
         |> List.tryFind works)

/// Solves with the chosen solver; skips the test (visibly, with the reason) when there is none.
let solve (problem: SdpProblem) : SdpSolution =
    match solver.Value with
    | None -> skiptest "no working SDP solver: the built-in solver failed a 1×1 probe and CSDP is not installed"
    | Some s ->
        let solution = s.Solve problem
        if solution.Status <> SdpStatus.Optimal && solution.Status <> SdpStatus.NearOptimal then
            failtestf "%s ended with %A: %s" s.Name solution.Status solution.Message
        solution

let expectClose (tolerance: float) (expected: float) (actual: float) (what: string) =
    if not (abs (expected - actual) <= tolerance) then
        failtestf "%s: expected %.12g, got %.12g (difference %.3g, tolerance %.3g)" what expected actual (actual - expected) tolerance

/// H_min = −log2 min(1, P_g) from a conservative P_g (Bound). The project's one home of this formula is the
/// Certification project; the tests only need it to state the paper's thresholds in bits.
let minEntropy (pg: float) = 0.0 - Math.Log2(min 1.0 pg)
