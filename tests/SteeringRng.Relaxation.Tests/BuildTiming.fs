/// Build-time benchmark of the relaxation builders (run with `--benchmark`; not part of the test run).
module SteeringRng.Relaxation.Tests.BuildTiming

open System.Diagnostics
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Relaxation

let private time (f: unit -> 'a) =
    let sw = Stopwatch.StartNew()
    let r = f ()
    r, sw.Elapsed.TotalSeconds

/// A full-rank assemblage for k parties with m settings and n outcomes: uniform noise on a qubit, each block
/// a product distribution (1/n)^k times a fixed full-rank state, so no facial reduction is triggered.
let private noisyAssemblage (k: int) (m: int) (n: int) =
    let block = array2D [ [ Complex(0.6, 0.0); Complex(0.1, 0.05) ]; [ Complex(0.1, -0.05); Complex(0.4, 0.0) ] ]
    let p = 1.0 / float (pown n k)
    Assemblage(2, Array.create k m, Array.create k n, System.Func<int array, int array, Complex[,]>(fun _ _ -> block |> Array2D.map (fun z -> z * p)))

/// Runs the benchmark, printing each line as soon as it is measured.
let run () : unit =
    let lines = {| Add = fun (line: string) -> printfn "%s" line; stdout.Flush() |}
    let sc = Scenario([ Party.uniform "A" 3 2; Party.uniform "B" 3 2 ])
    let i3322 = SteeringRng.Relaxation.Tests.NpaBellTests.i3322
    Relaxations.NpaBell(sc, i3322, 1) |> ignore // warm-up (JIT)
    for level in 1..5 do
        let (mm: MomentMatrix), tm = time (fun () -> MomentMatrix.Build(GeneratingSet.level sc level))
        let r, tr = time (fun () -> Relaxations.NpaBell(sc, i3322, level))
        lines.Add $"I3322 level {level}: |S| = {mm.Size}, {r.Problem.ConstraintCount} variables; words {tm:F3} s, full problem {tr:F3} s"
    let a = noisyAssemblage 3 3 3
    let names = [| "B"; "C"; "D" |]
    let sc3 = AssemblageMoments.scenarioOf names a
    for level in 1..3 do
        let (mm: MomentMatrix), tm = time (fun () -> MomentMatrix.Build(GeneratingSet.level sc3 level))
        lines.Add $"3 × 3 × 3 level {level}: |S| = {mm.Size}, {mm.DistinctWords.Length} distinct words; word layout {tm:F2} s"
    // Level 3 would hold ~10⁸ sparse entries (9 guesses × 1567² blocks): too large for this machine, not built.
    // Moment-matrix entries: Σ_e (|S|·d_A)² scalar (complex) entries of the Γ^e blocks; sparse nonzeros: stored
    // upper-triangle entries of C and every A_i of the SdpProblem (what a solver reads).
    let qk (label: string) (guess: GuessSpec) (spec: GeneratingSetSpec) =
        let r, tr = time (fun () -> QLevel.build names guess spec a)
        let swapped, ts = time (fun () -> r.WithData a)
        let p = r.Problem
        let gamma = p.Blocks[0].Size
        let guesses = pown 3 guess.Parties.Length
        let gammaEntries = int64 guesses * int64 gamma * int64 gamma
        let sparse = int64 p.C.Entries.Count + (p.A |> Seq.sumBy (fun m -> int64 m.Entries.Count))
        lines.Add
            $"{label}, 3 untrusted parties × 3 settings × 3 outcomes, {guesses} guess tuples: Γ^e {gamma}×{gamma} (complex), {p.Blocks.Count} blocks, {p.ConstraintCount} variables; moment-matrix entries Σ_e (|S|·d_A)² = {gammaEntries:N0}, SDP sparse nonzeros (C and A_i, upper triangles) = {sparse:N0}; built {tr:F2} s, data swap {ts:F2} s ({swapped.Problem.ConstraintCount} variables)"
    let guessBC = { Parties = [| 0; 1 |]; Settings = [| 0; 0 |] }
    qk "Q_1, guessing B and C" guessBC (GeneratingSetSpec.Level 1)
    qk "Q_2, guessing B and C" guessBC (GeneratingSetSpec.Level 2)
    // The 10⁷-entry case: level 2 plus every BCD product, Eve guessing all three parties (27 tuples).
    qk "Q(2+BCD), guessing B, C and D" { Parties = [| 0; 1; 2 |]; Settings = [| 0; 0; 0 |] } (GeneratingSetSpec.Terms "2+BCD")
    // Solve times of Q2 with X, Y, Z at μ = 1 (3475 variables; QkSolveTests checks its value with the built-in solver).
    let r = QLevel.build [| "B"; "C" |] { Parties = [| 0; 1 |]; Settings = [| 0; 0 |] } (GeneratingSetSpec.Level 2) (SteeringRng.Relaxation.Tests.QkGhz.assemblage (SteeringRng.Relaxation.Tests.QkGhz.ghz 1.0) 3)
    for name, solver in [ "csdp", (SteeringRng.Peers.CsdpSolver() :> SteeringRng.Sdp.ISdpSolver); "built-in", (SteeringRng.Sdp.InteriorPointSolver() :> SteeringRng.Sdp.ISdpSolver) ] do
        let solution, seconds = time (fun () -> solver.Solve r.Problem)
        lines.Add $"GHZ X, Y, Z, μ = 1, Q2 ({r.Problem.ConstraintCount} variables) with {name}: {solution.Status}, P_g = {(r.Read solution).Attained:F9} (expected 0.25); {seconds:F1} s"
