/// Hostile or foreign text: line ends from other systems, no-break spaces, control characters that
/// must not reach a terminal, weights just off 1, and files past the reading limits.
module SteeringRng.Scenario.Tests.InputTextTests

open System
open Expecto
open SteeringRng.Scenario

let private scenario =
    "node Alice trusted dim 2\nnode Bob untrusted dim 2\nstate = ghz\nmeasure Bob: X Z\nobjective g = guess Bob.X\nbounds ns\n"

let private rendered (text: string) = ScenarioLanguage.Check("t.scn", text).RenderDiagnostics()

let private codes (r: CheckResult) = r.Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq

let private printed (text: string) =
    let result = ScenarioLanguage.Check("t.scn", text)
    Expect.equal (result.RenderDiagnostics()) "" "no diagnostics"
    result.Scenarios |> Seq.map ScenarioLanguage.Print |> String.concat ""

[<Tests>]
let tests =
    testList
        "input text"
        [ test "CR LF and CR line ends read as LF" {
              let lf = printed scenario
              Expect.equal (printed (scenario.Replace("\n", "\r\n"))) lf "Windows line ends"
              Expect.equal (printed (scenario.Replace("\n", "\r"))) lf "old Mac line ends"
              Expect.equal (printed ("\uFEFF" + scenario.Replace("\n", "\r\n"))) lf "with a byte order mark"
          }
          test "with CR LF line ends errors keep their line and column, and the source line has no CR" {
              let text = (scenario + "bounds ns npa\n").Replace("\n", "\r\n")
              let r = ScenarioLanguage.Check("t.scn", text)
              let d = Seq.exactlyOne r.Diagnostics
              Expect.equal (d.Code, d.Range.Start.Line, d.Range.Start.Column) ("SR1001", 7, 11) "place"
              Expect.isFalse (r.RenderDiagnostics().Contains '\r') "no CR echoed"
          }
          test "a continuation line ending in CR LF continues" {
              Expect.equal (printed (scenario.Replace("bounds ns", "bounds ns, \\\n  npa 1").Replace("\n", "\r\n")))
                  (printed (scenario.Replace("bounds ns", "bounds ns, npa 1"))) "same scenario"
          }
          test "a no-break space U+00A0 is a blank" {
              Expect.equal (printed (scenario.Replace("node Bob", "node\u00A0Bob").Replace("= ghz", "=\u00A0\u00A0ghz"))) (printed scenario) "same scenario"
          }
          test "control characters are shown escaped, in the message and the source line, carets under them" {
              let text = scenario.Replace("node Bob", "node B\u001B[31mob")
              let output = rendered text
              Expect.isFalse (output |> Seq.exists (fun c -> Char.IsControl c && c <> '\n')) "no raw control character"
              let lines = output.Split('\n')
              Expect.equal lines[0] "t.scn:2:7: error SR1001: syntax error: expected ',', 'trusted', 'untrusted' or name, found '\\u001B'" "message"
              Expect.equal lines[1] "  node B\\u001B[31mob untrusted dim 2" "source line"
              Expect.equal lines[2] "        ^^^^^^" "carets under the escaped character"
          }
          test "control characters inside strings and bidirectional overrides are escaped too" {
              let text = scenario + "include \"a\u001B]0;title\u0007\u202Eb\"\n"
              let output = rendered text
              Expect.stringContains output "include \"a\\u001B]0;title\\u0007\\u202Eb\"" "source line"
              Expect.stringContains output "cannot read included file 'a\\u001B]0;title\\u0007\\u202Eb'" "message"
              Expect.equal (ScenarioLanguage.Printable "x\u001By\tz") "x\\u001By\tz" "tabs stay"
          }
          test "weights summing to 1 + 1e-6 are refused with enough digits; 1 + 1e-12 is within the tolerance" {
              let off = ScenarioLanguage.Check("t.scn", scenario.Replace("state = ghz", "state = (1 + 1e-6) * ghz"))
              let d = Seq.exactlyOne off.Diagnostics
              Expect.equal d.Code "SR2023" "code"
              Expect.equal d.Message "the state at the single point: The mixture weights sum to 1.000001, not 1." "message"
              let close = ScenarioLanguage.Check("t.scn", scenario.Replace("state = ghz", "state = (1 + 1e-12) * ghz"))
              Expect.isTrue close.Succeeded "accepted"
          }
          test "a scenario text over the limit is not read: one error, no source line" {
              let huge = String('x', int InputLimits.MaxSourceBytes + 1)
              let r = ScenarioLanguage.Check("huge.scn", huge)
              Expect.equal (r.RenderDiagnostics())
                  "huge.scn:1:1: error SR1008: 'huge.scn' is larger than 4 MiB (4 194 304 bytes), the limit for scenario and included files; it was not read" "message"
          }
          test "texts a resolver returns are measured against the limits" {
              let included = String('\n', int InputLimits.MaxSourceBytes + 1)
              let data = String('1', int InputLimits.MaxDataBytes + 1)
              let resolver = Func<string, string | null>(fun name -> if name = "big.inc" then included else data)
              let text = "include \"big.inc\"\n" + scenario.Replace("state = ghz", "state = file(\"big.txt\")")
              let r = ScenarioLanguage.Check("t.scn", text, CheckOptions(Resolver = resolver))
              Expect.equal (codes r) [ "SR1008"; "SR1008" ] "codes"
              Expect.equal r.Diagnostics[1].Message "'big.txt' is larger than 64 MB (64 000 000 bytes), the limit for data files; it was not read" "data"
              Expect.equal (r.Diagnostics[1].Range.Start.Line, r.Diagnostics[1].Range.Start.Column) (4, 14) "at the file name"
          }
          test "a reader is asked for the limit of each kind of file" {
              let asked = Collections.Generic.List<string * int64>()
              let reader = Func<string, int64, FileContent>(fun name limit -> asked.Add((name, limit)); FileContent.TooLarge)
              let text = "include \"x.inc\"\n" + scenario.Replace("state = ghz", "state = file(\"x.txt\")")
              let r = ScenarioLanguage.Check("t.scn", text, CheckOptions(FileReader = reader))
              Expect.equal (codes r) [ "SR1008"; "SR1008" ] "codes"
              Expect.equal (List.ofSeq asked) [ "x.inc", InputLimits.MaxSourceBytes; "x.txt", InputLimits.MaxDataBytes ] "limits"
          } ]
