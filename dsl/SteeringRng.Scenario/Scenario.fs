namespace SteeringRng.Scenario

open System
open System.Collections.Generic
open System.Numerics

/// Options for checking, for C# hosts. All members are optional.
[<Sealed>]
type CheckOptions() =
    /// Returns the text of an included or data file given its name as written, or null when it
    /// cannot be read. Without a resolver every include and data file is "not found".
    member val Resolver: Func<string, string | null> | null = null with get, set

    /// The largest parameter grid accepted.
    member val MaxGridPoints = Checker.defaultMaxGridPoints with get, set

/// The outcome of parsing: the syntax tree and the syntax diagnostics.
[<Sealed>]
type ParseResult internal (output: Parser.ParseOutput) =
    member _.Syntax = output.File
    member _.Diagnostics: IReadOnlyList<Diagnostic> = output.Diagnostics |> Array.ofList :> _
    member _.HasErrors = output.Diagnostics |> List.exists (fun d -> d.IsError)
    member internal _.Output = output

/// The outcome of checking: all diagnostics (syntax and checking) and the scenarios that checked
/// without errors (a file may hold several scenarios).
[<Sealed>]
type CheckResult internal (diagnostics: Diagnostic list, scenarios: Checked.Scenario list, sources: SourceText list) =
    member _.Diagnostics: IReadOnlyList<Diagnostic> = diagnostics |> Array.ofList :> _
    member _.Scenarios: IReadOnlyList<Checked.Scenario> = scenarios |> Array.ofList :> _
    member _.HasErrors = diagnostics |> List.exists (fun d -> d.IsError)
    /// True when there is no error (warnings allowed) and at least one scenario.
    member this.Succeeded = not this.HasErrors && not scenarios.IsEmpty

    /// Every diagnostic rendered as `file:line:col: error SRnnnn: message`, source line and carets.
    member _.RenderDiagnostics() =
        let lineOf (file: string) (line: int) =
            sources |> List.tryFind (fun s -> s.FileName = file) |> Option.map (fun s -> s.LineText line)
        String.Join("\n", diagnostics |> List.map (Diagnostic.render lineOf))

/// The scenario language front end: parse and check scenario text. Static members only, so that
/// C# hosts never call curried F# functions. (Not called "Scenario", which would clash with the
/// namespace name in C#.)
[<Sealed; AbstractClass>]
type ScenarioLanguage =
    static member private InternalError(fileName: string, e: exn) =
        Diagnostic.create Catalogue.internalError (SourceRange.fileStart fileName) [ e.GetType().Name + ": " + e.Message ]

    static member private ToResolver(resolver: Func<string, string | null> | null) : Parser.Resolver =
        match resolver with
        | null -> fun _ -> None
        | f ->
            fun name ->
                match f.Invoke name with
                | null -> None
                | text -> Some text

    /// Parses scenario text; includes are resolved through the resolver (null: none available).
    static member Parse(fileName: string, text: string, resolver: Func<string, string | null> | null) : ParseResult =
        let resolve = ScenarioLanguage.ToResolver resolver
        try
            ParseResult(Parser.parse resolve fileName text)
        with e ->
            ParseResult(
                { File = { FileName = fileName; Scenarios = [] }
                  Diagnostics = [ ScenarioLanguage.InternalError(fileName, e) ]
                  Sources = [ SourceText(fileName, text) ] }
            )

    static member Parse(fileName: string, text: string) : ParseResult = ScenarioLanguage.Parse(fileName, text, null)

    /// Parses and checks scenario text.
    static member Check(fileName: string, text: string, options: CheckOptions | null) : CheckResult =
        let options = match options with null -> CheckOptions() | o -> o
        let resolve = ScenarioLanguage.ToResolver options.Resolver
        let checkerOptions: Checker.Options = { Resolve = resolve; MaxGridPoints = options.MaxGridPoints }
        let sources = [ SourceText(fileName, text) ]
        try
            let parsed = Parser.parse resolve fileName text
            let diagnostics, scenarios = Checker.check checkerOptions parsed.File
            // A line that failed to parse contributes no statement, so "missing ..." diagnostics
            // after syntax errors are consequences, not news: leave them out.
            let consequential = [ Catalogue.missingNodes; Catalogue.missingObjective; Catalogue.missingBounds; Catalogue.nodeNotMeasured; Catalogue.missingState ]
            let syntaxErrors = parsed.Diagnostics |> List.exists (fun d -> d.IsError)
            let diagnostics = if syntaxErrors then diagnostics |> List.filter (fun d -> not (List.contains d.Def consequential)) else diagnostics
            CheckResult(parsed.Diagnostics @ diagnostics, scenarios, parsed.Sources)
        with e ->
            CheckResult([ ScenarioLanguage.InternalError(fileName, e) ], [], sources)

    static member Check(fileName: string, text: string) : CheckResult = ScenarioLanguage.Check(fileName, text, null)

    /// The compact text form of a checked scenario.
    static member Print(scenario: Checked.Scenario) : string = Printer.scenario scenario

    /// The state of a checked scenario at a sweep point, as SteeringRng.Quantum's validated density matrix.
    static member State(scenario: Checked.Scenario, point: int) : SteeringRng.Quantum.DensityMatrix =
        match scenario.State with
        | None -> invalidArg (nameof scenario) "the scenario has no state"
        | Some state ->
            if point < 0 || point >= scenario.Sweep.Points.Length then
                raise (ArgumentOutOfRangeException(nameof point, "no such sweep point"))
            // The checker evaluated and validated every point, so a failure here is a bug.
            match StateEval.densityAt scenario.Sweep point state with
            | Result.Ok rho -> rho
            | Result.Error d -> invalidOp ("a checked state failed to evaluate: " + d.Message)

    /// The state at given values of the parameters (values[p.Index] for every parameter p of scenario.Sweep), e.g.
    /// between grid points for a threshold search. Only the grid points were checked, so a failure here is the
    /// caller's: ArgumentException (QuantumValidationException when the numbers are not a state) with the reason.
    /// Derived parameters are not recomputed: their values are taken from `values`.
    static member State(scenario: Checked.Scenario, values: float[]) : SteeringRng.Quantum.DensityMatrix =
        match scenario.State with
        | None -> invalidArg (nameof scenario) "the scenario has no state"
        | Some state ->
            if values.Length <> scenario.Sweep.Parameters.Length then
                invalidArg (nameof values) (sprintf "%d parameter values given, the scenario has %d parameters" values.Length scenario.Sweep.Parameters.Length)
            match StateEval.densityWith (scenario.Sweep.LookupValues values) scenario.Sweep.Names state with
            | Result.Ok rho -> rho
            | Result.Error d -> invalidArg (nameof values) d.Message

    /// The density matrix of a checked scenario's state at a sweep point (rows, columns in the big-endian
    /// product basis of the nodes in declaration order).
    static member DensityMatrix(scenario: Checked.Scenario, point: int) : Complex[,] =
        ScenarioLanguage.State(scenario, point).Matrix.ToArray()
