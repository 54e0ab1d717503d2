module SteeringRng.Algebra.Tests.PolynomialTests

open System.Numerics
open Expecto
open FsCheck.FSharp
open SteeringRng.Algebra
open SteeringRng.Algebra.Tests.Generators

/// Random polynomials: up to 4 terms with small integer complex coefficients (exact arithmetic).
let private genPolynomial =
    gen {
        let! n = Gen.choose (0, 4)
        let! terms = Gen.listOfLength n (Gen.zip3 genRaw (Gen.choose (-3, 3)) (Gen.choose (-3, 3)))
        return
            terms
            |> List.choose (fun (raw, re, im) ->
                match wordOf raw with
                | ValueSome w -> Some(w, Complex(float re, float im))
                | ValueNone -> None)
            |> Polynomial.OfTerms
    }

let private arbPoly3 = Arb.fromGen (Gen.zip3 genPolynomial genPolynomial genPolynomial)

let private projector party setting outcome = scenario.Projector(party, setting, outcome)

[<Tests>]
let tests =
    testList "Polynomial" [
        testProperty "multiplication is associative and distributes over addition"
        <| Prop.forAll arbPoly3 (fun (p, q, r) -> (p * q) * r = p * (q * r) && p * (q + r) = p * q + p * r)

        testProperty "the adjoint reverses products and conjugates coefficients"
        <| Prop.forAll arbPoly3 (fun (p, q, _) -> (p * q).Adjoint() = q.Adjoint() * p.Adjoint())

        testProperty "p − p = 0 and p + 0 = p"
        <| Prop.forAll arbPoly3 (fun (p, _, _) -> (p - p).IsZero && p + Polynomial.Zero = p)

        test "the projectors of one setting sum to the identity (completeness)" {
            for (party, setting, n) in [ 0, 1, 3; 1, 0, 3; 2, 0, 2 ] do
                let sum = [ for b in 0 .. n - 1 -> projector party setting b ] |> List.reduce (+)
                Expect.equal sum Polynomial.One $"Σ_b P_b|{setting} of party {party}"
        }

        test "the last outcome is a projector orthogonal to the others" {
            let last = projector 0 1 2 // B has 3 outcomes at setting 1: B2|1 = I − B0|1 − B1|1
            Expect.equal (last * last) last "P² = P for the eliminated outcome"
            Expect.isTrue (projector 0 1 0 * last).IsZero "B0|1 · B2|1 = 0"
            Expect.isTrue (last * projector 0 1 1).IsZero "B2|1 · B1|1 = 0"
        }

        test "CHSH squared: S² = 4 − [A0, A1][B0, B1] with ±1 observables" {
            let sc = Scenario([ Party.uniform "A" 2 2; Party.uniform "B" 2 2 ])
            let obs party x = 2.0 * sc.Projector(party, x, 0) - Polynomial.One
            let a0, a1, b0, b1 = obs 0 0, obs 0 1, obs 1 0, obs 1 1
            let s = a0 * b0 + a0 * b1 + a1 * b0 - a1 * b1
            let comm x y = x * y - y * x
            Expect.equal (s * s) (4.0 * Polynomial.One - comm a0 a1 * comm b0 b1) "the identity behind Tsirelson's bound"
        }

        test "zero coefficients are not stored" {
            let w = (wordOf [ (0, 0, 0) ]).Value
            let p = Polynomial.OfTerms [ w, Complex.One; w, -Complex.One ]
            Expect.isTrue p.IsZero "cancels to zero"
            Expect.equal (Seq.length p.Coefficients) 0 "no stored terms"
        }
    ]
