module SteeringRng.Algebra.Tests.GeneratingSetTests

open System
open Expecto
open SteeringRng.Algebra
open SteeringRng.Algebra.Tests.Generators

/// All raw products of exactly n letters drawn from `letters`.
let rec private rawProducts (letters: (int * int * int) list) (n: int) : (int * int * int) list list =
    if n = 0 then [ [] ] else [ for x in letters do for rest in rawProducts letters (n - 1) -> x :: rest ]

/// Brute force: reduce every raw product with the naive reducer and collect the distinct nonzero words.
let private bruteForce (raws: (int * int * int) list seq) =
    raws |> Seq.choose (fun r -> match naiveWordOf r with ValueSome w -> Some w | ValueNone -> None) |> Set.ofSeq

let private bruteLevel (k: int) =
    bruteForce (seq { for n in 0..k do yield! rawProducts (List.ofArray generators) n })

let private ofParty p = generators |> Array.filter (fun (q, _, _) -> q = p) |> List.ofArray

let private messageOf (f: unit -> 'a) =
    try
        f () |> ignore
        ""
    with :? ArgumentException as e -> e.Message

[<Tests>]
let tests =
    testList "Generating sets" [
        test "level k = all canonical words of length ≤ k (brute force over raw products)" {
            for k in 0..3 do
                let built = GeneratingSet.level scenario k
                Expect.equal (Set.ofArray built) (bruteLevel k) $"level {k}"
                Expect.equal built.Length (Array.distinct built).Length "no duplicates"
                Expect.equal built[0] Word.Identity "identity first"
        }

        test "level sizes of the I3322 scenario match the closed form Σ_{i+j≤k} a_i a_j, a = 1, 3, 6, 12, 24" {
            let sc = Scenario([ Party.uniform "A" 3 2; Party.uniform "B" 3 2 ])
            // per party: 3 words of length 1, then each letter can be followed by the 2 other settings
            let a = [| 1; 3; 6; 12; 24; 48 |]
            for k in 1..5 do
                let expected = Seq.sum (seq { for i in 0..k do for j in 0 .. k - i -> a[i] * a[j] })
                Expect.equal (GeneratingSet.level sc k).Length expected $"level {k}"
        }

        test "\"1+BC\" is level 1 plus all products of one B and one C generator" {
            let built = GeneratingSet.parse scenario "1+BC"
            let expected = Set.union (bruteLevel 1) (bruteForce [ for b in ofParty 0 do for c in ofParty 1 -> [ b; c ] ])
            Expect.equal (Set.ofArray built) expected "1+BC"
            Expect.equal (Set.ofArray (GeneratingSet.parse scenario "1 + C B")) expected "spaces and order of letters do not matter"
        }

        test "\"1+B+C+BC+BBC\" includes the reduced products of two B and one C generators" {
            let built = GeneratingSet.parse scenario "1+B+C+BC+BBC"
            let bbc = bruteForce [ for b1 in ofParty 0 do for b2 in ofParty 0 do for c in ofParty 1 -> [ b1; b2; c ] ]
            let bc = bruteForce [ for b in ofParty 0 do for c in ofParty 1 -> [ b; c ] ]
            let expected = Set.unionMany [ bruteLevel 1; bc; bbc ]
            Expect.equal (Set.ofArray built) expected "1+B+C+BC+BBC"
            Expect.equal (Set.ofArray (GeneratingSet.parse scenario "1+BC+B^2C")) expected "B^2C = BBC"
        }

        test "explicit word lists gain the identity and lose duplicates" {
            let w = (wordOf [ (0, 0, 0) ]).Value
            let built = GeneratingSet.build scenario (GeneratingSetSpec.Words [ w; w ])
            Expect.equal built [| Word.Identity; w |] "identity added, duplicate dropped"
        }

        test "level with products by party index = the level string with those party letters" {
            let byIndex = GeneratingSet.build scenario (GeneratingSetSpec.LevelWithProducts(1, [| [| 0; 1 |] |]))
            Expect.equal byIndex (GeneratingSet.build scenario (GeneratingSetSpec.Terms "1+BC")) "(1, [BC]) = 1+BC"
            let several = GeneratingSet.build scenario (GeneratingSetSpec.LevelWithProducts(0, [| [| 0; 0; 1 |]; [| 2 |]; [| 1; 2 |] |]))
            Expect.equal several (GeneratingSet.parse scenario "0+BBC+D+CD") "(0, [BBC; D; CD]) = 0+BBC+D+CD"
        }

        test "level with products works for any party names (level strings need one letter each)" {
            let named =
                Scenario([ { Name = "Bob1"; Outcomes = [| 2; 3; 2 |] }; { Name = "Bob2"; Outcomes = [| 3; 3 |] }; { Name = "Charlie"; Outcomes = [| 2 |] } ])
            Expect.stringContains (messageOf (fun () -> GeneratingSet.build named (GeneratingSetSpec.Terms "1+BC"))) "one-letter party names" "Terms refused"
            // Same outcome counts as `scenario`, so the words (letters are indices) must be the same.
            let spec = GeneratingSetSpec.LevelWithProducts(2, [| [| 0; 1; 2 |] |])
            Expect.equal (GeneratingSet.build named spec) (GeneratingSet.build scenario spec) "names do not matter"
            Expect.equal (GeneratingSet.build named spec) (GeneratingSet.parse scenario "2+BCD") "= 2+BCD"
        }

        test "explicit words next to a level: all B·C words as words = the pattern BC; a subset lies in between" {
            let bc = GeneratingSet.product scenario [ 0; 1 ] |> List.ofSeq
            let asWords = GeneratingSet.build scenario (GeneratingSetSpec.LevelWithWords(1, [||], bc))
            Expect.equal asWords (GeneratingSet.parse scenario "1+BC") "(1, [], all B·C words) = 1+BC"
            let one = GeneratingSet.build scenario (GeneratingSetSpec.LevelWithWords(1, [| [| 2 |] |], [ bc.Head ]))
            Expect.equal one (Array.append (GeneratingSet.parse scenario "1+D") [| bc.Head |] |> Array.sort) "level, products and a word"
        }

        test "a level string takes words as steer show prints them (a term with '|')" {
            let w = (wordOf [ (0, 1, 0); (1, 0, 0) ]).Value
            Expect.equal (GeneratingSet.parse scenario "1+B0|1 C0|0") (Array.append (GeneratingSet.level scenario 1) [| w |] |> Array.sort) "B0|1 C0|0"
            Expect.equal (GeneratingSet.parse scenario "1+B0|1C0|0") (GeneratingSet.parse scenario "1+B0|1 C0|0") "without the blank"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.parse scenario "1+B1|0C0|0")) "is the last one of setting 0: it is not a generator" "last outcome"
        }

        test "explicit words must be generators of the scenario" {
            let last = (Word.ofLetters [ Letter.make 0 0 1 ]).Value // B_{1|0}: the last outcome of a two-outcome setting
            let outside = (Word.ofLetters [ Letter.make 0 7 0 ]).Value
            let build w = fun () -> GeneratingSet.build scenario (GeneratingSetSpec.LevelWithWords(1, [||], [ w ]))
            Expect.stringContains (messageOf (build last)) "is the last one of setting 0: it is not a generator" "last outcome"
            Expect.stringContains (messageOf (build outside)) "got 7" "setting out of range"
        }

        test "level with products rejects party indices outside the scenario" {
            Expect.stringContains (messageOf (fun () -> GeneratingSet.build scenario (GeneratingSetSpec.LevelWithProducts(1, [| [| 0; 3 |] |])))) "Party index 3" "too large"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.build scenario (GeneratingSetSpec.LevelWithProducts(1, [| [| -1 |] |])))) "parties 0..2" "negative"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.build scenario (GeneratingSetSpec.LevelWithProducts(-1, [||])))) "nonnegative" "negative level"
        }

        test "bad level strings are rejected with the term and the reason" {
            Expect.stringContains (messageOf (fun () -> GeneratingSet.parse scenario "1+BX")) "'X' is not a party (parties: B, C, D" "unknown party"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.parse scenario "1++B")) "empty term" "empty term"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.parse scenario "1+B^")) "must be followed by a power" "missing power"
            Expect.stringContains (messageOf (fun () -> GeneratingSet.parse scenario " ")) "must not be empty" "blank"
        }
    ]
