/// Antiunitary symmetries (complex conjugation with an outcome relabelling, docs/formulations/symmetry-reduction.md):
/// found exactly on noisy GHZ with X, Y, Z (conjugation flips the Y outcomes), absent on random data, and the real
/// blocks they give keep the full problem's value while halving the order the solver works with.
module SteeringRng.Relaxation.Tests.Symmetry.AntiunitaryTests

open System
open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Quantum
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Symmetry
open SteeringRng.Sdp
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.QkGhz
open SteeringRng.Relaxation.Tests.Symmetry.SymmetryFixtures

let private conj (a: Complex[,]) = Array2D.map Complex.Conjugate a


/// The Hermitian blocks of Γ against the real ones (positivity blocks of order d = 2 and below left out).
let private gammaBlocks (r: Relaxation) = r.Problem.Blocks |> Seq.filter (fun b -> b.Size > 2) |> Seq.toArray

[<Tests>]
let tests =
    testList "Q_k antiunitary symmetry" [
        test "noisy GHZ with X, Y, Z: U conj(σ_{bc|yz}) U† = σ_{π(b)π(c)|yz} on the independently computed assemblage" {
            let a = assemblage (ghz 0.8) 3
            let k = SymmetrySearch.findAntiunitaryCancellable Threading.CancellationToken.None (dataOf a)
            Expect.isSome k "an antiunitary symmetry"
            let group = SymmetrySearch.find (dataOf a)
            let coset = AntiunitaryCoset.coset group k.Value
            Expect.isSome coset "K normalises the stabiliser group"
            let mutable flipsY = false
            for g in coset.Value do
                for y in 0..2 do
                    for z in 0..2 do
                        for b in 0..1 do
                            for c in 0..1 do
                                let lhs = matmul (matmul g.Unitary (conj a[[| b; c |], [| y; z |]])) (dagger g.Unitary)
                                let pb, pc = g.Relabel[0][y], g.Relabel[1][z]
                                let rhs = a[[| pb[b]; pc[c] |], [| y; z |]]
                                for i in 0..1 do
                                    for l in 0..1 do
                                        Expect.isLessThan (lhs[i, l] - rhs[i, l]).Magnitude 1e-12 "antiunitary symmetry holds"
                // conj(Y) = −Y: conjugation alone (U = I) flips both Y outcomes and nothing else.
                if g.Relabel[0][1] = [| 1; 0 |] && g.Relabel[1][1] = [| 1; 0 |]
                   && g.Relabel[0][0] = [| 0; 1 |] && g.Relabel[0][2] = [| 0; 1 |]
                   && g.Relabel[1][0] = [| 0; 1 |] && g.Relabel[1][2] = [| 0; 1 |] then
                    flipsY <- true
            Expect.equal coset.Value.Length 8 "K ∘ G has |G| = 8 elements"
            Expect.isTrue flipsY "complex conjugation with both Y outcomes flipped is among them"
        }

        test "random data have no antiunitary symmetry" {
            let rng = Random 11
            let g = Array2D.init 8 8 (fun _ _ -> Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5))
            let rho = matmul g (dagger g)
            let t = Seq.init 8 (fun i -> rho[i, i].Real) |> Seq.sum
            let a = assemblage (Array2D.map (fun z -> z / Complex(t, 0.0)) rho) 3
            Expect.isNone (SymmetrySearch.findAntiunitaryCancellable Threading.CancellationToken.None (dataOf a)) "none"
        }

        test "GHZ level 2 (the Fig. 2 relaxation): every Γ block real, of half the realified order, same value as the full problem" {
            for mu in [ 0.55; 0.8 ] do
                let a = assemblage (ghz mu) 3
                for guess in [ joint; bob ] do
                    let reduced = QLevel.buildWith true names guess (GeneratingSetSpec.Level 2) a
                    let full = QLevel.buildWith false names guess (GeneratingSetSpec.Level 2) a
                    let gamma = gammaBlocks reduced
                    Expect.isTrue (gamma |> Array.forall (fun b -> b.Kind = SdpConeKind.Psd)) $"real Γ blocks ({reduced.Reduction})"
                    Expect.stringContains reduced.Reduction "antiunitary" "the note names the antiunitary symmetries"
                    // Γ of one guess is |S|·d = 28·2 = 56 complex; realified 112. Kept blocks: 28 + 28 (joint: the
                    // two halves of XXX, each real) or one 28 (Bob: one of two copies under the projective Klein group).
                    let order = gamma |> Array.sumBy (fun b -> b.Size)
                    Expect.equal order (if guess.Parties.Length = 2 then 56 else 28) "real blocks of half the realified order"
                    Expect.floatClose Accuracy.high (value reduced) (value full) $"P_g at μ = {mu}, guess {guess.Parties.Length} part(ies)"
        }

        test "GHZ level 1, joint guess: one positivity block per orbit of outcome tuples (18 of 36), same value as the full problem" {
            // H_O ∪ K H_O = {I, XXX, K, K∘XXX}: XXX flips the Y and Z outcomes of both parties, K the Y outcomes. Per
            // setting pair the orbits of (b, c): XX 4; XY, YX, XZ, ZX 2 each; YY, ZZ 2 each; YZ, ZY 1 each: 18 in all.
            let a = assemblage (ghz 0.8) 3
            let reduced = QLevel.buildWith true names joint (GeneratingSetSpec.Level 1) a
            let full = QLevel.buildWith false names joint (GeneratingSetSpec.Level 1) a
            let positivity = reduced.Problem.Blocks |> Seq.filter (fun b -> b.Size = 2) |> Seq.length
            Expect.equal positivity 18 $"positivity blocks ({reduced.Reduction})"
            Expect.floatClose Accuracy.high (value reduced) (value full) "P_g"
        }
    ]
