/// Device-independent data (docs/formulations/device-independent.md): `inequality = bell(chsh = S)` and guess objectives
/// without a trusted node, diagnostics SR1196–SR1199.
module SteeringRng.Scenario.Tests.DeviceIndependentCheckTests

open Expecto
open SteeringRng.Scenario

let private head = "node A, B untrusted\nmeasure A, B: settings 2 outcomes 2\nobjective chsh = bell <A.0 B.0> + <A.0 B.1> + <A.1 B.0> - <A.1 B.1>\n"

let private check (text: string) = ScenarioLanguage.Check("t.scn", text, CheckOptions())

let private codes (text: string) = (check text).Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq

[<Tests>]
let tests =
    testList "device-independent data" [
        test "a guess with a Bell value checks clean and keeps the value's expression" {
            let r = check (head + "param S = 2.5 .. 2.8 step 0.1\ninequality = bell(chsh = S)\nobjective g = guess A.0\nbounds ns, npa 2\n")
            Expect.equal (r.RenderDiagnostics()) "" "clean"
            let s = r.Scenarios[0]
            match s.Data.Source with
            | Checked.DataSource.BellValues [| v |] -> Expect.equal v.Objective "chsh" "objective"
            | other -> failtestf "source %A" other
            let values = ScenarioLanguage.BellValues(s, s.Sweep.Points[1])
            Expect.equal values [| struct ("chsh", s.Sweep.Points[1][0]) |] "S at the second point"
        }
        test "a guess without a trusted node and without data is SR1196" {
            Expect.equal (codes (head + "objective g = guess A.0\nbounds npa 1\n")) [ "SR1196" ] "codes"
        }
        test "a value for an unknown or non-Bell objective, or twice, is SR1197" {
            Expect.equal (codes (head + "inequality = bell(x = 2.5)\nobjective g = guess A.0\nbounds npa 1\n")) [ "SR1197" ] "unknown"
            Expect.equal (codes (head + "inequality = bell(g = 2.5)\nobjective g = guess A.0\nbounds npa 1\n")) [ "SR1197" ] "a guess"
            Expect.equal (codes (head + "inequality = bell(chsh = 2.5)\ninequality = bell(chsh = 2.6)\nobjective g = guess A.0\nbounds npa 1\n")) [ "SR1197" ] "twice"
        }
        test "a value no correlations reach is SR1198, one beyond Tsirelson is not (it is the solver's infeasible row)" {
            Expect.equal (codes (head + "inequality = bell(chsh = -4.01)\nobjective g = guess A.0\nbounds npa 1\n")) [ "SR1198" ] "below −4"
            Expect.equal (codes (head + "inequality = bell(chsh = 3.5)\nobjective g = guess A.0\nbounds npa 1\n")) [] "3.5 is a no-signalling value"
        }
        test "Bell values with other data or a trusted node are SR1199" {
            // (the state also meets the abstract settings, SR2040: only SR1199 is this file's concern)
            Expect.contains (codes (head + "state = ghz\ninequality = bell(chsh = 2.5)\nobjective g = guess A.0\nbounds npa 1\n")) "SR1199" "state"
            let trusted = "node T trusted dim 2\nnode A untrusted dim 2\nmeasure A: X Z\nstate = ghz\nobjective chsh = bell <A.0>\ninequality = bell(chsh = 0.5)\nobjective g = guess A.X\nbounds npa 1\n"
            Expect.contains (codes trusted) "SR1199" "trusted node"
        }
    ]
