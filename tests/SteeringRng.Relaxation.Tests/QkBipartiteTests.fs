module SteeringRng.Relaxation.Tests.QkBipartiteTests

open System
open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Quantum
open SteeringRng.Relaxation.Tests.NpaTestSolver

/// Maximally entangled pair of qudits, Bob measuring the computational basis (setting 0) and the Fourier basis
/// (setting 1), white noise of weight 1 − μ: σ_{b|x} = μ (|φ_{b|x}⟩⟨φ_{b|x}|)ᵀ / d + (1 − μ) I / d².
let private maximallyEntangled (d: int) (mu: float) =
    let basis x b =
        Array.init d (fun k ->
            if x = 0 then (if k = b then Complex.One else Complex.Zero)
            else Complex.FromPolarCoordinates(1.0 / sqrt (float d), 2.0 * Math.PI * float (b * k) / float d))
    Assemblage(
        d, [| 2 |], [| d |],
        Func<int array, int array, Complex[,]>(fun a x ->
            let v = basis x[0] a[0]
            // (|v⟩⟨v|)ᵀ = |v̄⟩⟨v̄|
            Array2D.init d d (fun i j ->
                Complex(mu / float d, 0.0) * Complex.Conjugate(v[i]) * v[j]
                + (if i = j then Complex((1.0 - mu) / float (d * d), 0.0) else Complex.Zero))))

let private guessingProbability (d: int) (mu: float) =
    let r = QLevel.build [| "B" |] ({ Parties = [| 0 |]; Settings = [| 0 |] }: GuessSpec) (GeneratingSetSpec.Level 1) (maximallyEntangled d mu)
    match solve r.Problem with
    | Ok s -> (r.Read s).Attained
    | Error reason -> skiptest reason

[<Tests>]
let tests =
    testList "Q_k with one untrusted party" [
        test "maximally entangled qubits, X and Z: one bit (P_g = 1/2) at μ = 1" {
            Expect.floatClose { absolute = 1e-7; relative = 0.0 } (guessingProbability 2 1.0) 0.5 "pure data, facially reduced"
        }

        test "maximally entangled qutrits, two mutually unbiased bases: P_g = 1/3 at μ = 1" {
            // Three outcomes: the last one is I − B0 − B1 in every block (Collins–Gisin elimination).
            Expect.floatClose { absolute = 1e-7; relative = 0.0 } (guessingProbability 3 1.0) (1.0 / 3.0) "log2 3 bits"
        }

        test "below the two-setting steering threshold 1/√2 the qubit data are unsteerable: P_g = 1" {
            Expect.floatClose { absolute = 1e-6; relative = 0.0 } (guessingProbability 2 0.6) 1.0 "μ = 0.6 < 0.707"
            Expect.isLessThan (guessingProbability 2 0.8) 0.99 "μ = 0.8 > 0.707: some randomness"
        }
    ]
