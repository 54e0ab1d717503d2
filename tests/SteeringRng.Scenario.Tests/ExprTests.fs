/// Expression evaluation against exact values, and its diagnostics.
module SteeringRng.Scenario.Tests.ExprTests

open System
open System.Numerics
open Expecto
open FParsec
open SteeringRng.Scenario

/// A whole text as one expression, or None.
let tryParse (text: string) : SynExpr option =
    let src = SourceText("expr", text)
    match runParserOnString (Grammar.ws >>. Grammar.expr .>> eof) src "expr" text with
    | Success(e, _, _) -> Some e
    | Failure _ -> None

let parse (text: string) : SynExpr =
    match tryParse text with
    | Some e -> e
    | None -> failwithf "test expression did not parse: %s" text

let eval (text: string) = Expr.evaluate (parse text)

let value (text: string) =
    match eval text with
    | Result.Ok z -> z
    | Result.Error d -> failwithf "%s: %s" text d.Message

let failure (text: string) =
    match eval text with
    | Result.Ok z -> failwithf "%s evaluated to %O" text z
    | Result.Error d -> d

let exactly (text: string) (expected: Complex) =
    test (sprintf "%s = %s" text (Expr.show expected)) { Expect.equal (value text) expected text }

let close (text: string) (expected: Complex) =
    test (sprintf "%s ~ %s" text (Expr.show expected)) {
        Expect.isLessThan (Complex.Abs(value text - expected)) 1e-15 text
    }

let r (x: float) = Complex(x, 0.0)

[<Tests>]
let tests =
    testList
        "expressions"
        [ exactly "2 + 3 * 4 ^ 2" (r 50.0)
          exactly "-2^2" (r -4.0)
          exactly "2^3^2" (r 512.0)
          exactly "2^-1" (r 0.5)
          exactly "(1 + 2) * 3 / 4" (r 2.25)
          exactly "1 - 2 - 3" (r -4.0)
          exactly "8 / 2 / 2" (r 2.0)
          exactly "- - 3" (r 3.0)
          exactly "1e-3" (r 0.001)
          exactly "sqrt(4)" (r 2.0)
          exactly "sqrt(-4)" (Complex(0.0, 2.0))
          exactly "i^2" (r -1.0)
          exactly "i^-1" (Complex(0.0, -1.0))
          exactly "2i * 3i" (r -6.0)
          exactly "cos(pi)" (r -1.0)
          exactly "log(e)" (r 1.0)
          exactly "exp(0)" (r 1.0)
          exactly "abs(3 + 4i)" (r 5.0)
          exactly "conj(1 + 2i)" (Complex(1.0, -2.0))
          exactly "re(1 + 2i) + im(1 + 2i)" (r 3.0)
          close "exp(i * pi)" (r -1.0)
          close "sin(pi / 6)" (r 0.5)
          close "sqrt(2)^2" (r 2.0)
          close "acos(0) * 2" (r Math.PI)
          test "juxtaposition multiplies a number and a ket (and a ket is not a number)" {
              match parse "0.5|01>" with
              | SynExpr.Product(SynExpr.Number(0.5, false, _), [ SynOp.Mul, SynExpr.Ket([ 0; 1 ], "01", _) ], _) -> ()
              | other -> failtestf "parsed as %A" other
              Expect.equal (failure "0.5|01>").Code "SR3006" "a ket in a number"
          }
          test "division by zero is reported at the divisor" {
              let d = failure "1 / (2 - 2)"
              Expect.equal d.Code "SR3004" "code"
              Expect.equal (d.Range.StartIndex, d.Range.EndIndex) (4, 11) "range of (2 - 2)"
          }
          test "zero to a negative power is a division by zero" { Expect.equal (failure "0^-1").Code "SR3004" "code" }
          test "an unknown name is reported at the name with the known names" {
              let d = Expr.evaluateWith (fun _ -> None) [ "mu"; "nu" ] (parse "1 + muu")
              match d with
              | Result.Error d ->
                  Expect.equal d.Code "SR3001" "code"
                  Expect.equal d.Message "unknown name 'muu'; known names are mu, nu" "message"
                  Expect.equal (d.Range.StartIndex, d.Range.EndIndex) (4, 7) "range"
              | Result.Ok _ -> failtest "evaluated"
          }
          test "an unknown function lists the functions" {
              let d = failure "sqroot(2)"
              Expect.equal d.Code "SR3002" "code"
              Expect.stringContains d.Message "sqrt, exp, log, cos, sin" "lists functions"
          }
          test "wrong arity is reported" { Expect.equal (failure "cos(1, 2)").Code "SR3003" "code" }
          test "overflow is not a finite number" {
              Expect.equal (failure "10^400").Code "SR3005" "power"
              Expect.equal (failure "1e999").Code "SR3005" "literal"
              Expect.equal (failure "exp(1000)").Code "SR3005" "function"
              Expect.equal (failure "log(0)").Code "SR3005" "log 0"
          }
          test "parameters are looked up before constants" {
              let lookup name = if name = "e" then Some(r 7.0) else None
              Expect.equal (Expr.evaluateWith lookup [ "e" ] (parse "e + 1")) (Result.Ok(r 8.0)) "shadowing"
          }
          test "evaluateReal rejects complex values" {
              match Expr.evaluateReal (fun _ -> None) [] "x" (parse "1 + i") with
              | Result.Error d -> Expect.equal d.Message "x must be real, got 1+1i" "message"
              | Result.Ok _ -> failtest "accepted"
          } ]
