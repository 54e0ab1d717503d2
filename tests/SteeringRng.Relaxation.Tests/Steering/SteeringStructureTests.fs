/// Solver-free properties of the steering relaxations: parametrisation identities, ranks, data swaps.
module SteeringRng.Relaxation.Tests.Steering.SteeringStructureTests

open System
open System.Numerics
open Expecto
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private scenarioOf (s: Assemblage) = { Settings = Seq.toArray s.Settings; Outcomes = Seq.toArray s.Outcomes }

/// Real rank of a list of SDP matrices seen as vectors (one column per matrix).
let private rank (matrices: SdpMatrix seq) =
    let positions = Collections.Generic.Dictionary<(int * int * int * bool), int>()
    let columns =
        matrices
        |> Seq.map (fun m ->
            [ for e in m.Entries do
                  yield (e.Block, e.Row, e.Col, false), e.Value
                  if e.Imag <> 0.0 then yield (e.Block, e.Row, e.Col, true), e.Imag ])
        |> Seq.toArray
    for c in columns do
        for (key, _) in c do
            if not (positions.ContainsKey key) then positions[key] <- positions.Count
    let dense = Matrix<float>.Build.Dense(positions.Count, columns.Length)
    columns |> Array.iteri (fun j c -> for (key, v) in c do dense[positions[key], j] <- dense[positions[key], j] + v)
    dense.Rank()

let private expectArgumentMessage (action: unit -> unit) (fragment: string) =
    let message =
        try
            action ()
            None
        with :? ArgumentException as e -> Some e.Message
    match message with
    | None -> failtestf "expected an ArgumentException mentioning %s" fragment
    | Some m -> Expect.stringContains m fragment "message"

[<Tests>]
let tests =
    testList "Steering relaxation structure" [
        testCase "Collins–Gisin expansion of the data's own coordinates gives back every full block" <| fun () ->
            let rho = DensityMatrix.Create(randomPsd (Random 5) 8 1.0, [| 2; 2; 2 |])
            let rng = Random 6
            let sigma = AssemblageBuilder.Build(rho, [| 1 |], [| [| for _ in 1 .. 3 -> randomQubitMeasurement rng |]; [| Measurements.PauliZ; Measurements.PauliX |] |])
            let data = AssemblageData.ofAssemblage RelaxationOptions.Default sigma
            for (a, x), block in Array.zip data.Tuples data.Blocks do
                let mutable m = Matrix<Complex>.Build.Dense(2, 2)
                for (key, c) in CollinsGisin.expand data.Scenario (CollinsGisin.full a x) do
                    m <- m + AssemblageData.collinsGisin data key * Complex(c, 0.0)
                expectClose 1e-12 0.0 ((m - block).FrobeniusNorm()) (sprintf "block a=%A x=%A" a x)

        testCase "Any Collins–Gisin coordinates define a no-signalling assemblage" <| fun () ->
            let scenario = { Settings = [| 2; 3 |]; Outcomes = [| 3; 2 |] }
            let keys = CollinsGisin.keys scenario
            let index = CollinsGisin.indexOf scenario
            let rng = Random 7
            let coords = keys |> Array.map (fun _ -> HermitianBasis.ofCoordinates 2 (Array.init 4 (fun _ -> rng.NextDouble() - 0.5)))
            let sigma =
                Assemblage(2, scenario.Settings, scenario.Outcomes, Func<int[], int[], Complex[,]>(fun a x ->
                    let mutable m = Matrix<Complex>.Build.Dense(2, 2)
                    for (key, c) in CollinsGisin.expand scenario (CollinsGisin.full a x) do
                        m <- m + coords[index[key]] * Complex(c, 0.0)
                    m.ToArray()))
            for party in 0 .. 1 do
                expectClose 1e-12 0.0 (AssemblageChecks.WorstSignalling(sigma, party).Size) (sprintf "signalling of party %d" party)

        testCase "Hermitian coordinates round-trip: ⟨E_c, Σ u E⟩ = u_c / normalisation" <| fun () ->
            let u = [| 0.3; -0.2; 0.5; 0.7; -0.1; 0.4; 0.25; -0.6; 0.9 |]
            let h = HermitianBasis.ofCoordinates 3 u
            let comps = HermitianBasis.components 3
            comps |> Array.iteri (fun i c ->
                let expected = match c with Diagonal _ -> u[i] | _ -> 2.0 * u[i]
                expectClose 1e-15 expected (HermitianBasis.coordinate c h) (sprintf "component %A" c))

        testCase "NS relaxation: no equality constraints and independent moment directions (GHZ, μ = 0.8)" <| fun () ->
            let r = Relaxations.NoSignallingProgram(ghz xyz 0.8, [| 0; 1 |], [| 0; 0 |])
            // 4 guess tuples, 3 free sub-assemblages × 16 Collins–Gisin blocks × 4 real coordinates.
            Expect.equal r.Problem.ConstraintCount 192 "free variables"
            Expect.equal r.Problem.Blocks.Count (4 * 36) "one 2×2 block per guess tuple and full block"
            Expect.isFalse r.FaciallyReduced "full-rank data needs no reduction"
            Expect.equal (rank r.Problem.A) 192 "the A_i are linearly independent"

        testCase "The variable map names the guess tuple, Collins–Gisin block and entry that a unit y sets" <| fun () ->
            let sigma = ghz xy 0.8
            let r = Relaxations.NoSignallingProgram(sigma, [| 0; 1 |], [| 1; 0 |])
            let tuples = [| for x in sigma.SettingTuples() do for a in sigma.OutcomeTuples() -> a, x |]
            for i in [ 0; 5; 17; 42; r.Problem.ConstraintCount - 1 ] do
                let v = r.Variables[i]
                let y = Array.init r.Problem.ConstraintCount (fun j -> if j = i then 1.0 else 0.0)
                let unit = SdpSolution(Status = SdpStatus.Optimal, PrimalObjective = 0.0, DualObjective = 0.0, Y = y, Dimacs = [||], Iterations = 0, Seconds = 0.0, Solver = "none")
                let subs = r.SubAssemblages unit
                let g = r.GuessTuples |> Seq.findIndex (fun t -> t = v.GuessTuple)
                let blocks = Array.zip tuples subs[g] |> dict
                let asAssemblage =
                    Assemblage(2, [| 2; 2 |], [| 2; 2 |], Func<int[], int[], Complex[,]>(fun a x ->
                        blocks |> Seq.find (fun kv -> fst kv.Key = a && snd kv.Key = x) |> fun kv -> kv.Value))
                // A unit direction is not a valid assemblage (not PSD, not normalised): read it without the data checks.
                let data = AssemblageData.ofAssemblage { RelaxationOptions.Default with DataTolerance = 10.0 } asAssemblage
                for key in CollinsGisin.keys data.Scenario do
                    let block = AssemblageData.collinsGisin data key
                    for c in HermitianBasis.components 2 do
                        let expected =
                            if Some key = v.Key && Some c = v.Entry then (match c with Diagonal _ -> 1.0 | _ -> 2.0) else 0.0
                        expectClose 1e-12 expected (HermitianBasis.coordinate c block) (sprintf "%s at %A %A" v.Label key c)

        testCase "NS relaxation of pure GHZ data is facially reduced to rank-1 blocks" <| fun () ->
            let r = Relaxations.NoSignallingProgram(ghz xyz 1.0, [| 0; 1 |], [| 0; 0 |])
            Expect.isTrue r.FaciallyReduced "pure data is rank-deficient"
            Expect.all r.Problem.Blocks (fun b -> b.Size = 1) "every GHZ block at μ = 1 has rank 1"
            Expect.equal (rank r.Problem.A) r.Problem.ConstraintCount "reduced directions are independent"

        testCase "Swapping data changes only C (and the offset) when supports agree" <| fun () ->
            let r = Relaxations.NoSignallingProgram(ghz xyz 0.7, [| 0 |], [| 0 |])
            let swapped = r.WithData(ghz xyz 0.9)
            let fresh = Relaxations.NoSignallingProgram(ghz xyz 0.9, [| 0 |], [| 0 |])
            Expect.isTrue (obj.ReferenceEquals(r.Problem.A, swapped.Problem.A)) "A is reused"
            Expect.isTrue (obj.ReferenceEquals(r.Problem.B, swapped.Problem.B)) "b is reused"
            let a, b = Seq.toArray swapped.Problem.C.Entries, Seq.toArray fresh.Problem.C.Entries
            Expect.equal a.Length b.Length "C entry count"
            for e, f in Array.zip a b do
                Expect.equal (e.Block, e.Row, e.Col) (f.Block, f.Row, f.Col) "C entry position"
                expectClose 1e-15 f.Value e.Value "C entry value"
                expectClose 1e-15 f.Imag e.Imag "C entry imaginary part"
            expectClose 1e-15 fresh.Offset swapped.Offset "offset"

        testCase "Swapping to data with another support rebuilds with facial reduction" <| fun () ->
            let r = Relaxations.NoSignallingProgram(ghz xyz 0.7, [| 0; 1 |], [| 0; 0 |])
            let swapped = r.WithData(ghz xyz 1.0)
            Expect.isTrue swapped.FaciallyReduced "rebuilt for rank-1 data"

        testCase "Guessing a party that does not exist is refused with the party count" <| fun () ->
            expectArgumentMessage (fun () -> Relaxations.NoSignallingProgram(ghz xyz 0.8, [| 2 |], [| 0 |]) |> ignore) "there are 2 untrusted parties"

        testCase "Signalling data is refused, naming the violation" <| fun () ->
            let bad =
                Assemblage(2, [| 1; 2 |], [| 2; 2 |], Func<int[], int[], Complex[,]>(fun a x ->
                    let p = if x[1] = 0 then 0.25 elif a[0] = 0 then 0.3 else 0.2
                    array2D [ [ Complex(p / 2.0, 0.0); Complex.Zero ]; [ Complex.Zero; Complex(p / 2.0, 0.0) ] ]))
            expectArgumentMessage (fun () -> Relaxations.NoSignallingProgram(bad, [| 0 |], [| 0 |]) |> ignore) "no-signalling of untrusted party 1"

        testCase "LHS problem: one block per deterministic strategy and independent equality rows" <| fun () ->
            let v = Relaxations.CriticalVisibility(ghz xyz 1.0, ghz xyz 0.0, 2.0, RelaxationOptions.Default, false)
            Expect.equal v.Strategies.Count 64 "8 strategies per party, two parties"
            // 16 Collins–Gisin blocks × 4 real coordinates + the cap row.
            Expect.equal v.Problem.ConstraintCount 65 "rows"
            Expect.equal (rank v.Problem.A) 65 "rows are independent"

        // GHZ with {X, Y, Z} is invariant under the relabellings of Z_B Z_C, X_B X_C, …: strategies are merged into
        // orbits, and the G-covariant rows that become dependent are dropped.
        testCase "Symmetric LHS problem: one block per strategy orbit and independent equality rows" <| fun () ->
            let v = Relaxations.CriticalVisibility(ghz xyz 1.0, ghz xyz 0.0)
            Expect.isTrue v.SymmetryReduced "GHZ data have symmetries that merge strategies"
            Expect.equal v.Strategies.Count 64 "all strategies are still listed (for the hidden states)"
            Expect.isLessThan v.StrategyBlocks 64 "fewer blocks than strategies"
            Expect.equal v.Problem.Blocks.Count (v.StrategyBlocks + 1) "orbit blocks and the μ block"
            Expect.equal (rank v.Problem.A) v.Problem.ConstraintCount "rows are independent"
    ]
