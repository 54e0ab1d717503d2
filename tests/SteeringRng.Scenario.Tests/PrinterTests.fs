/// The printer writes expressions the parser reads back to the same tree and the same value:
/// a property over random expression texts.
module SteeringRng.Scenario.Tests.PrinterTests

open System
open Expecto
open FsCheck
open FsCheck.FSharp
open SteeringRng.Scenario

/// Random expression texts over numbers, constants, operators, calls and parentheses.
let rec expressionText (size: int) : Gen<string> =
    let leaf =
        Gen.oneof
            [ Gen.choose (0, 999) |> Gen.map string
              Gen.choose (0, 999) |> Gen.map (fun k -> sprintf "%d.%03d" (k / 100) k)
              Gen.choose (1, 9) |> Gen.map (sprintf "%de-2")
              Gen.choose (1, 9) |> Gen.map (sprintf "%di")
              Gen.elements [ "pi"; "e"; "i" ] ]
    if size <= 0 then
        leaf
    else
        let sub = expressionText (size / 2)
        Gen.oneof
            [ leaf
              Gen.map3 (fun a op b -> a + op + b) sub (Gen.elements [ " + "; " - "; " * "; " / "; "^"; " "; "-" ]) sub
              |> Gen.map (fun t -> t.Replace("  ", " "))
              sub |> Gen.map (sprintf "(%s)")
              sub |> Gen.map (sprintf "-%s")
              Gen.map2 (sprintf "%s(%s)") (Gen.elements [ "sqrt"; "cos"; "sin"; "exp"; "log"; "abs"; "conj" ]) sub ]

let parses = ExprTests.tryParse

let sameOutcome (a: Result<Numerics.Complex, Diagnostic>) (b: Result<Numerics.Complex, Diagnostic>) =
    match a, b with
    | Result.Ok x, Result.Ok y -> x = y
    | Result.Error d, Result.Error f -> d.Code = f.Code
    | _ -> false

[<Tests>]
let tests =
    testList
        "printer"
        [ testPropertyWithConfig { FsCheckConfig.defaultConfig with maxTest = 500 } "print(parse t) reads back to the same text and value"
          <| Prop.forAll (Arb.fromGen (Gen.sized (fun n -> expressionText (min n 40)))) (fun text ->
              match parses text with
              | None -> () // juxtaposed numbers ("2 3") are not expressions: nothing to compare
              | Some e ->
                  let printed = Printer.expr e
                  match parses printed with
                  | None -> failwithf "printed form %s of %s does not parse" printed text
                  | Some again ->
                      Expect.equal (Printer.expr again) printed "printing is stable"
                      Expect.isTrue (sameOutcome (Expr.evaluate e) (Expr.evaluate again)) (sprintf "same value for %s and %s" text printed)) ]
