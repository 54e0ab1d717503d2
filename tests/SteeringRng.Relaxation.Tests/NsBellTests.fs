module SteeringRng.Relaxation.Tests.NsBellTests

open System
open System.Numerics
open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Tests.NpaTestSolver
open SteeringRng.Relaxation.Tests.NpaBellTests

let private solvedValue (r: Relaxation) =
    match solve r.Problem with
    | Ok s -> (r.Read s).Attained
    | Error reason -> skiptest reason

/// The value of a Collins–Gisin expression for a deterministic strategy: outcome[j][x] for party j, setting x;
/// a generator B_{a|x} of party j is 1 when outcome[j][x] = a.
let private deterministicValue (p: Polynomial) (outcome: int array array) =
    p.Coefficients
    |> Seq.sumBy (fun (w, c) ->
        let holds = Seq.forall (fun i -> outcome[Letter.party w[i]][Letter.setting w[i]] = Letter.outcome w[i]) [ 0 .. w.Length - 1 ]
        if holds then c.Real else 0.0)

/// The local bound: the best deterministic strategy (all outcome assignments of all parties).
let private localBound (scenario: Scenario) (p: Polynomial) =
    let strategiesOf (n: int array) =
        Array.foldBack (fun k tails -> [ for a in 0 .. k - 1 do for t in tails -> a :: t ]) n [ [] ] |> List.map List.toArray
    let perParty = [ for j in 0 .. scenario.PartyCount - 1 -> strategiesOf (scenario.Party(j).Outcomes) ]
    List.foldBack (fun choices tails -> [ for c in choices do for t in tails -> c :: t ]) perParty [ [] ]
    |> List.map (fun s -> deterministicValue p (List.toArray s))
    |> List.max

/// A random expression over all Collins–Gisin words (at most one generator per party), coefficients in [−1, 1].
let private randomExpression (rng: Random) (scenario: Scenario) =
    let options j = ValueNone :: [ for l in scenario.GeneratorLetters j -> ValueSome l ]
    let words =
        List.foldBack (fun j tails -> [ for o in options j do for t in tails -> o :: t ]) [ 0 .. scenario.PartyCount - 1 ] [ [] ]
        |> List.map (List.choose (function ValueSome l -> Some l | ValueNone -> None))
    words
    |> List.map (fun letters ->
        let w = if letters.IsEmpty then Word.Identity else (Word.ofLetters letters).Value
        w, Complex(2.0 * rng.NextDouble() - 1.0, 0.0))
    |> Polynomial.OfTerms

let private close = { absolute = 1e-6; relative = 0.0 }

[<Tests>]
let tests =
    testList "No-signalling bound of Bell expressions" [
        test "CHSH: one variable per Collins–Gisin moment, one row per full probability" {
            let r = Relaxations.NoSignallingBell(chshScenario, chsh)
            // (1 + 2)(1 + 2) − 1 moments: A0, A1, B0, B1 and four products.
            Expect.equal r.Problem.ConstraintCount 8 "Collins–Gisin moments"
            Expect.equal r.Problem.Blocks.Count 1 "one block"
            Expect.equal r.Problem.Blocks[0].Kind SteeringRng.Sdp.SdpConeKind.Nonnegative "an LP"
            // (2 settings × 2 outcomes)² events (a b | x y).
            Expect.equal r.Problem.Blocks[0].Size 16 "full probabilities"
        }

        test "CHSH in correlator form reaches 4 (the PR box)" {
            // Popescu & Rohrlich, Found. Phys. 24, 379 (1994): the PR box gives ⟨A_x B_y⟩ = (−1)^{xy}, CHSH = 4,
            // and 4 is the algebraic maximum of four correlators in [−1, 1].
            Expect.floatClose close (solvedValue (Relaxations.NoSignallingBell(chshScenario, chsh))) 4.0 "PR box"
        }

        test "I3322 (Collins–Gisin form) has no-signalling bound 1" {
            // Lower bound by hand: all marginals 1/2, and each pair (x, y) a PR-type box with p(00|xy) = 1/2 when
            // c_xy = +1 and 0 when c_xy = −1 (uniform marginals, so no-signalling): −1/2 − 2·1/2 − 1/2 + 6·1/2 = 1.
            // Upper bound 1: the NS maximum of I3322 (e.g. Collins & Gisin, J. Phys. A 37, 1775 (2004); Brunner et
            // al., Rev. Mod. Phys. 86, 419 (2014)), so the LP must land exactly on 1.
            let r = Relaxations.NoSignallingBell(i3322Scenario, i3322)
            Expect.floatClose close (solvedValue r) 1.0 "NS bound of I3322"
        }

        test "a single full probability and a single marginal have maximum 1" {
            let p = chshScenario.Projector(0, 1, 1) * chshScenario.Projector(1, 0, 1)
            Expect.floatClose close (solvedValue (Relaxations.NoSignallingBell(chshScenario, p))) 1.0 "p(11|10)"
            let m = -1.0 * chshScenario.Projector(1, 1, 0)
            Expect.floatClose close (solvedValue (Relaxations.NoSignallingBell(chshScenario, m))) 0.0 "−p_B(0|1)"
        }

        // Level 1 alone is not inside NS: Γ ⪰ 0 does not force ⟨A_a B_b⟩ ≥ 0 (an off-diagonal entry), so a full
        // probability can come out negative. Level 1+AB puts ⟨(A_a B_b)†(A_a B_b)⟩ = ⟨A_a B_b⟩ on the diagonal, and
        // every full probability is ⟨v†v⟩ with v = P_A(a|x) P_B(b|y) in the span of the 1+AB generating set.
        test "NS ≥ NPA level 1+AB ≥ local on random bipartite expressions (2 and 3 outcomes)" {
            let rng = Random(20261127)
            let scenarios = [ chshScenario; Scenario([ Party.uniform "A" 2 3; Party.uniform "B" 2 3 ]) ]
            for scenario in scenarios do
                for _ in 1..4 do
                    let e = randomExpression rng scenario
                    let ns = solvedValue (Relaxations.NoSignallingBell(scenario, e))
                    let q = solvedValue (Relaxations.NpaBell(scenario, e, GeneratingSetSpec.Terms "1+AB"))
                    let local = localBound scenario e
                    Expect.isGreaterThanOrEqual (ns + 1e-6) q "NS ≥ NPA 1+AB"
                    Expect.isGreaterThanOrEqual (q + 1e-6) local "NPA 1+AB ≥ local"
        }

        test "three parties: NS ≥ local on random expressions, Mermin reaches 4" {
            let s3 = Scenario([ Party.uniform "A" 2 2; Party.uniform "B" 2 2; Party.uniform "C" 2 2 ])
            let rng = Random(7)
            for _ in 1..3 do
                let e = randomExpression rng s3
                let ns = solvedValue (Relaxations.NoSignallingBell(s3, e))
                Expect.isGreaterThanOrEqual (ns + 1e-6) (localBound s3 e) "NS ≥ local"
            // Mermin, PRL 65, 1838 (1990): ⟨A1B0C0⟩ + ⟨A0B1C0⟩ + ⟨A0B0C1⟩ − ⟨A1B1C1⟩, local 2, algebraic (and NS) maximum 4.
            let obs j x = 2.0 * s3.Projector(j, x, 0) - Polynomial.One
            let corr x y z = obs 0 x * obs 1 y * obs 2 z
            let mermin = corr 1 0 0 + corr 0 1 0 + corr 0 0 1 - corr 1 1 1
            Expect.floatClose close (localBound s3 mermin) 2.0 "local Mermin bound"
            Expect.floatClose close (solvedValue (Relaxations.NoSignallingBell(s3, mermin))) 4.0 "NS Mermin bound"
        }

        test "CSDP agrees on the I3322 no-signalling bound (cross-check through SDPA files)" {
            let r = Relaxations.NoSignallingBell(i3322Scenario, i3322)
            match solveWithCsdp r.Problem with
            | Ok s -> Expect.floatClose close (r.Read s).Attained 1.0 "NS bound of I3322"
            | Error reason -> skiptest reason
        }

        test "a term with two projectors of one party is rejected with its name" {
            let w = Polynomial.OfWord((chshScenario.ParseWord "A0|0 A0|1").Value)
            let message =
                try
                    Relaxations.NoSignallingBell(chshScenario, w + w.Adjoint()) |> ignore
                    ""
                with :? ArgumentException as e -> e.Message
            Expect.stringContains message "at most one projector per party" "names the problem"
        }
    ]
