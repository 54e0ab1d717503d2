/// Evaluates expressions to complex numbers. Names are looked up in an environment (parameters)
/// and then among the constants pi, e and i. Every failure is a Diagnostic at the offending
/// sub-expression: unknown names and functions, wrong arity, division by zero, non-finite results.
module SteeringRng.Scenario.Expr

open System
open System.Numerics

/// The constants every expression knows.
let constants = [ "pi", Complex(Math.PI, 0.0); "e", Complex(Math.E, 0.0); "i", Complex.ImaginaryOne ]

let private isReal (z: Complex) = z.Imaginary = 0.0

// Real arguments use the real functions, so that e.g. sqrt(4) is exactly 2 and cos(pi) exactly -1
// as far as double rounding allows; complex (or out-of-domain) arguments use the complex ones.
let private sqrtC (z: Complex) = if isReal z && z.Real >= 0.0 then Complex(Math.Sqrt z.Real, 0.0) else Complex.Sqrt z
let private logC (z: Complex) = if isReal z && z.Real > 0.0 then Complex(Math.Log z.Real, 0.0) else Complex.Log z
let private real1 (f: float -> float) (g: Complex -> Complex) (z: Complex) = if isReal z then Complex(f z.Real, 0.0) else g z

/// The functions: name, arity, implementation.
let functions: (string * int * (Complex list -> Complex)) list =
    let one f = fun (args: Complex list) -> f args.Head
    [ "sqrt", 1, one sqrtC
      "exp", 1, one (real1 Math.Exp Complex.Exp)
      "log", 1, one logC
      "cos", 1, one (real1 Math.Cos Complex.Cos)
      "sin", 1, one (real1 Math.Sin Complex.Sin)
      "tan", 1, one (real1 Math.Tan Complex.Tan)
      "acos", 1, one (fun z -> if isReal z && abs z.Real <= 1.0 then Complex(Math.Acos z.Real, 0.0) else Complex.Acos z)
      "asin", 1, one (fun z -> if isReal z && abs z.Real <= 1.0 then Complex(Math.Asin z.Real, 0.0) else Complex.Asin z)
      "atan", 1, one (real1 Math.Atan Complex.Atan)
      "abs", 1, one (fun z -> Complex(Complex.Abs z, 0.0))
      "conj", 1, one Complex.Conjugate
      "re", 1, one (fun z -> Complex(z.Real, 0.0))
      "im", 1, one (fun z -> Complex(z.Imaginary, 0.0)) ]

let private functionNames = functions |> List.map (fun (n, _, _) -> n) |> fun ns -> String.Join(", ", ns)

/// z^n for an integer n by repeated squaring, so that i^2 is exactly -1.
let private integerPower (z: Complex) (n: int) =
    let mutable result = Complex.One
    let mutable b = z
    let mutable k = abs n
    while k > 0 do
        if k &&& 1 = 1 then result <- result * b
        b <- b * b
        k <- k >>> 1
    if n < 0 then Complex.One / result else result

let private power (a: Complex) (b: Complex) =
    if isReal b && b.Real = Math.Round b.Real && abs b.Real <= 1024.0 then integerPower a (int b.Real)
    elif isReal a && isReal b && a.Real >= 0.0 then Complex(Math.Pow(a.Real, b.Real), 0.0)
    else Complex.Pow(a, b)

let private isFinite (z: Complex) = Double.IsFinite z.Real && Double.IsFinite z.Imaginary

/// Formats a number for messages: real numbers plainly, complex ones as a+bi.
let show (z: Complex) =
    let f (x: float) = x.ToString("G6", Globalization.CultureInfo.InvariantCulture)
    if z.Imaginary = 0.0 then f z.Real
    elif z.Real = 0.0 then f z.Imaginary + "i"
    else sprintf "%s%s%si" (f z.Real) (if z.Imaginary < 0.0 then "-" else "+") (f (abs z.Imaginary))

/// What a name can mean to the evaluator; the environment answers for parameters.
type Lookup = string -> Complex option

let private fail def (range: SourceRange) args : Result<Complex, Diagnostic> = Result.Error(Diagnostic.create def range args)

let private describe (e: SynExpr) =
    match e with
    | SynExpr.Ket(_, text, _) -> sprintf "the ket |%s>" text
    | SynExpr.Correlator _ -> "a correlator"
    | SynExpr.Probability _ -> "a probability"
    | SynExpr.String s -> sprintf "the string \"%s\"" s.Value
    | _ -> "this"

let private suggestion (known: string list) =
    match known with
    | [] -> ""
    | _ -> "; known names are " + String.Join(", ", known)

/// Evaluates an expression. `known` lists the names the environment defines (for messages only).
let rec evaluateWith (lookup: Lookup) (known: string list) (e: SynExpr) : Result<Complex, Diagnostic> =
    let eval = evaluateWith lookup known
    let checkFinite (z: Complex) =
        if isFinite z then Result.Ok z else fail Catalogue.notFinite e.Range [ "the result " + show z ]
    match e with
    | SynExpr.Number(v, imaginary, r) ->
        if Double.IsFinite v then Result.Ok(if imaginary then Complex(0.0, v) else Complex(v, 0.0))
        else fail Catalogue.notFinite r [ "this number" ]
    | SynExpr.Name id ->
        match lookup id.Name with
        | Some z -> Result.Ok z
        | None ->
            match List.tryFind (fun (n, _) -> n = id.Name) constants with
            | Some(_, z) -> Result.Ok z
            | None -> fail Catalogue.unknownName id.Range [ id.Name; suggestion known ]
    | SynExpr.Paren(inner, _) -> eval inner
    | SynExpr.Negate(inner, _) -> eval inner |> Result.map (fun z -> -z)
    | SynExpr.Sum(first, rest, _) ->
        let mutable acc = eval first
        for op, operand in rest do
            acc <-
                match acc, eval operand with
                | Result.Ok a, Result.Ok b -> Result.Ok(if op = SynOp.Sub then a - b else a + b)
                | (Result.Error _ as err), _ -> err
                | _, (Result.Error _ as err) -> err
        acc |> Result.bind checkFinite
    | SynExpr.Product(first, rest, _) ->
        let mutable acc = eval first
        for op, operand in rest do
            acc <-
                match acc, eval operand with
                | Result.Ok a, Result.Ok b ->
                    if op = SynOp.Div then
                        if b = Complex.Zero then fail Catalogue.divisionByZero operand.Range [] else Result.Ok(a / b)
                    else
                        Result.Ok(a * b)
                | (Result.Error _ as err), _ -> err
                | _, (Result.Error _ as err) -> err
        acc |> Result.bind checkFinite
    | SynExpr.Power(operands, _) ->
        // Right-associative: a ^ b ^ c = a ^ (b ^ c), folded from the right without recursion.
        let values = operands |> List.map eval
        match values |> List.tryPick (function Result.Error d -> Some d | _ -> None) with
        | Some d -> Result.Error d
        | None ->
            let zs = values |> List.map (function Result.Ok z -> z | Result.Error _ -> Complex.Zero) |> List.rev
            let result = zs.Tail |> List.fold (fun acc a -> power a acc) zs.Head
            if zs.Tail |> List.exists (fun a -> a = Complex.Zero) && not (isFinite result) then
                fail Catalogue.divisionByZero e.Range []
            else
                checkFinite result
    | SynExpr.Call(name, args, r) ->
        match List.tryFind (fun (n, _, _) -> n = name.Name) functions with
        | None -> fail Catalogue.unknownFunction name.Range [ name.Name; functionNames ]
        | Some(_, arity, f) when arity <> args.Length -> fail Catalogue.arity r [ name.Name; string arity; string args.Length ]
        | Some(_, _, f) ->
            let values = args |> List.map eval
            match values |> List.tryPick (function Result.Error d -> Some d | _ -> None) with
            | Some d -> Result.Error d
            | None -> values |> List.map (function Result.Ok z -> z | Result.Error _ -> Complex.Zero) |> f |> checkFinite
    | SynExpr.String _
    | SynExpr.Ket _
    | SynExpr.Correlator _
    | SynExpr.Probability _ -> fail Catalogue.notANumber e.Range [ describe e ]

/// Evaluates with only the constants known.
let evaluate (e: SynExpr) = evaluateWith (fun _ -> None) [] e

/// Evaluates and requires a real result (imaginary part below 1e-12 relative), e.g. for parameters.
let evaluateReal (lookup: Lookup) (known: string list) (what: string) (e: SynExpr) : Result<float, Diagnostic> =
    evaluateWith lookup known e
    |> Result.bind (fun z ->
        if abs z.Imaginary <= 1e-12 * max 1.0 (abs z.Real) then Result.Ok z.Real
        else Result.Error(Diagnostic.create Catalogue.notReal e.Range [ what; show z ]))

/// The parameter names an expression mentions (to tell constants from swept values).
let rec names (e: SynExpr) : string list =
    match e with
    | SynExpr.Name id -> [ id.Name ]
    | SynExpr.Paren(x, _)
    | SynExpr.Negate(x, _) -> names x
    | SynExpr.Sum(first, rest, _)
    | SynExpr.Product(first, rest, _) -> names first @ List.collect (snd >> names) rest
    | SynExpr.Power(xs, _)
    | SynExpr.Call(_, xs, _) -> List.collect names xs
    | SynExpr.Number _
    | SynExpr.String _
    | SynExpr.Ket _
    | SynExpr.Correlator _
    | SynExpr.Probability _ -> []
