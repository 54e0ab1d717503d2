/// The checked model: sweep points, state matrices, Bell terms, the state validation, and the
/// diagnostics catalogue and ranges.
module SteeringRng.Scenario.Tests.ModelTests

open System
open System.Numerics
open Expecto
open SteeringRng.Scenario
open SteeringRng.Scenario.Checked

let checkOk (text: string) =
    let result = ScenarioLanguage.Check("test.scn", text)
    Expect.equal (result.RenderDiagnostics()) "" "no diagnostics"
    result.Scenarios[0]

let header = "node Alice trusted dim 2\nnode Bob, Charlie untrusted\nmeasure Bob, Charlie: X Z\nobjective g = guess Bob.X\nbounds ns\n"

let c (re: float) = Complex(re, 0.0)

[<Tests>]
let tests =
    testList
        "model"
        [ test "0.30 .. 1.00 step 0.01 has 71 points, exactly the decimal values" {
              let s = checkOk (header + "param mu = 0.30 .. 1.00 step 0.01\nstate = mu * ghz + (1 - mu) * white\n")
              let values = s.Sweep.Points |> Array.map (fun p -> p[0])
              Expect.equal values.Length 71 "count"
              for k in 0..70 do
                  Expect.equal values[k] (float (0.30m + 0.01m * decimal k)) "value"
          }
          test "a grid varies the first declared parameter slowest; derived values follow" {
              let s = checkOk (header + "param a = [1, 2]\nparam b = 10 .. 30 step 10\nparam s = a + b\nstate = ghz\n")
              let points = s.Sweep.Points |> Array.map (fun p -> p[0], p[1], p[2]) |> List.ofArray
              Expect.equal points [ 1., 10., 11.; 1., 20., 21.; 1., 30., 31.; 2., 10., 12.; 2., 20., 22.; 2., 30., 32. ] "grid"
          }
          test "noisy GHZ: rho = mu |GHZ><GHZ| + (1 - mu) I/8" {
              let s = checkOk (header + "param mu = [1, 0.5]\nstate = mu * ghz(Alice, Bob, Charlie) + (1 - mu) * white\n")
              let pureGhz = ScenarioLanguage.DensityMatrix(s, 0)
              for i in 0..7 do
                  for j in 0..7 do
                      let corner = (i = 0 || i = 7) && (j = 0 || j = 7)
                      Expect.isLessThan (Complex.Abs(pureGhz[i, j] - c (if corner then 0.5 else 0.0))) 1e-15 "pure GHZ"
              let noisy = ScenarioLanguage.DensityMatrix(s, 1)
              Expect.isLessThan (Complex.Abs(noisy[0, 0] - c (0.25 + 0.0625))) 1e-15 "diagonal corner"
              Expect.isLessThan (Complex.Abs(noisy[0, 7] - c 0.25)) 1e-15 "coherence"
              Expect.isLessThan (Complex.Abs(noisy[1, 1] - c 0.0625)) 1e-15 "noise"
          }
          test "kets are big-endian in node order and normalised: |001> is Charlie's 1" {
              let s = checkOk (header + "state = 0.6|001> + 0.8i|100>\n")
              let rho = ScenarioLanguage.DensityMatrix(s, 0)
              Expect.isLessThan (Complex.Abs(rho[1, 1] - c 0.36)) 1e-15 "|001> is index 1"
              Expect.isLessThan (Complex.Abs(rho[4, 4] - c 0.64)) 1e-15 "|100> is index 4"
              // rho_14 = a_1 conj(a_4) = 0.6 * (-0.8i)
              Expect.isLessThan (Complex.Abs(rho[1, 4] - Complex(0.0, -0.48))) 1e-15 "coherence"
          }
          test "parentheses close a ket group: mu * ((|00> + i|11>)/sqrt(2)) weighs the normalised projector by mu" {
              let s = checkOk (header.Replace("Bob, Charlie", "Bob") + "param mu = [0.5]\nstate = mu * ((|00> + i|11>) / sqrt(2)) + (1 - mu) * white\n")
              let rho = ScenarioLanguage.DensityMatrix(s, 0)
              // rho_03 = mu * v_0 conj(v_3) = 0.5 * (1/sqrt 2)(-i/sqrt 2) = -i/4
              Expect.isLessThan (Complex.Abs(rho[0, 3] - Complex(0.0, -0.25))) 1e-15 "coherence"
              Expect.isLessThan (Complex.Abs(rho[0, 0] - c (0.25 + 0.125))) 1e-15 "population"
          }
          test "the W family is (|001> + |010> + |100>)/sqrt 3" {
              let s = checkOk (header + "state = w\n")
              let rho = ScenarioLanguage.DensityMatrix(s, 0)
              for i in [ 1; 2; 4 ] do
                  for j in [ 1; 2; 4 ] do
                      Expect.isLessThan (Complex.Abs(rho[i, j] - c (1.0 / 3.0))) 1e-15 "entry"
              let trace = Seq.fold (+) Complex.Zero [ for i in 0..7 -> rho[i, i] ]
              Expect.isLessThan (Complex.Abs(trace - Complex.One)) 1e-15 "trace"
          }
          test "the I3322 sample has the Collins-Gisin coefficients" {
              let result = SampleTests.check (IO.Path.Combine(TestFiles.samplesDir, "i3322.scn"))
              let s = result.Scenarios[0]
              match s.Objectives[0].Kind with
              | ObjectiveKind.Bell b ->
                  let p0 (node, setting) = BellTerm.Probability [| { Node = node; Setting = setting }, 0 |]
                  let p00 x y = BellTerm.Probability [| ({ Node = 0; Setting = x }, 0); ({ Node = 1; Setting = y }, 0) |]
                  let expected =
                      [ -2.0, p0 (0, 0); -1.0, p0 (0, 1); -1.0, p0 (1, 0)
                        1.0, p00 0 0; 1.0, p00 0 1; 1.0, p00 0 2; 1.0, p00 1 0; 1.0, p00 1 1; -1.0, p00 1 2; 1.0, p00 2 0; -1.0, p00 2 1 ]
                  Expect.equal (List.ofArray b.Terms) expected "terms"
                  Expect.equal b.Constant 0.0 "constant"
              | other -> failtestf "not a Bell objective: %A" other
          }
          test "the state is validated by Quantum at every point and its message is reported with the point" {
              // mu = -0.5: rho = -0.5 |GHZ><GHZ| + 1.5 I/8 has eigenvalue -0.5 + 1.5/8 = -0.3125 along |GHZ>
              let text = header + "param mu = [1, -0.5]\nstate = mu * ghz + (1 - mu) * white\n"
              let result = ScenarioLanguage.Check("t.scn", text)
              let d = Seq.exactlyOne result.Diagnostics
              Expect.equal d.Code "SR2044" "code"
              Expect.equal
                  d.Message
                  "the state at mu = -0.5 is not physical: The density matrix is not positive semidefinite: its most negative eigenvalue is -0.3125 (tolerance 1E-09)."
                  "message"
              Expect.equal (d.Range.Start.Line, d.Range.Start.Column) (7, 1) "located at the state statement"
              // Negative weights are allowed when the result is a state: 2 (I/8) - 1 (I/8) = I/8.
              let fine = ScenarioLanguage.Check("t.scn", header + "state = 2 * white - white\n")
              Expect.equal (fine.RenderDiagnostics()) "" "an affine combination that is a state"
          }
          test "state files are validated by Quantum: which property fails, and by how much" {
              let two = "node Alice trusted dim 2\nnode Bob untrusted dim 2\nmeasure Bob: Z\nobjective g = guess Bob.Z\nbounds ns\nstate = file(\"s.txt\")\n"
              let messageFor (numbers: string) =
                  let resolver = Func<string, string | null>(fun name -> if name = "s.txt" then numbers else null)
                  let result = ScenarioLanguage.Check("t.scn", two, CheckOptions(Resolver = resolver))
                  let d = Seq.exactlyOne result.Diagnostics
                  Expect.equal d.Code "SR2021" "code"
                  d.Message
              // diag(1.2, -0.2, 0, 0): Hermitian, trace 1, eigenvalue -0.2
              Expect.equal (messageFor "1.2 0 0 0  0 -0.2 0 0  0 0 0 0  0 0 0 0")
                  "data file 's.txt': The density matrix is not positive semidefinite: its most negative eigenvalue is -0.2 (tolerance 1E-09)." "not PSD"
              Expect.equal (messageFor "0.5 0 0 0  0 0.5 0 0  0 0 0.5 0  0 0 0 0")
                  "data file 's.txt': The density matrix has trace 1.5, not 1 (tolerance 1E-09)." "trace"
              Expect.equal (messageFor "0.5 0.1 0 0  0 0.5 0 0  0 0 0 0  0 0 0 0")
                  "data file 's.txt': The density matrix is not Hermitian: the largest |M − M†| entry is 0.1 at (0,1) (tolerance 1E-09)." "not Hermitian"
              Expect.equal (messageFor "0 0 0 0")
                  "data file 's.txt': The ket is the zero vector; it cannot be normalised." "zero vector"
          }
          test "without a resolver every data file is missing" {
              let result = ScenarioLanguage.Check("t.scn", header + "state = file(\"rho.txt\")\n")
              Expect.equal (result.Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq) [ "SR2020" ] "codes"
          }
          test "the grid cap is an option" {
              let text = header + "param mu = 0 .. 1 step 0.1\nstate = ghz\n"
              let result = ScenarioLanguage.Check("t.scn", text, CheckOptions(MaxGridPoints = 10))
              Expect.equal (result.Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq) [ "SR2011" ] "codes"
          }
          test "catalogue numbers and keys are unique, templates are non-empty" {
              let numbers = Catalogue.all |> List.map (fun d -> d.Number)
              let keys = Catalogue.all |> List.map (fun d -> d.Key)
              Expect.equal (List.distinct numbers).Length numbers.Length "numbers"
              Expect.equal (List.distinct keys).Length keys.Length "keys"
              for d in Catalogue.all do
                  Expect.isNotEmpty d.Template d.Key
          }
          test "reading limits: statement length, error count, include depth" {
              let codes (r: CheckResult) = r.Diagnostics |> Seq.map (fun d -> d.Code) |> List.ofSeq
              let long = ScenarioLanguage.Check("t.scn", "param a = " + String.replicate 15000 "1+" + "1")
              Expect.contains (codes long) "SR1003" "statement too long"
              let garbage = ScenarioLanguage.Check("t.scn", String.replicate 150 "x\n")
              Expect.equal (codes garbage |> List.filter ((=) "SR1001")).Length 100 "100 syntax errors"
              Expect.contains (codes garbage) "SR1007" "then a stop"
              // f0 includes f1 includes f2 ...: a chain without cycles, cut at the depth limit.
              let chain = Func<string, string | null>(fun name -> sprintf "include \"f%d\"" (int (name.Substring 1) + 1))
              let deep = ScenarioLanguage.Check("f0", "include \"f1\"", CheckOptions(Resolver = chain))
              Expect.contains (codes deep) "SR1006" "include depth"
          }
          test "grammar.md documents every diagnostic of the catalogue" {
              let doc = IO.File.ReadAllText(IO.Path.Combine(TestFiles.projectDir, "..", "..", "dsl", "grammar.md"))
              for d in Catalogue.all do
                  Expect.stringContains doc (sprintf "| %s | `%s` |" d.Code d.Key) d.Key
          }
          test "positions are 1-based lines and columns of character offsets" {
              let src = SourceText("f", "ab\ncd\r\n\nef")
              Expect.equal (src.PosOf 0) { Line = 1; Column = 1 } "start"
              Expect.equal (src.PosOf 4) { Line = 2; Column = 2 } "d"
              Expect.equal (src.PosOf 8) { Line = 4; Column = 1 } "e"
              Expect.equal (src.LineText 2) "cd" "line without terminator"
              Expect.equal (src.LineText 9) "" "beyond the end"
          } ]
