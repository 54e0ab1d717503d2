module SteeringRng.Relaxation.Tests.QkStructureTests

open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.QkGhz

let private jointXX = { Parties = [| 0; 1 |]; Settings = [| 0; 0 |] }

/// The full problem (one Γ^e per guess): these tests fill every guess's moments from a non-symmetric witness.
let private build level (rho: Complex[,]) =
    QLevel.buildWith false [| "B"; "C" |] jointXX (GeneratingSetSpec.Terms level) (assemblage rho 3)

let private close (a: Complex) (b: Complex) = (a - b).Magnitude < 1e-12

/// Eve's decomposition used as a witness: ρ = μ|GHZ⟩⟨GHZ| + 3 × (1 − μ) I/24 over the four guesses.
let private split (mu: float) =
    let noise = Array2D.init 8 8 (fun i j -> if i = j then Complex((1.0 - mu) / 24.0, 0.0) else Complex.Zero)
    let pureState = Array2D.init 8 8 (fun i j -> if (i = 0 || i = 7) && (j = 0 || j = 7) then Complex(0.5 * mu, 0.0) else Complex.Zero)
    [| pureState; noise; noise; noise |]

/// The SDP variables of a witness decomposition, read off by each variable's role.
let private variablesOf (r: Relaxation) (parts: Complex[,] array) =
    r.Variables
    |> Seq.map (function
        | VariableRole.MomentEntry(guess, w, row, col, part) ->
            let e = r.GuessTuples |> Seq.findIndex (fun g -> g = guess)
            let m = moment parts[e] w
            if part = ValuePart.Real then m[row, col].Real else m[row, col].Imaginary
        | VariableRole.SupportCoordinate _ -> failwith "no facial reduction expected for full-rank data"
        | VariableRole.SymmetricCoordinate _ -> failwith "no symmetry reduction requested")
    |> Seq.toArray

[<Tests>]
let tests =
    testList "Q_k structure" [
        test "a witness decomposition fills every Γ^e with the true operator-valued moments" {
            let mu = 0.8
            for level in [ "1"; "1+BC"; "2" ] do
                let r = build level (ghz mu)
                let parts = split mu
                let gammas = evaluate r.Problem (variablesOf r parts)
                let s = r.GeneratingSet
                for e in 0..3 do
                    let gamma = gammas[e]
                    Expect.equal (Array2D.length1 gamma) (2 * s.Count) "Γ^e is |S| d_A × |S| d_A"
                    for i in 0 .. s.Count - 1 do
                        for j in 0 .. s.Count - 1 do
                            let expected = traceBC (matmul (matmul (dagger (wordOperator s[i])) (wordOperator s[j])) parts[e])
                            for a in 0..1 do
                                for b in 0..1 do
                                    if not (close gamma[2 * i + a, 2 * j + b] expected[a, b]) then
                                        failtestf "level %s, e=%d, Γ(%s, %s)[%d,%d] = %A, expected %A" level e
                                            (r.Scenario.FormatWord s[i]) (r.Scenario.FormatWord s[j]) a b gamma[2 * i + a, 2 * j + b] expected[a, b]
        }

        test "the objective at a witness is Σ_e Tr σ^e_{e|XX}" {
            let mu = 0.8
            let r = build "1" (ghz mu)
            let parts = split mu
            let w = variablesOf r parts
            // Moment form: value = offset + gᵀw with g = −b.
            let value = r.ObjectiveOffset - Array.fold2 (fun s b x -> s + b * x) 0.0 r.Problem.B w
            let expected =
                r.GuessTuples
                |> Seq.mapi (fun e g ->
                    let op = kron (identity 2) (kron (projector 0 g[0]) (projector 0 g[1]))
                    let m = traceBC (matmul op parts[e])
                    (m[0, 0] + m[1, 1]).Real)
                |> Seq.sum
            Expect.floatClose Accuracy.veryHigh value expected "guessing probability of the witness"
        }

        test "positivity blocks of full-outcome sub-assemblages appear exactly when S lacks assemblage words" {
            let level1 = build "1" (ghz 0.8)
            // 4 guesses × (4 moment matrices + 9 setting pairs × 4 outcome pairs)
            Expect.equal level1.Problem.Blocks.Count (4 + 4 * 36) "level 1 needs them"
            let withBC = build "1+BC" (ghz 0.8)
            Expect.equal withBC.Problem.Blocks.Count 4 "1+BC contains every assemblage word: Γ ⪰ 0 implies them"
        }

        test "Σ_e of the assemblage moments equals the data for any variables" {
            let r = build "1" (ghz 0.8)
            let rng = System.Random 7
            let w = Array.init r.Problem.ConstraintCount (fun _ -> rng.NextDouble() - 0.5)
            let sc = r.Scenario
            for text in [ "1"; "B0|0"; "C0|2"; "B0|1 C0|2" ] do
                let word = (sc.ParseWord text).Value
                let total = Array2D.zeroCreate 2 2
                for e in 0..3 do
                    let m = r.Moment(w, e, word)
                    for a in 0..1 do
                        for b in 0..1 do
                            total[a, b] <- total[a, b] + m[a, b]
                let observed = moment (ghz 0.8) word
                for a in 0..1 do
                    for b in 0..1 do
                        Expect.isTrue (close total[a, b] observed[a, b]) $"Σ_e ⟨{text}⟩[{a},{b}]"
        }

        test "pureState data: sub-assemblage blocks stay on the supports of the observed blocks" {
            let r = build "1" (ghz 1.0)
            Expect.isTrue (r.Variables |> Seq.exists (function VariableRole.SupportCoordinate _ -> true | _ -> false)) "reduced"
            let rng = System.Random 11
            let w = Array.init r.Problem.ConstraintCount (fun _ -> rng.NextDouble() - 0.5)
            // σ_{00|ZZ} of GHZ is |0⟩⟨0|/2: every guess's block must vanish outside |0⟩.
            let word = (r.Scenario.ParseWord "B0|2 C0|2").Value
            for e in 0..3 do
                let m = r.Moment(w, e, word)
                Expect.isTrue (m[1, 1].Magnitude < 1e-12 && m[0, 1].Magnitude < 1e-12) $"guess {e}"
        }

        test "pure data: Γ loses exactly the directions forced into its kernel" {
            // GHZ, level 1 (words 1, B0|y, C0|z; d = 2): Z outcomes leave Alice pure, σ_{0|Z} = |0⟩⟨0|/2 and
            // σ_{1|Z} = |1⟩⟨1|/2, giving e_{B0|2}⊗|1⟩ and (e_1 − e_{B0|2})⊗|0⟩, and the same for C; X and Y
            // marginals and ρ_A = I/2 have full rank. 7 × 2 − 4 = 10.
            let r = build "1" (ghz 1.0)
            Expect.equal r.Problem.Blocks[0].Size 10 "compressed Γ^e"
            Expect.equal (build "1" (ghz 0.8)).Problem.Blocks[0].Size 14 "full rank data: no compression"
        }

        test "swapping the data changes only F0 and the offset when no reduction is needed" {
            let r = build "1+BC" (ghz 0.8)
            let swapped = r.WithData(assemblage (ghz 0.6) 3)
            let fresh = build "1+BC" (ghz 0.6)
            Expect.isTrue (obj.ReferenceEquals(swapped.Problem.A, r.Problem.A)) "F_k reused"
            Expect.equal swapped.ObjectiveOffset fresh.ObjectiveOffset "offset"
            let entries (m: SteeringRng.Sdp.SdpMatrix) = m.Entries |> Seq.map (fun e -> e.Block, e.Row, e.Col, round (e.Value * 1e12), round (e.Imag * 1e12)) |> Seq.toList
            Expect.equal (entries swapped.Problem.C) (entries fresh.Problem.C) "F0 as if built from scratch"
        }

        test "invalid guesses are rejected with the reason" {
            let message f =
                try
                    f () |> ignore
                    ""
                with :? System.ArgumentException as e -> e.Message
            let a = assemblage (ghz 0.8) 3
            Expect.stringContains (message (fun () -> QLevel.build [| "B"; "C" |] { Parties = [| 0; 0 |]; Settings = [| 0; 1 |] } (GeneratingSetSpec.Level 1) a)) "guessed twice" "twice"
            Expect.stringContains (message (fun () -> QLevel.build [| "B"; "C" |] { Parties = [| 2 |]; Settings = [| 0 |] } (GeneratingSetSpec.Level 1) a)) "does not exist" "party"
            Expect.stringContains (message (fun () -> QLevel.build [| "B"; "C" |] { Parties = [| 1 |]; Settings = [| 5 |] } (GeneratingSetSpec.Level 1) a)) "settings 0..2" "setting"
        }
    ]
