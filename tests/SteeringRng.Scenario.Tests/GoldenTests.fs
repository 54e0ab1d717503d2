/// Golden tests: every Cases/*.scn is checked and the result (rendered diagnostics, then the printed
/// checked scenarios) must equal Cases/*.expected exactly. Set SCENARIO_GOLDEN_UPDATE=1 to write
/// the .expected files (then review every change by eye before committing).
module SteeringRng.Scenario.Tests.GoldenTests

open System
open System.IO
open Expecto
open SteeringRng.Scenario

let render (fileName: string) (text: string) =
    let options = CheckOptions(FileReader = TestFiles.readerIn TestFiles.casesDir)
    let result = ScenarioLanguage.Check(fileName, text, options)
    let diagnostics = result.RenderDiagnostics()
    let models = result.Scenarios |> Seq.map ScenarioLanguage.Print |> String.concat ""
    let parts = [ (if diagnostics = "" then "no diagnostics" else diagnostics); models ]
    String.Join("\n---\n", parts).Replace("\r\n", "\n").TrimEnd() + "\n"

[<Tests>]
let tests =
    let update = Environment.GetEnvironmentVariable "SCENARIO_GOLDEN_UPDATE" = "1"
    testList
        "golden"
        [ for path in Directory.GetFiles(TestFiles.casesDir, "*.scn") |> Array.sort do
              let name = Path.GetFileNameWithoutExtension path |> nonNull
              test name {
                  let actual = render (Path.GetFileName path |> nonNull) (File.ReadAllText path)
                  let expectedPath = Path.ChangeExtension(path, ".expected") |> nonNull
                  if update then File.WriteAllText(expectedPath, actual)
                  Expect.isTrue (File.Exists expectedPath) (sprintf "missing %s" expectedPath)
                  let expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n")
                  Expect.equal actual expected (sprintf "golden output of %s" name)
              } ]
