/// Every sample under samples/ checks clean: no diagnostic at all, at least one scenario.
module SteeringRng.Scenario.Tests.SampleTests

open System.IO
open Expecto
open SteeringRng.Scenario

/// Continuous-variable samples (cv-*.scn) are read by `steer cv`, not by this front end (docs/formulations/continuous-variables.md §8).
let samples () =
    Directory.GetFiles(TestFiles.samplesDir, "*.scn")
    |> Array.filter (fun p -> not ((Path.GetFileName p |> nonNull).StartsWith "cv-"))
    |> Array.sort

let check (path: string) =
    let options = CheckOptions(Resolver = TestFiles.resolverIn (Path.GetDirectoryName path |> nonNull))
    ScenarioLanguage.Check(Path.GetFileName path |> nonNull, File.ReadAllText path, options)

[<Tests>]
let tests =
    testList
        "samples"
        [ test "the samples folder holds the six scenario samples" {
              let names = samples () |> Array.map (fun p -> Path.GetFileName p |> nonNull) |> Set.ofArray
              for expected in [ "ghz3-fig2a-joint.scn"; "ghz3-fig2b-bob.scn"; "fig3-thresholds.scn"; "w-state-table1.scn"; "chsh.scn"; "i3322.scn" ] do
                  Expect.contains names expected "sample present"
          }
          for path in samples () do
              test (sprintf "%s checks clean" (Path.GetFileName path)) {
                  let result = check path
                  Expect.equal (result.RenderDiagnostics()) "" "no diagnostics"
                  Expect.isTrue result.Succeeded "checked"
              } ]
