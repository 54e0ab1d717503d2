/// Measurements as the language promises them (grammar.md), built by SteeringRng.Quantum and read back
/// from checked scenarios: orthonormal, mutually unbiased where promised, the documented conventions,
/// Bloch and file POVMs validated. Expected values come from the formulas, not from our output.
module SteeringRng.Scenario.Tests.MeasurementTests

open System
open System.Numerics
open Expecto
open SteeringRng.Scenario

let c (re: float) (im: float) = Complex(re, im)

/// The settings of Bob (dimension d) after checking `measure Bob: <settings>`; data files from `files`.
let settingsWith (files: (string * string) list) (d: int) (settings: string) =
    let text =
        sprintf "node Alice trusted dim %d\nnode Bob untrusted dim %d\nstate = ghz\nmeasure Bob: %s\nobjective g = guess Bob.0\nbounds ns\n" d d settings
    let resolver = Func<string, string | null>(fun name -> match List.tryFind (fst >> (=) name) files with Some(_, t) -> t | None -> null)
    let result = ScenarioLanguage.Check("m.scn", text, CheckOptions(Resolver = resolver))
    Expect.equal (result.RenderDiagnostics()) "" "no diagnostics"
    result.Scenarios[0].Nodes[1].Settings |> Array.map (fun s -> s.Elements)

let settings d text = settingsWith [] d text

/// The diagnostics (code, message) of a scenario whose Bob measures `settings`.
let diagnosticsWith (files: (string * string) list) (d: int) (settings: string) =
    let text =
        sprintf "node Alice trusted dim %d\nnode Bob untrusted dim %d\nstate = ghz\nmeasure Bob: %s\nobjective g = guess Bob.0\nbounds ns\n" d d settings
    let resolver = Func<string, string | null>(fun name -> match List.tryFind (fst >> (=) name) files with Some(_, t) -> t | None -> null)
    ScenarioLanguage.Check("m.scn", text, CheckOptions(Resolver = resolver)).Diagnostics
    |> Seq.map (fun d -> d.Code, d.Message)
    |> List.ofSeq

/// Tr(A B)
let traceOfProduct (a: Complex[,]) (b: Complex[,]) =
    let n = Array2D.length1 a
    Seq.fold (+) Complex.Zero [ for i in 0 .. n - 1 do for j in 0 .. n - 1 -> a[i, j] * b.[j, i] ]

let product (a: Complex[,]) (b: Complex[,]) =
    let n = Array2D.length1 a
    Array2D.init n n (fun i j -> Seq.fold (+) Complex.Zero [ for k in 0 .. n - 1 -> a[i, k] * b.[k, j] ])

let distance (a: Complex[,]) (b: Complex[,]) =
    let n = Array2D.length1 a
    seq { for i in 0 .. n - 1 do for j in 0 .. n - 1 -> Complex.Abs(a[i, j] - b.[i, j]) } |> Seq.fold max 0.0

let close (tolerance: float) (expected: Complex[,]) (actual: Complex[,]) what =
    Expect.equal (Array2D.length1 actual) (Array2D.length1 expected) (what + ": size")
    Expect.isLessThanOrEqual (distance expected actual) tolerance what

/// |v><v|
let projector (v: Complex[]) = Array2D.init v.Length v.Length (fun i j -> v[i] * Complex.Conjugate v[j])

let identity n = Array2D.init n n (fun i j -> if i = j then Complex.One else Complex.Zero)

let sum n (ms: Complex[,] seq) = ms |> Seq.fold (fun (acc: Complex[,]) m -> Array2D.init n n (fun i j -> acc[i, j] + m[i, j])) (Array2D.zeroCreate n n)

/// (1/sqrt d) exp(2 pi i e / d): the phase written with Complex.Exp, independently of the code under test.
let phase (d: int) (e: int) = Complex.Exp(Complex(0.0, 2.0 * Math.PI * float e / float d)) / Complex(sqrt (float d), 0.0)

[<Tests>]
let tests =
    testList
        "measurements"
        [ for d in [ 2; 3; 5; 7 ] do
              test (sprintf "mub(0) .. mub(%d) are orthonormal rank-1 projectors and mutually unbiased" d) {
                  let bases = settings d (String.Join(" ", [ for k in 0 .. d -> sprintf "mub(%d)" k ]))
                  Expect.equal bases.Length (d + 1) "d + 1 bases"
                  for b in bases do
                      Expect.equal b.Length d "d outcomes"
                      close 1e-12 (identity d) (sum d b) "sum to the identity"
                      for i in 0 .. d - 1 do
                          // P_i P_j = delta_ij P_i and Tr P_i = 1: orthonormal vectors
                          Expect.isLessThan (Complex.Abs(traceOfProduct b.[i] (identity d) - Complex.One)) 1e-12 "rank 1"
                          for j in 0 .. d - 1 do
                              let expected = if i = j then b.[i] else Array2D.zeroCreate d d
                              close 1e-12 expected (product b.[i] b.[j]) "orthogonal projectors"
                  // Tr(P_i Q_j) = |<e_i|f_j>|^2 = 1/d for vectors of different bases
                  for k in 0 .. d do
                      for l in k + 1 .. d do
                          for p in bases[k] do
                              for q in bases[l] do
                                  Expect.isLessThan (abs ((traceOfProduct p q).Real - 1.0 / float d)) 1e-12 "unbiased"
              }
          test "mub(2) in d = 3 is the Wootters-Fields basis e_j = (1/sqrt 3) sum_n w^(n^2 + j n) |n>" {
              let b = (settings 3 "mub(2)")[0]
              for j in 0..2 do
                  close 1e-12 (projector (Array.init 3 (fun n -> phase 3 (n * n + j * n)))) b.[j] (sprintf "outcome %d" j)
          }
          test "X and F in d = 3 (and mub(1) in d = 4) are the Fourier basis f_j = (1/sqrt d) sum_n w^(j n) |n>" {
              for d, text in [ 3, "X F"; 4, "mub(1)" ] do
                  for b in settings d text do
                      for j in 0 .. d - 1 do
                          close 1e-12 (projector (Array.init d (fun n -> phase d (j * n)))) b.[j] (sprintf "d = %d, outcome %d" d j)
          }
          test "dimension 4 has only mub(0) and mub(1), and they are unbiased" {
              let b = settings 4 "mub(0) mub(1)"
              for p in b.[0] do
                  for q in b.[1] do
                      Expect.isLessThan (abs ((traceOfProduct p q).Real - 0.25)) 1e-12 "unbiased"
              Expect.equal (diagnosticsWith [] 4 "mub(2)") [ "SR2017", "mub(2) on dimension 4: only mub(0) (computational) and mub(1) (Fourier) are defined when the dimension is not prime" ] "mub(2) needs a prime"
              Expect.equal (diagnosticsWith [] 3 "mub(4)") [ "SR2017", "mub(4) on dimension 3: the index must be an integer between 0 and 3" ] "index beyond d"
          }
          test "qubit conventions: outcome 0 is the +1 eigenvector of Z, X and Y; outcome j of Z is |j>" {
              let half = 0.5
              let b = settings 2 "Z X Y mub(2)"
              close 0.0 (array2D [ [ c 1.0 0.0; c 0.0 0.0 ]; [ c 0.0 0.0; c 0.0 0.0 ] ]) b.[0].[0] "Z0 = |0><0|"
              close 0.0 (array2D [ [ c 0.0 0.0; c 0.0 0.0 ]; [ c 0.0 0.0; c 1.0 0.0 ] ]) b.[0].[1] "Z1 = |1><1|"
              close 1e-15 (array2D [ [ c half 0.0; c half 0.0 ]; [ c half 0.0; c half 0.0 ] ]) b.[1].[0] "X0 = |+><+|"
              // |y+><y+| = (I + Y)/2 = [[1/2, -i/2], [i/2, 1/2]], |y+> = (|0> + i|1>)/sqrt 2
              close 1e-15 (array2D [ [ c half 0.0; c 0.0 -half ]; [ c 0.0 half; c half 0.0 ] ]) b.[2].[0] "Y0"
              close 0.0 b.[2].[0] b.[3].[0] "mub(2) of a qubit is Y"
              let z3 = (settings 3 "Z")[0]
              for j in 0..2 do
                  close 0.0 (projector (Array.init 3 (fun n -> if n = j then Complex.One else Complex.Zero))) z3.[j] (sprintf "qutrit Z%d" j)
          }
          test "Bloch POVMs sum to the identity and reproduce the Bloch vector, also unsharp ones" {
              for x, y, z in [ 0.48, 0.36, 0.8; 0.3, 0.0, 0.4 ] do
                  let povm = (settings 2 (sprintf "bloch(%g, %g, %g)" x y z))[0]
                  close 1e-15 (identity 2) (sum 2 povm) "sum"
                  // E0 - E1 = n.sigma, so Tr[(E0 - E1) sigma_k] = 2 n_k
                  let diff = Array2D.init 2 2 (fun i j -> povm[0].[i, j] - povm[1].[i, j])
                  let sx = array2D [ [ c 0.0 0.0; c 1.0 0.0 ]; [ c 1.0 0.0; c 0.0 0.0 ] ]
                  let sy = array2D [ [ c 0.0 0.0; c 0.0 -1.0 ]; [ c 0.0 1.0; c 0.0 0.0 ] ]
                  let sz = array2D [ [ c 1.0 0.0; c 0.0 0.0 ]; [ c 0.0 0.0; c -1.0 0.0 ] ]
                  Expect.isLessThan (Complex.Abs(traceOfProduct diff sx - c (2.0 * x) 0.0)) 1e-15 "x"
                  Expect.isLessThan (Complex.Abs(traceOfProduct diff sy - c (2.0 * y) 0.0)) 1e-15 "y"
                  Expect.isLessThan (Complex.Abs(traceOfProduct diff sz - c (2.0 * z) 0.0)) 1e-15 "z"
              match diagnosticsWith [] 2 "bloch(1, 1, 0)" with
              | [ "SR2018", message ] -> Expect.stringContains message "|n| = 1.414213562" "the length, to ten digits"
              | other -> failtestf "expected one SR2018, got %A" other
          }
          test "angles(theta, phi) is the Bloch vector (sin t cos p, sin t sin p, cos t)" {
              let b = settings 2 "angles(pi/2, pi/2) Y"
              close 1e-15 b.[1].[0] b.[0].[0] "angles(pi/2, pi/2) = Y"
          }
          test "the positivity test of POVM files accepts singular PSD and rejects indefinite elements" {
              // |+><+| and |-><-|: PSD with eigenvalue 0
              let singular = "0.5 0.5 0.5 0.5\n0.5 -0.5 -0.5 0.5"
              Expect.equal (settingsWith [ "p.txt", singular ] 2 "povm(\"p.txt\")").Length 1 "accepted"
              // [[0.5, 1], [1, 0.5]] has eigenvalues 1.5 and -0.5; its complement I - E0 as well
              let indefinite = "0.5 1 1 0.5\n0.5 -1 -1 0.5"
              match diagnosticsWith [ "q.txt", indefinite ] 2 "povm(\"q.txt\")" with
              | [ "SR2019", message ] ->
                  Expect.stringContains message "element 0 is not positive semidefinite" "which element"
                  Expect.stringContains message "-0.5" "how negative"
              | other -> failtestf "expected one SR2019, got %A" other
          }
          test "data files read real and complex numbers and name the line of a bad token" {
              Expect.equal (NumberFile.read "1, -2.5e-1 # comment\n0.5+0.25i -i 3i")
                  (Result.Ok [| c 1.0 0.0; c -0.25 0.0; c 0.5 0.25; c 0.0 -1.0; c 0.0 3.0 |]) "numbers"
              Expect.equal (NumberFile.read "1 2\n3 x4") (Result.Error "line 2: cannot read 'x4' as a number") "error"
          } ]
