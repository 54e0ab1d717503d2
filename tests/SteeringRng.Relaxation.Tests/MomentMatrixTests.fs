module SteeringRng.Relaxation.Tests.MomentMatrixTests

open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation

/// B: two settings with 3 outcomes (2 generators each); C: two binary settings.
let private scenario = Scenario([ Party.uniform "B" 2 3; Party.uniform "C" 2 2 ])

let private generators =
    [ for p in 0..1 do
          let party = scenario.Party p
          for y in 0 .. party.Outcomes.Length - 1 do
              for b in 0 .. party.Outcomes[y] - 2 -> p, y, b ]

/// A second, naive reducer: repeatedly bubble letters of different parties into party order, merge equal
/// neighbours, zero orthogonal ones (no packing, no stack).
let rec private naive (xs: (int * int * int) list) =
    let rec pass changed acc xs =
        match xs with
        | (p, y, b) :: (q, z, c) :: rest when p = q && y = z -> if b = c then pass true acc ((p, y, b) :: rest) else None
        | (p, y, b) :: (q, z, c) :: rest when p > q -> pass true ((q, z, c) :: acc) ((p, y, b) :: rest)
        | x :: rest -> pass changed (x :: acc) rest
        | [] -> Some(changed, List.rev acc)
    match pass false [] xs with
    | None -> None
    | Some(true, next) -> naive next
    | Some(false, fixedPoint) -> Some fixedPoint

let rec private raws n = if n = 0 then [ [] ] else [ for g in generators do for r in raws (n - 1) -> g :: r ]

let private upTo k = [ for n in 0..k do yield! raws n ]

let private asWord (xs: (int * int * int) list) = xs |> List.map (fun (p, y, b) -> Letter.make p y b) |> Word.ofLetters |> fun w -> w.Value

[<Tests>]
let tests =
    testList "Moment matrices" [
        // Issue 16: four qubit parties at NPA level 7 (n = 73 696) overflowed n(n+1)/2 in 32 bits. The triangle of
        // n = 65 536 words has 2 147 516 416 entries (n(n+1)/2, by hand), over Array.MaxLength = 2 147 483 591: refused with
        // a plain ArgumentException before any product is formed (no OverflowException, no huge allocation).
        test "a generating set whose triangle cannot be held in one array is refused plainly, sizes in 64 bits" {
            Expect.equal (MomentMatrix.UpperEntryCount 65536) 2147516416L "n(n+1)/2 for n = 2^16"
            Expect.equal (MomentMatrix.UpperEntryCount 73696) 2715587056L "n(n+1)/2 for four qubits, XYZ, level 7"
            Expect.equal MomentMatrix.MaxSize 65535 "the largest n with n(n+1)/2 <= Array.MaxLength (65535·65536/2 = 2 147 450 880)"
            let words = Array.create 65536 Word.Identity
            let message = (try MomentMatrix.Build words |> ignore; "(built)" with :? System.ArgumentException as e -> e.Message)
            Expect.stringContains message "2147516416 upper-triangle entries" "says how large"
            Expect.stringContains message "lower the NPA level" "says what to reduce"
        }
        test "distinct words and zero entries match a brute-force count over raw products" {
            for k in 1..3 do
                let moments = MomentMatrix.Build(GeneratingSet.level scenario k)
                // Γ(u, v) = u† v; projectors are Hermitian, so u† is u reversed.
                let brute =
                    [ for u in upTo k do
                          for v in upTo k do
                              match naive (List.rev u @ v) with
                              | Some w -> yield asWord w
                              | None -> () ]
                    |> Set.ofList
                Expect.equal (Set.ofArray moments.DistinctWords) brute $"distinct words at level {k}"
                let s = upTo k |> List.choose naive |> List.distinct |> List.toArray
                Expect.equal moments.Size s.Length $"size at level {k}"
                let zeros =
                    [ for i in 0 .. s.Length - 1 do
                          for j in i .. s.Length - 1 do
                              if (naive (List.rev s[i] @ s[j])).IsNone then yield () ]
                    |> List.length
                Expect.equal moments.ZeroCount zeros $"vanishing upper-triangle entries at level {k}"
        }

        test "the lower triangle holds the adjoints of the upper one" {
            let moments = MomentMatrix.Build(GeneratingSet.level scenario 2)
            for i in 0 .. moments.Size - 1 do
                for j in 0 .. i - 1 do
                    Expect.equal (moments.Entry(i, j)) (moments.Entry(j, i) |> ValueOption.map Word.adjoint) $"({i},{j})"
        }

        test "the layout printer shows the monomials and the word grid" {
            let sc = Scenario([ Party.uniform "A" 2 2; Party.uniform "B" 2 2 ])
            let s = GeneratingSet.level sc 1
            let list = Layout.monomials sc s
            Expect.stringContains list "0  1" "identity first"
            Expect.stringContains list "4  B0|1" "last generator"
            let cellsOf (line: string) = System.Text.RegularExpressions.Regex.Split(line.Trim(), @"\s{2,}")
            let grid = (Layout.momentMatrix sc (MomentMatrix.Build s)).Split('\n') |> Array.map cellsOf
            Expect.equal grid[0] [| "1"; "A0|0"; "A0|1"; "B0|0"; "B0|1" |] "header"
            // Row A0|1: Γ(A0|1, v) = A0|1·v; A0|1·A0|0 keeps its order (same party, no commutation).
            Expect.equal grid[3] [| "A0|1"; "A0|1"; "A0|1 A0|0"; "A0|1"; "A0|1 B0|0"; "A0|1 B0|1" |] "row A0|1"
        }

        test "a vanishing product prints as 0" {
            let sc = Scenario([ Party.uniform "B" 1 3 ])
            let grid = Layout.momentMatrix sc (MomentMatrix.Build(GeneratingSet.level sc 1))
            Expect.stringContains grid "B0|0  0" "B0|0 · B1|0 = 0"
        }
    ]
