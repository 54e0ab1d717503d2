module SteeringRng.Relaxation.Tests.NpaBellTests

open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Tests.NpaTestSolver

let chshScenario = Scenario([ Party.uniform "A" 2 2; Party.uniform "B" 2 2 ])

/// CHSH = ⟨A0B0⟩ + ⟨A0B1⟩ + ⟨A1B0⟩ − ⟨A1B1⟩ with A_x = 2 P_{0|x} − I (Collins–Gisin generators only).
let chsh =
    let obs party x = 2.0 * chshScenario.Projector(party, x, 0) - Polynomial.One
    obs 0 0 * obs 1 0 + obs 0 1 * obs 1 0 + obs 0 0 * obs 1 1 - obs 0 1 * obs 1 1

let i3322Scenario = Scenario([ Party.uniform "A" 3 2; Party.uniform "B" 3 2 ])

/// I3322 in Collins–Gisin form (Collins & Gisin, J. Phys. A 37, 1775 (2004)):
///   −p_A(0|0) − 2 p_B(0|0) − p_B(0|1) + Σ_{xy} c_xy p(00|xy),  c = [[1, 1, 1], [1, 1, −1], [1, −1, 0]].
let i3322 =
    let pa x = i3322Scenario.Projector(0, x, 0)
    let pb y = i3322Scenario.Projector(1, y, 0)
    let c = array2D [ [ 1.0; 1.0; 1.0 ]; [ 1.0; 1.0; -1.0 ]; [ 1.0; -1.0; 0.0 ] ]
    let mutable e = -1.0 * pa 0 - 2.0 * pb 0 - pb 1
    for x in 0..2 do
        for y in 0..2 do
            if c[x, y] <> 0.0 then e <- e + c[x, y] * (pa x * pb y)
    e

let private solvedValue (r: Relaxation) =
    match solve r.Problem with
    | Ok s -> (r.Read s).Attained
    | Error reason -> skiptest reason

[<Tests>]
let tests =
    testList "NPA for Bell expressions" [
        test "CHSH at level 1 is one 5×5 block with one variable per word class" {
            let r = Relaxations.NpaBell(chshScenario, chsh, 1)
            Expect.equal r.Problem.Blocks.Count 1 "one block"
            Expect.equal r.Problem.Blocks[0].Size 5 "1, A0, A1, B0, B1"
            // classes: A0, A1, B0, B1, A0A1 (= A1A0 up to adjoint), B0B1, four AB products
            Expect.equal r.Problem.ConstraintCount 10 "distinct moments up to adjoint"
            // (2P−I)(2Q−I) has constant +1: three plus signs and one minus leave 2.
            Expect.equal r.ObjectiveOffset 2.0 "constant term of CHSH in Collins–Gisin form"
        }

        test "the moment matrix holds the identity at (1,1) and ⟨u†v⟩ by variable elsewhere" {
            let r = Relaxations.NpaBell(chshScenario, chsh, 1)
            let w = Array.init r.Problem.ConstraintCount (fun k -> float (k + 2))
            let gamma = (evaluate r.Problem w)[0]
            Expect.equal gamma[0, 0].Real 1.0 "Γ(1,1) = 1"
            let s = r.GeneratingSet
            for i in 0 .. s.Count - 1 do
                for j in 0 .. s.Count - 1 do
                    match Word.momentOf s[i] s[j] with
                    | ValueSome word when not word.IsIdentity ->
                        let m = r.Moment(w, 0, word)
                        Expect.equal gamma[i, j].Real m[0, 0].Real $"Γ({i},{j})"
                    | _ -> ()
        }

        test "a term outside the moment matrix is rejected" {
            let a0a1b0 = Polynomial.OfWord((i3322Scenario.ParseWord "A0|0 A0|1 A0|0 B0|0").Value)
            let message =
                try
                    Relaxations.NpaBell(i3322Scenario, a0a1b0, 1) |> ignore
                    ""
                with :? System.ArgumentException as e -> e.Message
            Expect.stringContains message "not in the moment matrix" "names the problem"
        }

        test "a non-Hermitian expression is rejected" {
            let w = Polynomial.OfWord((chshScenario.ParseWord "A0|0 A0|1").Value)
            Expect.throwsT<System.ArgumentException> (fun () -> Relaxations.NpaBell(chshScenario, w, 2) |> ignore) "A0A1 alone"
        }

        test "CHSH reaches Tsirelson's bound 2√2 at level 1" {
            let v = solvedValue (Relaxations.NpaBell(chshScenario, chsh, 1))
            Expect.floatClose { absolute = 1e-7; relative = 0.0 } v (2.0 * sqrt 2.0) "2√2"
        }

        test "I3322 at levels 1, 1+AB, 2, 3 gives the published values" {
            // Levels of the NPA hierarchy for I3322 (Collins–Gisin form); e.g. Pál & Vértesi, PRA 82, 022116 (2010).
            for level, expected in [ "1", 0.375; "1+AB", 0.2514708978; "2", 0.2509397216; "3", 0.2508755621 ] do
                let v = solvedValue (Relaxations.NpaBell(i3322Scenario, i3322, GeneratingSetSpec.Terms level))
                Expect.floatClose { absolute = 1e-7; relative = 0.0 } v expected $"level {level}"
        }
    
        test "CSDP agrees on I3322 level 2 (cross-check through SDPA files)" {
            let r = Relaxations.NpaBell(i3322Scenario, i3322, GeneratingSetSpec.Terms "2")
            match solveWithCsdp r.Problem with
            | Ok s -> Expect.floatClose { absolute = 1e-7; relative = 0.0 } (r.Read s).Attained 0.2509397216 "level 2"
            | Error reason -> skiptest reason
        }
    ]
