/// Robustness of the assemblage-file readers, as FuzzTests does for scenario text: valid .npy and .json files with random
/// edits (flipped and deleted bytes, truncation, spliced fragments) and random bytes never make a reader throw anything
/// but its located DataFileException, never hang, and through the checker never give an internal error (SR9999).
module SteeringRng.Scenario.Tests.DataFileFuzzTests

open System
open System.Diagnostics
open System.Numerics
open System.Text
open Expecto
open FsCheck
open FsCheck.FSharp
open SteeringRng.Quantum
open SteeringRng.Quantum.Data
open SteeringRng.Scenario

/// A small valid assemblage (GHZ at μ = 0.7, Bob and Charlie measuring X and Z).
let private sigma =
    lazy
        (let xz: Povm list = [ Measurements.PauliX; Measurements.PauliZ ]
         AssemblageBuilder.Build(States.NoisyGhz(3, 2, 0.7), [| 0 |], [| xz :> Collections.Generic.IReadOnlyList<Povm>; xz |]))

let private layout = AssemblageLayout(2, [| 2; 2 |], [| 2; 2 |])
let private names = [| "Bob"; "Charlie" |]

let private valid (name: string) = AssemblageFile.Write(sigma.Value, name, names)

/// Pieces that break .npy headers and JSON in interesting ways.
let private fragments =
    [| "{"; "}"; "["; "]"; "'"; "\""; ","; ":"; "("; ")"; "'shape': ("; "'descr': '<c16'"; "True"; "False"; "NaN"; "1e999"
       "-0"; "\"real\""; "\"imag\""; "\"blocks\""; "\"settings\": [0, 0]"; "99999999999999999999"; "\u0000"; "\x93NUMPY"; "\n"; " " |]
    |> Array.map Encoding.UTF8.GetBytes

let private mutated (name: string) : Gen<byte[]> =
    gen {
        let original = valid name
        let! edits = Gen.choose (1, 5)
        let mutable bytes = original
        for _ in 1..edits do
            let! kind = Gen.choose (0, 4)
            let! at = Gen.choose (0, max 0 (bytes.Length - 1))
            let! value = Gen.choose (0, 255)
            let! piece = Gen.elements fragments
            bytes <-
                match kind with
                | 0 when bytes.Length > 0 -> Array.updateAt at (byte value) bytes
                | 1 when bytes.Length > 0 -> Array.removeAt at bytes
                | 2 -> Array.truncate at bytes
                | 3 -> Array.insertManyAt at piece bytes
                | _ -> Array.append bytes piece
        return bytes
    }

let private randomBytes: Gen<byte[]> = Gen.arrayOf (Gen.choose (0, 255) |> Gen.map byte)

/// The reader either returns an assemblage of the right layout or throws DataFileException naming the file; quickly.
let private readsOrRefuses (name: string) (bytes: byte[]) =
    let sw = Stopwatch.StartNew()
    try
        let a = AssemblageFile.Read(ReadOnlySpan bytes, name, layout, names)
        if a.TrustedDimension <> 2 then failwith "wrong layout accepted"
    with :? DataFileException as e ->
        if not (e.Message.StartsWith(sprintf "'%s': " name)) then failwithf "message does not name the file: %s" e.Message
    if sw.ElapsedMilliseconds > 2000L then failwithf "took %d ms" sw.ElapsedMilliseconds

/// Through the checker: any diagnostics but never an internal error, and ranges inside the scenario text.
let private checksCleanlyOrReports (name: string) (bytes: byte[]) =
    let text = sprintf "node Alice trusted dim 2\nnode Bob, Charlie untrusted\nmeasure Bob, Charlie: X Z\nassemblage = file(\"%s\")\nrepair = nearest\nobjective j = guess Bob.X, Charlie.X\nbounds ns\n" name
    let options = CheckOptions(ByteReader = Func<string, int64, FileBytes>(fun _ _ -> FileBytes.Bytes bytes))
    let result = ScenarioLanguage.Check("fuzz.scn", text, options)
    match result.Diagnostics |> Seq.tryFind (fun d -> d.Code = "SR9999") with
    | Some d -> failwithf "internal error: %s" d.Message
    | None -> ()
    for d in result.Diagnostics do
        if d.Range.EndIndex > text.Length then failwithf "range outside the text: %A" d.Range

let private config = FuzzTests.config

[<Tests>]
let tests =
    testList
        "data file robustness"
        [ testPropertyWithConfig config "mutated .npy files are read or refused" (Prop.forAll (Arb.fromGen (mutated "s.npy")) (readsOrRefuses "s.npy"))
          testPropertyWithConfig config "mutated .json files are read or refused" (Prop.forAll (Arb.fromGen (mutated "s.json")) (readsOrRefuses "s.json"))
          testPropertyWithConfig config "random bytes are refused" (Prop.forAll (Arb.fromGen randomBytes) (fun b -> readsOrRefuses "r.npy" b; readsOrRefuses "r.json" b))
          testPropertyWithConfig config "mutated files through the checker never fail internally" (Prop.forAll (Arb.fromGen (mutated "s.npy")) (checksCleanlyOrReports "s.npy"))
          testPropertyWithConfig config "mutated JSON through the checker never fail internally" (Prop.forAll (Arb.fromGen (mutated "s.json")) (checksCleanlyOrReports "s.json"))
          test "invalid UTF-8 inside a JSON string is refused, not an internal error" {
              // A found case: 0xA1 in place of the 'i' of "steeringrng-assemblage" (JsonDocument accepts it, GetString throws).
              let bytes = Array.copy (valid "s.json")
              let at = (Encoding.ASCII.GetString bytes).IndexOf("steeringrng", System.StringComparison.Ordinal)
              bytes[at + 5] <- 0xA1uy
              Expect.throwsT<DataFileException> (fun () -> AssemblageFile.Read(ReadOnlySpan bytes, "s.json", layout, names) |> ignore) "refused"
              checksCleanlyOrReports "s.json" bytes
          }
          test "the unmutated files are read" {
              readsOrRefuses "s.npy" (valid "s.npy")
              let a = AssemblageFile.Read(ReadOnlySpan(valid "s.json"), "s.json", layout, names)
              Expect.equal (AssemblageLayout.ToValues a) (AssemblageLayout.ToValues sigma.Value) "JSON round trip"
          }
          test "a header claiming a huge array is refused before reading" {
              let header = "{'descr': '<c16', 'fortran_order': False, 'shape': (1000, 1000, 1000, 1000), }"
              let bytes = Array.concat [ [| 0x93uy |]; Encoding.ASCII.GetBytes "NUMPY"; [| 1uy; 0uy; byte header.Length; 0uy |]; Encoding.ASCII.GetBytes header ]
              try
                  AssemblageFile.Read(ReadOnlySpan bytes, "h.npy") |> ignore
                  failtest "accepted"
              with :? DataFileException as e ->
                  Expect.stringContains e.Message "has 1000000000000 entries; the limit is 1000000" "refused from the header"
          } ]
