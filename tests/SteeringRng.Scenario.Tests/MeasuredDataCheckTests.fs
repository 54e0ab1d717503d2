/// The data statements (docs/formulations/measured-probabilities.md): trusted measure lines, `data = probabilities`,
/// `probabilities = file(...)`, `repair = nearest`, and their diagnostics SR1130–SR1139.
module SteeringRng.Scenario.Tests.MeasuredDataCheckTests

open System
open Expecto
open SteeringRng.Scenario

let private nodes = "node Alice trusted dim 2\nnode Bob, Charlie untrusted dim 2\nmeasure Bob, Charlie: X Y\nobjective j = guess Bob.X, Charlie.X\n"
let private model = "param mu = [0.9]\nstate = mu * ghz + (1 - mu) * white\n"

let private check (text: string) =
    let options = CheckOptions(Resolver = Func<string, string | null>(fun name -> if name = "counts.csv" then "a,b\n" else null))
    ScenarioLanguage.Check("t.scn", text, options)

let private codes (text: string) = (check text).Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq

[<Tests>]
let tests =
    testList "measured data statements" [
        test "a measured trusted node with data = probabilities checks clean, with the trusted settings" {
            let r = check (nodes + model + "measure Alice: X Z\ndata = probabilities\nbounds ns, npa 1\n")
            Expect.equal (r.RenderDiagnostics()) "" "clean"
            let s = r.Scenarios[0]
            Expect.equal s.Data.Source Checked.DataSource.ModelProbabilities "source"
            Expect.equal (s.Nodes[0].Settings |> Array.map (fun x -> x.Label)) [| "X"; "Z" |] "Alice's settings"
        }
        test "a probabilities file needs no state and keeps the file's text" {
            let r = check (nodes + "measure Alice: X Z\nprobabilities = file(\"counts.csv\")\nrepair = nearest\nbounds ns, global\n")
            Expect.equal (r.RenderDiagnostics()) "" "clean"
            Expect.equal r.Scenarios[0].Data.Source (Checked.DataSource.ProbabilitiesFile("counts.csv", "a,b\n")) "source"
            Expect.equal r.Scenarios[0].Data.Repair Checked.RepairMode.Nearest "repair"
        }
        test "a measured trusted node without probabilities is SR1133" {
            Expect.equal (codes (nodes + model + "measure Alice: X Z\nbounds ns\n")) [ "SR1133" ] "codes"
        }
        test "probabilities without the trusted node's measurements are SR1132" {
            Expect.equal (codes (nodes + model + "data = probabilities\nbounds ns\n")) [ "SR1132" ] "codes"
        }
        test "unknown data form and repair are SR1130 and SR1131" {
            Expect.equal (codes (nodes + model + "measure Alice: X Z\ndata = counts\nbounds ns\n")) [ "SR1133"; "SR1130" ] "form (sorted by place)"
            Expect.equal (codes (nodes + model + "measure Alice: X Z\ndata = probabilities\nrepair = closest\nbounds ns\n")) [ "SR1131" ] "repair"
        }
        test "a file with a state, a sweep or a model-only bound is refused" {
            let file = "measure Alice: X Z\nprobabilities = file(\"counts.csv\")\n"
            Expect.equal (codes (nodes + "param mu = 0.9\nstate = mu * ghz + (1 - mu) * white\n" + file + "bounds ns\n")) [ "SR1134" ] "state"
            Expect.equal (codes (nodes + "param mu = [0.5, 0.6]\n" + file + "bounds ns\n")) [ "SR1136" ] "sweep"
            Expect.equal (codes (nodes + file + "bounds ns, seesaw, steering\n")) [ "SR1135"; "SR1135" ] "seesaw and steering"
            Expect.equal (codes (nodes + "measure Alice: X Z\nprobabilities = file(\"missing.csv\")\nbounds ns\n")) [ "SR2020" ] "not found"
        }
        test "data = assemblage with a file, and repair without measured data" {
            Expect.equal (codes (nodes + "measure Alice: X Z\nprobabilities = file(\"counts.csv\")\ndata = assemblage\nbounds ns\n")) [ "SR1133"; "SR1137" ] "conflict (sorted by place)"
            let r = check (nodes + model + "measure Alice: X Z\ndata = probabilities\nrepair = nearest\nbounds ns\n")
            Expect.equal (r.Diagnostics |> Seq.map (fun d -> d.Code, d.IsError) |> List.ofSeq) [ "SR1139", false ] "a warning"
        }
        test "abstract trusted settings are SR1138" {
            Expect.contains (codes (nodes + model + "measure Alice: settings 2 outcomes 2\ndata = probabilities\nbounds ns\n")) "SR1138" "codes"
        }
        test "inequality = steering(mu = ...) names a parameter and needs a state" {
            let r = check (nodes.Replace("objective", "# objective") + "objective j = guess Bob.X, Charlie.X\n" + model + "inequality = steering(mu = 0.7)\nbounds ns\n")
            Expect.equal (r.RenderDiagnostics()) "" "clean"
            Expect.equal r.Scenarios[0].Data.Source (Checked.DataSource.SteeringInequality("mu", 0.7)) "source"
            Expect.equal (codes (nodes + model + "inequality = steering(nu = 0.7)\nbounds ns\n")) [ "SR1140" ] "unknown parameter"
            Expect.equal (codes (nodes + model + "measure Alice: X Z\ndata = probabilities\ninequality = steering(mu = 0.7)\nbounds ns\n")) [ "SR1137" ] "two data forms"
        }
        test "inequality = file(...) reads a functional in the nodes' layout; missing is SR1200, bad SR1201, no state SR1202" {
            let blocks (settings: int) =
                SteeringRng.Quantum.Assemblage(2, [| settings; 2 |], [| 2; 2 |], fun a x -> Array2D.create 2 2 (System.Numerics.Complex(float (a[0] - x[1]), 0.0)))
            let json (settings: int) (format: string) = SteeringRng.Quantum.Data.AssemblageJson.Write(blocks settings, [| "Bob"; "Charlie" |], format)
            let files =
                dict [ "F.json", json 2 SteeringRng.Quantum.Data.AssemblageJson.FunctionalFormat
                       "wide.json", json 3 SteeringRng.Quantum.Data.AssemblageJson.FunctionalFormat
                       "sigma.json", json 2 SteeringRng.Quantum.Data.AssemblageJson.Format ]
            let options =
                CheckOptions(ByteReader = Func<string, int64, FileBytes>(fun name _ ->
                    match files.TryGetValue name with
                    | true, b -> FileBytes.Bytes b
                    | _ -> FileBytes.NotFound))
            let run (text: string) = ScenarioLanguage.Check("t.scn", text, options)
            let r = run (nodes + model + "inequality = file(\"F.json\")\nbounds ns\n")
            Expect.equal (r.RenderDiagnostics()) "" "clean"
            match r.Scenarios[0].Data.Source with
            | Checked.DataSource.FunctionalFile(file, f) ->
                Expect.equal file "F.json" "file"
                let entry a x = (f.[a, x]).[0, 0].Real
                Expect.equal (entry [| 1; 0 |] [| 0; 1 |]) 0.0 "a block as written"
                Expect.equal (entry [| 1; 0 |] [| 1; 0 |]) 1.0 "another block as written"
            | other -> failtestf "source %A" other
            let codesOf text = (run text).Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq
            Expect.equal (codesOf (nodes + model + "inequality = file(\"none.json\")\nbounds ns\n")) [ "SR1200" ] "missing"
            Expect.equal (codesOf (nodes + model + "inequality = file(\"wide.json\")\nbounds ns\n")) [ "SR1201" ] "another layout"
            Expect.equal (codesOf (nodes + model + "inequality = file(\"sigma.json\")\nbounds ns\n")) [ "SR1201" ] "an assemblage, not a functional"
            Expect.contains (codesOf (nodes + "inequality = file(\"F.json\")\nbounds ns\n")) "SR1202" "no state"
        }
    ]
