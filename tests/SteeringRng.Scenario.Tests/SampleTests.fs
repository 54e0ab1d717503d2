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
    let dir = Path.GetDirectoryName path |> nonNull
    let bytes =
        System.Func<string, int64, FileBytes>(fun name _ ->
            let file = Path.Combine(dir, name)
            if File.Exists file then FileBytes.Bytes(File.ReadAllBytes file) else FileBytes.NotFound)
    let options = CheckOptions(Resolver = TestFiles.resolverIn dir, ByteReader = bytes)
    ScenarioLanguage.Check(Path.GetFileName path |> nonNull, File.ReadAllText path, options)

/// The one diagnostic a sample may carry: measured data repaired on request (samples/ghz3-assemblage.scn), which is
/// reported, never silent, by design.
let private expectedNotes = set [ "SR1106" ]

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
                  let unexpected = result.Diagnostics |> Seq.filter (fun d -> not (expectedNotes.Contains d.Code)) |> Seq.map (fun d -> d.Code + ": " + d.Message) |> List.ofSeq
                  Expect.equal unexpected [] "no diagnostics but the repair note"
                  Expect.isTrue result.Succeeded "checked"
              } ]
