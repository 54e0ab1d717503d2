/// What every checking pass shares: the place to report diagnostics, the data-file resolver, and
/// helpers for names.
module internal SteeringRng.Scenario.CheckContext

open System
open System.Numerics

type Context =
    { Report: Diagnostic -> unit
      Resolve: Parser.Resolver
      /// Reads binary data files (assemblages) by name, at most the given number of bytes.
      ResolveBytes: string -> int64 -> FileBytes
      /// constants known when evaluating measurement arguments and Bell coefficients
      Constants: Expr.Lookup
      /// names of swept/derived parameters, which such constant contexts may not use
      Varying: string list
      ParameterNames: string list }

let error (ctx: Context) def (range: SourceRange) args = ctx.Report(Diagnostic.create def range args)

/// "; the nodes are Alice, Bob" for unknown-name messages.
let listing (what: string) (names: string seq) =
    let names = List.ofSeq names
    if names.IsEmpty then "" else sprintf "; the %s are %s" what (String.Join(", ", names))

/// Evaluates an expression that must be a real constant.
let constantReal (ctx: Context) (what: string) (e: SynExpr) : float option =
    match Expr.names e |> List.tryFind (fun n -> List.contains n ctx.Varying) with
    | Some n ->
        error ctx Catalogue.notConstant e.Range [ what; n ]
        None
    | None ->
        match Expr.evaluateReal ctx.Constants ctx.ParameterNames what e with
        | Result.Ok v -> Some v
        | Result.Error d ->
            ctx.Report d
            None

/// Reads a data file of numbers through the resolver, at most InputLimits.MaxDataBytes of it.
let readNumbers (ctx: Context) (file: SynString) : Complex[] option =
    let tooLarge () =
        error ctx Catalogue.fileTooLarge file.Range [ file.Value; InputLimits.Describe InputLimits.MaxDataBytes; "data files" ]
        None
    match ctx.Resolve file.Value InputLimits.MaxDataBytes with
    | FileContent.NotFound ->
        error ctx Catalogue.fileNotFound file.Range [ file.Value ]
        None
    | FileContent.TooLarge -> tooLarge ()
    | FileContent.Text text when int64 text.Length > InputLimits.MaxDataBytes -> tooLarge ()
    | FileContent.Text text ->
        match NumberFile.read text with
        | Result.Ok values -> Some values
        | Result.Error message ->
            error ctx Catalogue.fileNumbers file.Range [ file.Value; message ]
            None
