/// The one entry point, Relaxations, and the one result shape, IRelaxation / RelaxationReading: the choices the
/// callers used to make (symmetric or plain NS, grouping the data of Glo) are made here, with the same numbers.
module SteeringRng.Relaxation.Tests.RelaxationsTests

open System
open Expecto
open SteeringRng.Algebra
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Steering
open SteeringRng.Relaxation.Tests.Steering.SteeringFixtures

let private bound (r: IRelaxation) = (r.Read(solve r.Problem)).Bound

[<Tests>]
let tests =
    testList "Relaxations" [
        // docs/formulations/symmetry-reduction.md: Q at S = {I}, reduced, is the NS program.
        testCase "NoSignalling with and without symmetry: the same P_g^NS on GHZ data, reduced with it" <| fun () ->
            let data = ghz xyz 0.8
            let symmetric = Relaxations.NoSignalling(data, [| 0; 1 |], [| 0; 0 |], true)
            let plain = Relaxations.NoSignalling(data, [| 0; 1 |], [| 0; 0 |], false)
            Expect.notEqual symmetric.Reduction "" "GHZ data: reduced"
            Expect.equal plain.Reduction "" "useSymmetry = false: built in full"
            Expect.isTrue (plain :? GuessingRelaxation) "the plain NS program"
            Expect.stringContains symmetric.ValueFormula "NS as Q at level 0" "the formula says which program"
            expectClose 1e-6 (bound plain) (bound symmetric) "P_g^NS"

        testCase "Global WithData takes the ungrouped assemblage: equal to a fresh build at the new data" <| fun () ->
            let swapped = Relaxations.Global(ghz xyz 0.7, [| 0; 0 |]).WithData(ghz xyz 0.9)
            let fresh = Relaxations.Global(ghz xyz 0.9, [| 0; 0 |])
            expectClose 1e-15 fresh.Offset swapped.Offset "offset"
            let a, b = Seq.toArray swapped.Problem.C.Entries, Seq.toArray fresh.Problem.C.Entries
            Expect.equal a.Length b.Length "C entry count"
            for e, f in Array.zip a b do
                Expect.equal (e.Block, e.Row, e.Col) (f.Block, f.Row, f.Col) "C entry position"
                expectClose 1e-15 f.Value e.Value "C entry value"
            expectClose 1e-9 (bound fresh) (bound swapped) "P_g^Glo"
            let viaInterface = (Relaxations.Global(ghz xyz 0.7, [| 0; 0 |]) :> IRelaxation).WithData(ghz xyz 0.9)
            expectClose 1e-9 (bound fresh) (bound viaInterface) "P_g^Glo through IRelaxation"

        test "QLevel with LevelWithProducts(1, [[0; 1]]) is Q at 1+BC" {
            let data = ghz xyz 0.8
            let byIndex = Relaxations.QLevel(data, [| 0; 1 |], [| 0; 0 |], GeneratingSetSpec.LevelWithProducts(1, [| [| 0; 1 |] |]), true)
            let byTerms = Relaxations.QLevel(data, [| 0; 1 |], [| 0; 0 |], GeneratingSetSpec.Terms "1+BC", true)
            Expect.sequenceEqual byIndex.GeneratingSet byTerms.GeneratingSet "the same S"
            Expect.equal byIndex.Problem.ConstraintCount byTerms.Problem.ConstraintCount "the same variables"
            Expect.equal byIndex.Reduction byTerms.Reduction "the same reduction"
            Expect.equal byIndex.ValueFormula byTerms.ValueFormula "the same meaning"
        }

        test "QLevel at an integer level is the symmetry-reduced Level spec" {
            let data = ghz xyz 0.8
            let r = Relaxations.QLevel(data, [| 0 |], [| 0 |], 1)
            let spec = Relaxations.QLevel(data, [| 0 |], [| 0 |], GeneratingSetSpec.Level 1, true)
            Expect.equal r.Problem.ConstraintCount spec.Problem.ConstraintCount "the same variables"
            Expect.equal r.Reduction spec.Reduction "symmetry on"
        }

        testCase "Visibility WithData through IRelaxation keeps the noise: σ(1/2) against white noise, μ* = 6/7" <| fun () ->
            let v = Relaxations.CriticalVisibility(ghz xyz 1.0, ghz xyz 0.0) :> IRelaxation
            let half = v.WithData(ghz xyz 0.5)
            expectClose 1e-6 (6.0 / 7.0) (bound half) "μ*"
            Expect.stringStarts half.ValueFormula "v* = objective" "visibility formula"

        test "Bell relaxations have no data: WithData throws InvalidOperationException; the formula names the Bell value" {
            let scenario = Scenario([ Party.uniform "A" 2 2; Party.uniform "B" 2 2 ])
            let a0 = Polynomial.OfWord(scenario.Generator(0, 0, 0))
            let r = Relaxations.NpaBell(scenario, a0, 1) :> IRelaxation
            Expect.throwsT<InvalidOperationException> (fun () -> r.WithData(ghz xyz 1.0) |> ignore) "no data"
            Expect.stringStarts r.ValueFormula "Bell value = " "Bell formula"
            Expect.equal r.Reduction "" "built in full"
        }
    ]
