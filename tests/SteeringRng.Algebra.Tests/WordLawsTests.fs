module SteeringRng.Algebra.Tests.WordLawsTests

open Expecto
open FsCheck.FSharp
open SteeringRng.Algebra
open SteeringRng.Algebra.Tests.Generators

let private adjointReduced (w: Word voption) = w |> ValueOption.map Word.adjoint

[<Tests>]
let tests =
    testList "Word laws" [
        testProperty "canonical form agrees with the naive rewriting system"
        <| Prop.forAll arbRaw (fun raw -> wordOf raw = naiveWordOf raw)

        testProperty "canonical form is idempotent"
        <| Prop.forAll arbRaw (fun raw ->
            match wordOf raw with
            | ValueSome w -> Word.ofLetters (w.ToArray()) = ValueSome w
            | ValueNone -> true)

        testProperty "multiplication is the canonical form of the concatenation"
        <| Prop.forAll arbRaw2 (fun (u, v) -> multiplyReduced (wordOf u) (wordOf v) = naiveWordOf (u @ v))

        testProperty "multiplication is associative"
        <| Prop.forAll arbRaw3 (fun (u, v, w) ->
            let u, v, w = wordOf u, wordOf v, wordOf w
            multiplyReduced (multiplyReduced u v) w = multiplyReduced u (multiplyReduced v w))

        testProperty "the adjoint reverses products: (uv)† = v†u†"
        <| Prop.forAll arbRaw2 (fun (u, v) ->
            let u, v = wordOf u, wordOf v
            adjointReduced (multiplyReduced u v) = multiplyReduced (adjointReduced v) (adjointReduced u))

        testProperty "the adjoint is the canonical form of the reversed product"
        <| Prop.forAll arbRaw (fun raw -> adjointReduced (wordOf raw) = naiveWordOf (List.rev raw))

        testProperty "the adjoint is an involution and the identity is neutral"
        <| Prop.forAll arbRaw (fun raw ->
            match wordOf raw with
            | ValueSome w ->
                Word.adjoint (Word.adjoint w) = w
                && Word.multiply Word.Identity w = ValueSome w
                && Word.multiply w Word.Identity = ValueSome w
            | ValueNone -> true)

        testProperty "operators of different parties commute"
        <| Prop.forAll (Arb.fromGen (Gen.zip genGenerator genGenerator)) (fun (x, y) ->
            let (px, _, _), (py, _, _) = x, y
            px = py || wordOf [ x; y ] = wordOf [ y; x ])

        testProperty "projectors are idempotent: P·P = P"
        <| Prop.forAll (Arb.fromGen genGenerator) (fun x -> wordOf [ x; x ] = wordOf [ x ])

        test "different outcomes of one setting are orthogonal" {
            // C has 3 outcomes per setting, so C0|y and C1|y are both generators.
            for y in 0..1 do
                Expect.equal (wordOf [ (1, y, 0); (1, y, 1) ]) ValueNone $"C0|{y} C1|{y} = 0"
                Expect.equal (wordOf [ (1, y, 1); (1, 0 + y, 0) ]) ValueNone $"C1|{y} C0|{y} = 0"
            // ... but not across settings or parties.
            Expect.isTrue (wordOf [ (1, 0, 0); (1, 1, 1) ]).IsSome "C0|0 C1|1 ≠ 0"
            Expect.isTrue (wordOf [ (0, 1, 0); (1, 1, 1) ]).IsSome "B0|1 C1|1 ≠ 0"
        }

        test "orthogonality acts through commuting letters: B0|1 C0|0 B1|1 = 0" {
            Expect.equal (wordOf [ (0, 1, 0); (1, 0, 0); (0, 1, 1) ]) ValueNone "B's outcomes meet after commuting C"
        }

        test "the order within a party is kept: B0|0 B0|1 ≠ B0|1 B0|0" {
            Expect.notEqual (wordOf [ (0, 0, 0); (0, 1, 0) ]) (wordOf [ (0, 1, 0); (0, 0, 0) ]) "noncommuting"
        }

        test "shortlex order: the identity first, shorter words before longer" {
            let words = [ wordOf [ (0, 0, 0); (0, 1, 0) ]; wordOf [ (1, 0, 0) ]; ValueSome Word.Identity ] |> List.map (fun w -> w.Value)
            let sorted = List.sort words
            Expect.equal sorted[0] Word.Identity "identity first"
            Expect.equal sorted[1].Length 1 "then length 1"
        }

        test "letters reject out-of-range fields with the field's name" {
            let message =
                try
                    Letter.make 0 5000 0 |> ignore
                    ""
                with :? System.ArgumentException as e -> e.Message
            Expect.stringContains message "Setting 5000" "names the field and the value"
        }
    ]
