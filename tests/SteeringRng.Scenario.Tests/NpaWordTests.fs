/// Explicit operator words in NPA level strings ("1+B0|1C0|0"), written as `steer show` prints them, next to the
/// party patterns ("BC", "B^2C", "Bob*Charlie").
module SteeringRng.Scenario.Tests.NpaWordTests

open Expecto
open SteeringRng.Scenario
open SteeringRng.Scenario.Checked

// Bob (node 1) and Charlie (node 2) measure X (setting 0) and Z (setting 1); Dave (node 3) has a three-outcome setting.
let private scenario (bounds: string) =
    "node Alice trusted dim 2\nnode Bob, Charlie untrusted\nnode Dave untrusted dim 3\nmeasure Bob, Charlie: X Z\n"
    + "measure Dave: Z\nparam mu = 0.5\nstate = white\nobjective g = guess Bob.X\nbounds "
    + bounds + "\n"

let private levelOf (bounds: string) =
    let result = ScenarioLanguage.Check("t.scn", scenario bounds)
    Expect.equal (result.RenderDiagnostics()) "" "no diagnostics"
    match result.Scenarios[0].Bounds |> Array.exactlyOne with
    | Bound.Npa level -> level
    | other -> failtestf "not an npa bound: %A" other

let private messageOf (bounds: string) =
    let result = ScenarioLanguage.Check("t.scn", scenario bounds)
    let d = Seq.exactlyOne result.Diagnostics
    Expect.equal d.Code "SR2031" "code"
    d.Message

let private letter node setting outcome = { Node = node; Setting = setting; Outcome = outcome }

[<Tests>]
let tests =
    testList
        "npa words"
        [ test "a word as steer show prints it: B0|1C0|0 is Bob's outcome 0 of setting 1 times Charlie's outcome 0 of setting 0" {
              let level = levelOf "npa \"1+B0|1C0|0\""
              Expect.equal level.Base 1 "base"
              Expect.equal level.Extra [||] "no patterns"
              Expect.equal level.Words [| [| letter 1 1 0; letter 2 0 0 |] |] "one word"
              Expect.equal level.Text "1+B0|1C0|0" "text"
          }
          test "blanks or '*' between letters, initials or names, any order of nodes: one canonical word" {
              let expected = [| [| letter 1 1 0; letter 2 0 0 |] |]
              for text in [ "1+B0|1 C0|0"; "1+Bob0|1*Charlie0|0"; "1+C0|0 B0|1"; "1+Charlie0|0*B0|1" ] do
                  Expect.equal (levelOf $"npa \"{text}\"").Words expected text
          }
          test "words sit next to party patterns and levels; letters of one node keep their order, P² = P merges" {
              let level = levelOf "npa \"1+BC+B0|0B0|1C0|1+B0|1B0|1\""
              Expect.equal level.Extra [| [| 1; 2 |] |] "the pattern BC"
              Expect.equal level.Words [| [| letter 1 0 0; letter 1 1 0; letter 2 1 0 |]; [| letter 1 1 0 |] |] "two words"
          }
          test "the printed model keeps the words, with node names" {
              let result = ScenarioLanguage.Check("t.scn", scenario "npa \"1+BC+C0|0 B0|1\"")
              Expect.stringContains (ScenarioLanguage.Print result.Scenarios[0]) "  bound npa 1 + Bob*Charlie + Bob0|1*Charlie0|0" "printed"
          }
          test "a party pattern may carry powers: B^2C is BBC" {
              Expect.equal (levelOf "npa \"1+B^2C\"").Extra [| [| 1; 1; 2 |] |] "B^2C"
              Expect.equal (levelOf "npa \"1+Bob^2*Charlie\"").Extra [| [| 1; 1; 2 |] |] "Bob^2*Charlie"
          }
          test "the last outcome of a setting is not a generator: the message says it is I minus the others" {
              Expect.equal
                  (messageOf "npa \"1+B1|0C0|0\"")
                  "NPA level \"1+B1|0C0|0\": B1|0 is the last outcome of setting 0 (X) of Bob, which is not a generator: it is I − B0|0, so a word with it is a sum of words without it; list those words instead"
                  "two outcomes"
              Expect.stringContains (messageOf "npa \"1+B0|0D2|0\"") "D2|0 is the last outcome of setting 0 (Z) of Dave, which is not a generator: it is I − D0|0 − D1|0" "three outcomes"
          }
          test "settings and outcomes out of range, zero words and unknown nodes are named" {
              Expect.stringContains (messageOf "npa \"1+B0|2C0|0\"") "B0|2: Bob has settings 0..1 (0 = X, 1 = Z), not 2" "setting"
              Expect.stringContains (messageOf "npa \"1+B0|0D3|0\"") "D3|0: setting 0 (Z) of Dave has outcomes 0..2, not 3" "outcome"
              Expect.stringContains (messageOf "npa \"1+B0|0D0|0D1|0\"") "is zero: outcomes 0 and 1 of one setting are orthogonal projectors" "zero"
              Expect.stringContains (messageOf "npa \"1+E0|0C0|0\"") "no untrusted node starts with 'E'" "initial"
              Expect.stringContains (messageOf "npa \"1+Eve0|0*C0|0\"") "'Eve' is not an untrusted node" "name"
              Expect.stringContains (messageOf "npa \"1+B|0C0|0\"") "needs an outcome before '|'" "no outcome"
          }
          test "a pattern with digits but no '|' (the new-user mistake \"1+B0C1\") points to the word syntax" {
              Expect.stringContains (messageOf "npa \"1+B0C1\"") "an explicit word, written as steer show prints it: node, outcome, '|', setting (e.g. \"1+B0|1C0|0\")" "hint"
          } ]
