/// Symmetry reduction of Q_k: the data's outcome-relabelling symmetries are found exactly (the GHZ stabiliser), and
/// the reduced problem has the value of the full one (an identity of the construction, checked on data with and
/// without symmetry, full rank and pure, joint and single-party guesses).
module SteeringRng.Relaxation.Tests.Symmetry.SymmetryTests

open System
open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Symmetry
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.QkGhz
open SteeringRng.Relaxation.Tests.Symmetry.SymmetryFixtures

/// A random qubit state on A, B, C (no symmetry expected), ρ = G G† / Tr.
let private randomState (seed: int) =
    let rng = Random seed
    let g = Array2D.init 8 8 (fun _ _ -> Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))
    let rho = matmul g (dagger g)
    let t = Seq.init 8 (fun i -> rho[i, i].Real) |> Seq.sum
    Array2D.map (fun z -> z / Complex(t, 0.0)) rho

/// α|001⟩ + β|010⟩ + γ|100⟩ (qubit order A, B, C): Z⊗Z⊗Z W = −W, so Z_A flips Bob's and Charlie's X and Y.
let private wState (alpha: float) (beta: float) (gamma: float) =
    let n = sqrt (alpha * alpha + beta * beta + gamma * gamma)
    let psi = Array.zeroCreate 8
    psi[1] <- alpha / n
    psi[2] <- beta / n
    psi[4] <- gamma / n
    Array2D.init 8 8 (fun i j -> Complex(psi[i] * psi[j], 0.0))


/// μ|ψ⟩⟨ψ| + (1 − μ) I/8 with ψ = (|000⟩ + i|111⟩)/√2: the two-party Z flips of GHZ still hold, the X and Y ones
/// (X⊗X⊗X ψ = i (|000⟩ − i|111⟩)) do not.
let private phaseGhz (mu: float) =
    let psi = Array.init 8 (fun i -> if i = 0 then Complex(sqrt 0.5, 0.0) elif i = 7 then Complex(0.0, sqrt 0.5) else Complex.Zero)
    Array2D.init 8 8 (fun i j -> mu * psi[i] * Complex.Conjugate psi[j] + (if i = j then Complex((1.0 - mu) / 8.0, 0.0) else Complex.Zero))

/// U σ_{bc|yz} U† = σ_{π(b)π(c)|yz} entrywise on the assemblage (settings X, Y, Z).
let private holdsEntrywise (a: Assemblage) (g: DataSymmetry) =
    seq {
        for y in 0..2 do
            for z in 0..2 do
                for b in 0..1 do
                    for c in 0..1 do
                        let lhs = matmul (matmul g.Unitary a[[| b; c |], [| y; z |]]) (dagger g.Unitary)
                        let pb, pc = g.Relabel[0][y], g.Relabel[1][z]
                        let rhs = a[[| pb[b]; pc[c] |], [| y; z |]]
                        for i in 0..1 do
                            for k in 0..1 do
                                yield (lhs[i, k] - rhs[i, k]).Magnitude
    }
    |> Seq.forall (fun d -> d < 1e-9)

[<Tests>]
let tests =
    testList "Q_k symmetry reduction" [
        test "holding and holdAll keep exactly the elements that hold entrywise on other data (a sweep's next point)" {
            let group = SymmetrySearch.find (dataOf (assemblage (ghz 0.8) 3))
            let other = assemblage (phaseGhz 0.7) 3
            let expected = [| for i in 0 .. group.Length - 1 do if holdsEntrywise other group[i] then i |]
            Expect.equal expected.Length 4 "I and the three two-party Z flips hold, the four X/Y ones do not"
            let kept = SymmetrySearch.holding Threading.CancellationToken.None (dataOf other) group
            Expect.equal [| for g in kept -> Array.findIndex (fun h -> obj.ReferenceEquals(h, g)) group |] expected "the same elements, in order"
            Expect.isFalse (SymmetrySearch.holdAll Threading.CancellationToken.None (dataOf other) group None) "the whole group does not hold"
            Expect.isTrue (SymmetrySearch.holdAll Threading.CancellationToken.None (dataOf other) kept None) "the kept subgroup does"
            Expect.isTrue (group |> Array.forall (fun g -> SymmetrySearch.holds (dataOf other) g = Array.contains g kept)) "as holds, element by element"
        }

        test "noisy GHZ with X, Y, Z has the 8 stabiliser symmetries, each with its Pauli on Alice" {
            let group = SymmetrySearch.find (dataOf (assemblage (ghz 0.8) 3))
            Expect.equal group.Length 8 "|G| = |{I, ZZI, ZIZ, IZZ, XXX, XYY, YXY, YYX}|"
            Expect.isTrue (DataSymmetry.isIdentity group[0]) "identity first"
            // Every element must satisfy U σ_{bc|yz} U† = σ_{π(b)π(c)|yz} on the independently computed assemblage.
            let a = assemblage (ghz 0.8) 3
            for g in group do
                for y in 0..2 do
                    for z in 0..2 do
                        for b in 0..1 do
                            for c in 0..1 do
                                let lhs = matmul (matmul g.Unitary a[[| b; c |], [| y; z |]]) (dagger g.Unitary)
                                let pb = g.Relabel[0][y]
                                let pc = g.Relabel[1][z]
                                let rhs = a[[| pb[b]; pc[c] |], [| y; z |]]
                                for i in 0..1 do
                                    for k in 0..1 do
                                        Expect.isLessThan (lhs[i, k] - rhs[i, k]).Magnitude 1e-12 "symmetry holds"
            // Z_A Z_B flips Bob's X and Y outcomes and nothing of Charlie's.
            let flipsBobXY =
                group
                |> Array.exists (fun g ->
                    g.Relabel[0][0] = [| 1; 0 |] && g.Relabel[0][1] = [| 1; 0 |] && g.Relabel[0][2] = [| 0; 1 |]
                    && g.Relabel[1] |> Array.forall (fun p -> p = [| 0; 1 |]))
            Expect.isTrue flipsBobXY "Z_A Z_B is found"
        }

        test "a symmetry that holds only to 1e-8 is not used (the reduced problem would certify other data)" {
            let eps = 1e-8
            let rho = Array2D.init 8 8 (fun i k -> (1.0 - eps) * (ghz 0.8)[i, k] + eps * (randomState 3)[i, k])
            Expect.equal (SymmetrySearch.find (dataOf (assemblage rho 3))).Length 1 "only the identity"
        }

        test "random data have no symmetry" {
            let group = SymmetrySearch.find (dataOf (assemblage (randomState 5) 3))
            Expect.equal group.Length 1 "only the identity"
        }

        test "the reduced Q_k has the full problem's value (GHZ, joint and Bob, levels 1 and 1+BC)" {
            for mu in [ 0.6; 0.85 ] do
                let a = assemblage (ghz mu) 3
                for guess in [ joint; bob ] do
                    for level in [ "1"; "1+BC" ] do
                        let reduced = QLevel.buildWith true names guess (GeneratingSetSpec.Terms level) a
                        let full = QLevel.buildWith false names guess (GeneratingSetSpec.Terms level) a
                        Expect.isLessThan reduced.Problem.ConstraintCount full.Problem.ConstraintCount "fewer variables"
                        let total (r: Relaxation) = r.Problem.Blocks |> Seq.sumBy (fun b -> b.Size)
                        Expect.isLessThan (total reduced) (total full) "one moment matrix per orbit"
                        Expect.floatClose Accuracy.high (value reduced) (value full) $"P_g at μ = {mu}, {level}"
        }

        test "level 2 (products within a party: relabelling mixes free and data moments) keeps the value, in fewer and smaller blocks" {
            let a = assemblage (ghz 0.8) 2
            for guess in [ joint; bob ] do
                let reduced = QLevel.buildWith true names guess (GeneratingSetSpec.Level 2) a
                let full = QLevel.buildWith false names guess (GeneratingSetSpec.Level 2) a
                let largest (r: Relaxation) = r.Problem.Blocks |> Seq.map (fun b -> b.Size) |> Seq.max
                Expect.isLessThan (largest reduced) (largest full) "stabiliser blocks"
                Expect.isLessThan (2 * reduced.Problem.ConstraintCount) full.Problem.ConstraintCount "invariant coordinates"
                Expect.floatClose Accuracy.high (value reduced) (value full) $"P_g, guess {guess.Parties.Length} part(ies)"
        }

        test "qutrits (order-3 relabellings, complex unitaries): GHZ with two mutually unbiased bases keeps its value" {
            let state = States.NoisyGhz(3, 3, 0.8)
            let bases = [| Measurements.MutuallyUnbiased(3, 1); Measurements.MutuallyUnbiased(3, 0) |] :> System.Collections.Generic.IReadOnlyList<Povm>
            let a = AssemblageBuilder.Build(state, [| 0 |], [| bases; bases |])
            let reduced = QLevel.buildWith true names bob (GeneratingSetSpec.Level 1) a
            let full = QLevel.buildWith false names bob (GeneratingSetSpec.Level 1) a
            Expect.stringContains reduced.Reduction "3 guesses in orbits of 3" "one orbit of Bob's three outcomes"
            Expect.floatClose Accuracy.high (value reduced) (value full) "P_g"
        }

        test "qutrit GHZ with three MUBs: the whole stabiliser splits Γ into more than two blocks, copies kept once, same value" {
            // Guessing X (mub(1)) outcomes: H_O holds X⊗X⊗X (order 3, no involution) and whatever else fixes the guess, so
            // one involution (two halves, the former reduction) is not the finest split; blocks that another element
            // carries onto each other (an irrep of dimension > 1) are kept once. The value must be the full problem's.
            let bases = [| Measurements.MutuallyUnbiased(3, 1); Measurements.MutuallyUnbiased(3, 0); Measurements.MutuallyUnbiased(3, 2) |] :> System.Collections.Generic.IReadOnlyList<Povm>
            let a = AssemblageBuilder.Build(States.NoisyGhz(3, 3, 0.8), [| 0 |], [| bases; bases |])
            for guess in [ joint; bob ] do
                let reduced = QLevel.buildWith true names guess (GeneratingSetSpec.Level 1) a
                let full = QLevel.buildWith false names guess (GeneratingSetSpec.Level 1) a
                // Γ is indexed by S = {I} ∪ 6 projectors of Bob ∪ 6 of Charlie, times d_A = 3; two halves would be ≥ 20.
                let gammaSize = (1 + 6 + 6) * 3
                let largest = reduced.Problem.Blocks |> Seq.map (fun b -> b.Size) |> Seq.max
                Expect.equal (full.Problem.Blocks |> Seq.map (fun b -> b.Size) |> Seq.max) gammaSize "the full Γ"
                Expect.isLessThan (2 * largest) gammaSize $"every block below half of Γ ({reduced.Reduction})"
                Expect.floatClose Accuracy.high (value reduced) (value full) $"P_g, guess {guess.Parties.Length} part(ies)"
        }

        test "Q at level 0 (S = {I}), reduced, is the no-signalling program: equal values on GHZ, W and qutrit data" {
            let cases =
                [ "GHZ 0.7, joint", assemblage (ghz 0.7) 3, joint
                  "GHZ 0.8, Bob", assemblage (ghz 0.8) 3, bob
                  "GHZ 1 (pure), joint", assemblage (ghz 1.0) 2, joint
                  "W, joint", assemblage (wState 0.575 0.582 0.576) 3, joint
                  "qutrit GHZ 0.6, joint",
                  (let bases = [| Measurements.MutuallyUnbiased(3, 1); Measurements.MutuallyUnbiased(3, 0) |] :> System.Collections.Generic.IReadOnlyList<Povm>
                   AssemblageBuilder.Build(States.NoisyGhz(3, 3, 0.6), [| 0 |], [| bases; bases |])),
                  joint ]
            for (name, a, guess) in cases do
                let chosen = Relaxations.NoSignalling(a, guess.Parties, guess.Settings, true)
                Expect.isTrue (chosen :? Relaxation) $"{name}: symmetric"
                let reduced = chosen :?> Relaxation
                let ns = Relaxations.NoSignallingProgram(a, guess.Parties, guess.Settings)
                let nsValue =
                    match solve ns.Problem with
                    | Ok s -> (ns.Read s).Bound
                    | Error e -> failwith e
                Expect.floatClose Accuracy.high (value reduced) nsValue name
        }

        test "a sweep built at white noise (no U can be fixed there) is reduced by shifts, then by the data's group" {
            let white = QLevel.buildWith true names joint (GeneratingSetSpec.Level 1) (assemblage (ghz 0.0) 3)
            let whiteFull = QLevel.buildWith false names joint (GeneratingSetSpec.Level 1) (assemblage (ghz 0.0) 3)
            // Shifting all outcomes of a party leaves white noise unchanged with U = I: 2 × 2 of them.
            Expect.stringContains white.Reduction "4 relabellings, 4 guesses in orbits of 4" "white noise: reduced by shifts"
            Expect.floatClose Accuracy.high (value white) (value whiteFull) "P_g = 1 either way"
            let later = white.WithData(assemblage (ghz 0.8) 3)
            Expect.stringContains later.Reduction "4 guesses in orbits of 4" "reduced from the next point on"
            let direct = QLevel.buildWith false names joint (GeneratingSetSpec.Level 1) (assemblage (ghz 0.8) 3)
            Expect.floatClose Accuracy.high (value later) (value direct) "same value"
            let ns = Relaxations.NoSignalling(assemblage (ghz 0.0) 3, joint.Parties, joint.Settings, true)
            Expect.isTrue (ns :? Relaxation) "kept for the sweep"
            Expect.stringContains (ns.WithData(assemblage (ghz 0.7) 3)).Reduction "symmetry" "NS reduced at μ = 0.7"
        }

        test "swapping the data of a stabiliser-split relaxation gives the blocks and constants of a fresh build" {
            // The sweep re-uses the prototype's symmetry blocks (not recomputed per point): F0 and the offset must still be
            // those built from scratch at the new data, to 1e-12, and the F_k the prototype's.
            for guess in [ joint; bob ] do
                let r = QLevel.buildWith true names guess (GeneratingSetSpec.Level 2) (assemblage (ghz 0.8) 3)
                let swapped = r.WithData(assemblage (ghz 0.6) 3)
                let fresh = QLevel.buildWith true names guess (GeneratingSetSpec.Level 2) (assemblage (ghz 0.6) 3)
                Expect.stringContains r.Reduction "symmetry" "reduced"
                Expect.isTrue (obj.ReferenceEquals(swapped.Problem.A, r.Problem.A)) "F_k reused"
                Expect.sequenceEqual (swapped.Problem.Blocks |> Seq.map (fun b -> b.Size)) (fresh.Problem.Blocks |> Seq.map (fun b -> b.Size)) "blocks"
                Expect.floatClose { absolute = 1e-12; relative = 0.0 } swapped.ObjectiveOffset fresh.ObjectiveOffset "offset"
                let entries (m: SteeringRng.Sdp.SdpMatrix) =
                    m.Entries |> Seq.map (fun e -> (e.Block, e.Row, e.Col), Complex(e.Value, e.Imag)) |> Map.ofSeq
                let a, b = entries swapped.Problem.C, entries fresh.Problem.C
                let keys = Set.union (a |> Map.keys |> Set.ofSeq) (b |> Map.keys |> Set.ofSeq)
                let at (m: Map<_, Complex>) k = m |> Map.tryFind k |> Option.defaultValue Complex.Zero
                let worst = keys |> Seq.map (fun k -> (at a k - at b k).Magnitude) |> Seq.fold max 0.0
                Expect.isLessThan worst 1e-12 "F0 as if built from scratch"
                Expect.isGreaterThan (a.Count) 0 "F0 has entries"
        }

        test "random data: no symmetric NS, the plain program is used" {
            let chosen = Relaxations.NoSignalling(assemblage (randomState 2) 3, joint.Parties, joint.Settings, true)
            Expect.isFalse (chosen :? Relaxation) "no reduction"
            Expect.isTrue (chosen :? SteeringRng.Relaxation.Steering.GuessingRelaxation) "the plain NS program"
            Expect.equal chosen.Reduction "" "built in full"
        }

        test "pure data (facial reduction) and several orbits: GHZ at μ = 1 and a W state" {
            let cases =
                [ "GHZ μ = 1", assemblage (ghz 1.0) 3, joint, 4
                  "GHZ μ = 1, Bob", assemblage (ghz 1.0) 3, bob, 2
                  "W", assemblage (wState 0.575 0.582 0.576) 3, joint, 2 ]
            for (name, a, guess, orbitCount) in cases do
                let reduced = QLevel.buildWith true names guess (GeneratingSetSpec.Terms "1+BC") a
                let full = QLevel.buildWith false names guess (GeneratingSetSpec.Terms "1+BC") a
                let gammas (r: Relaxation) = r.Problem.Blocks |> Seq.filter (fun b -> b.Size > 2) |> Seq.length
                Expect.equal (gammas full / gammas reduced) orbitCount $"{name}: guesses per orbit"
                Expect.floatClose Accuracy.high (value reduced) (value full) name
        }

        test "the reduced relaxation reads back every guess's moments: Σ_e M^e = data, objective = Σ_e Tr M^e(guess)" {
            let a = assemblage (ghz 0.8) 3
            let r = QLevel.buildWith true names joint (GeneratingSetSpec.Terms "1+BC") a
            let w = match solve r.Problem with Ok s -> s.Y |> Seq.toArray | Error e -> failwith e
            Expect.equal r.GuessTuples.Count 4 "all four guesses"
            let scenario = r.Scenario
            let letter j y b = Word.ofLetter (Letter.make j y b)
            // Σ_e M^e(w) against the data computed here from ρ (QkGhz.moment), for data words.
            let words =
                [ Word.Identity; letter 0 0 0; letter 1 1 0; letter 0 2 0
                  (Word.ofLetters [ Letter.make 0 1 0; Letter.make 1 0 0 ]).Value ]
            for word in words do
                let sum = Array2D.zeroCreate 2 2
                for e in 0..3 do
                    let m = r.Moment(w, e, word)
                    for i in 0..1 do
                        for k in 0..1 do
                            sum[i, k] <- sum[i, k] + m[i, k]
                let expected = moment (ghz 0.8) word
                for i in 0..1 do
                    for k in 0..1 do
                        Expect.isLessThan (sum[i, k] - expected[i, k]).Magnitude 1e-7 $"Σ_e M^e({scenario.FormatWord word})"
            // P_g = Σ_e Tr M^e(B_{e_B|X} C_{e_C|X}) with the last outcome written as I − B_{0|X}.
            let projector j b =
                if b = 0 then [ letter j 0 0, 1.0 ] else [ Word.Identity, 1.0; letter j 0 0, -1.0 ]
            let mutable pg = 0.0
            for e in 0..3 do
                let t = r.GuessTuples[e]
                for (u, cu) in projector 0 t[0] do
                    for (v, cv) in projector 1 t[1] do
                        let m = r.Moment(w, e, (Word.multiply u v).Value)
                        pg <- pg + cu * cv * (m[0, 0] + m[1, 1]).Real
            match solve r.Problem with
            | Ok s -> Expect.floatClose Accuracy.medium pg (r.Read s).Attained "objective"
            | Error e -> failwith e
        }
    ]
