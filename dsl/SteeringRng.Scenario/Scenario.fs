namespace SteeringRng.Scenario

open System
open System.Collections.Generic
open System.Numerics

/// Options for checking, for C# hosts. All members are optional.
[<Sealed>]
type CheckOptions() =
    /// Returns the text of an included or data file given its name as written, or null when it
    /// cannot be read. Without a resolver (or a FileReader) every include and data file is "not found".
    /// For text held in memory: a text longer than the limit (InputLimits) is reported as too large.
    member val Resolver: Func<string, string | null> | null = null with get, set

    /// For hosts that read files: given a name as written and a limit in bytes (InputLimits), returns
    /// the file's text, FileContent.NotFound, or FileContent.TooLarge as soon as the file proves longer
    /// than the limit (so that an endless file is never read to its end). Used instead of Resolver when set.
    member val FileReader: Func<string, int64, FileContent> | null = null with get, set

    /// For hosts that read files: given a name as written and a limit in bytes, the file's bytes, FileBytes.NotFound, or
    /// FileBytes.TooLarge as soon as the file proves longer than the limit. Used for assemblage files (.npy, .json);
    /// without it every assemblage file is "not found".
    member val ByteReader: Func<string, int64, FileBytes> | null = null with get, set

    /// Repair measured data that are not a valid assemblage, as if the scenario said `repair = nearest` (unless it
    /// says `repair = none`): the CLI's --repair.
    member val RepairData = false with get, set

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

    static member private ToResolver(options: CheckOptions) : Parser.Resolver =
        match options.FileReader, options.Resolver with
        | null, null -> fun _ _ -> FileContent.NotFound
        | null, f ->
            // The language measures the text against the limit itself (Parser, CheckContext).
            fun name _ ->
                match f.Invoke name with
                | null -> FileContent.NotFound
                | text -> FileContent.Text text
        | reader, _ -> fun name limit -> reader.Invoke(name, limit)

    /// Leaves out "missing ..." diagnostics that are consequences of statements lost to errors: a line
    /// that failed to parse contributes no statement, so "no measurements for Charlie" after a broken
    /// `measure Charlie ...` line is not news. Only a lost statement of the same kind excuses one (a broken
    /// `bounds` line does not hide a missing `measure`; a broken `measure` line only for the nodes it
    /// names); text never read (a failed include) could have held anything.
    static member private WithoutConsequences(parsed: Parser.ParseOutput, diagnostics: Diagnostic list) =
        let textAt (r: SourceRange) =
            parsed.Sources |> List.tryFind (fun s -> s.FileName = r.File)
            |> Option.map (fun s -> s.Text.Substring(r.StartIndex, r.EndIndex - r.StartIndex))
        let lostLine (keyword: string) (name: string option) =
            parsed.Lost
            |> List.exists (function
                | Parser.Unread -> true
                | Parser.Words(first :: rest) when first = keyword -> name |> Option.forall (fun n -> List.contains n rest)
                | Parser.Words _ -> false)
        let excused (d: Diagnostic) =
            if d.Def = Catalogue.nodeNotMeasured then lostLine "measure" (textAt d.Range)
            elif d.Def = Catalogue.missingNodes then lostLine "node" None
            elif d.Def = Catalogue.missingState then lostLine "state" None || lostLine "assemblage" None
            elif d.Def = Catalogue.missingObjective then lostLine "objective" None
            elif d.Def = Catalogue.missingBounds then lostLine "bounds" None
            else false
        diagnostics |> List.filter (excused >> not)

    /// Parses scenario text; includes are resolved through the resolver (null: none available).
    static member Parse(fileName: string, text: string, resolver: Func<string, string | null> | null) : ParseResult =
        let resolve = ScenarioLanguage.ToResolver(CheckOptions(Resolver = resolver))
        try
            ParseResult(Parser.parse resolve fileName text)
        with e ->
            ParseResult(
                { File = { FileName = fileName; Scenarios = [] }
                  Diagnostics = [ ScenarioLanguage.InternalError(fileName, e) ]
                  Sources = [ SourceText(fileName, text) ]
                  Lost = [ Parser.Unread ] }
            )

    static member Parse(fileName: string, text: string) : ParseResult = ScenarioLanguage.Parse(fileName, text, null)

    /// Parses and checks scenario text.
    static member Check(fileName: string, text: string, options: CheckOptions | null) : CheckResult =
        let options = match options with null -> CheckOptions() | o -> o
        let resolve = ScenarioLanguage.ToResolver options
        let resolveBytes =
            match options.ByteReader with
            | null -> fun _ _ -> FileBytes.NotFound
            | reader -> fun name limit -> reader.Invoke(name, limit)
        let checkerOptions: Checker.Options =
            { Resolve = resolve; ResolveBytes = resolveBytes; RepairData = options.RepairData; MaxGridPoints = options.MaxGridPoints }
        let sources = [ SourceText(fileName, text) ]
        try
            let parsed = Parser.parse resolve fileName text
            let diagnostics, scenarios = Checker.check checkerOptions parsed.File
            let diagnostics = ScenarioLanguage.WithoutConsequences(parsed, diagnostics)
            CheckResult(parsed.Diagnostics @ diagnostics, scenarios, parsed.Sources)
        with e ->
            CheckResult([ ScenarioLanguage.InternalError(fileName, e) ], [], sources)

    /// Text from a scenario file made safe for a terminal: control characters and bidirectional
    /// overrides escaped as \u001B (as every rendered diagnostic shows them). For titles and names a host prints.
    static member Printable(text: string) : string = Diagnostic.printable text

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

    /// The detection efficiency η of a node at given parameter values (values[p.Index] for every parameter p), or 1
    /// when the node has none (ideal detectors). The checker validated η ∈ [0, 1] at the grid points; off the grid a
    /// value outside is the caller's: ArgumentException with the reason.
    static member Efficiency(scenario: Checked.Scenario, node: int, values: float[]) : float =
        match scenario.Efficiencies |> Array.tryFind (fun e -> e.Node = node) with
        | None -> 1.0
        | Some e ->
            match Expr.evaluateReal (scenario.Sweep.LookupValues values) scenario.Sweep.Names "a detection efficiency" e.Value with
            | Result.Ok eta when eta >= 0.0 && eta <= 1.0 -> eta
            | Result.Ok eta -> invalidArg (nameof values) (sprintf "the detection efficiency of '%s' is %g, outside [0, 1]" scenario.Nodes[node].Name eta)
            | Result.Error d -> invalidArg (nameof values) d.Message

    /// The no-click bin of a node's detection loss: None when no-click is an outcome of its own (or the node has no loss).
    static member NoClickBin(scenario: Checked.Scenario, node: int) : int option =
        scenario.Efficiencies |> Array.tryFind (fun e -> e.Node = node) |> Option.bind (fun e -> e.NoClick)

    /// Whether a node has a detection efficiency.
    static member HasEfficiency(scenario: Checked.Scenario, node: int) : bool =
        scenario.Efficiencies |> Array.exists (fun e -> e.Node = node)

    /// The state as a family mixed with white noise along one swept parameter, ρ(p) = w(p) ρ₁ + (1 − w(p)) I/D with
    /// w affine (e.g. `mu * ghz + (1 - mu) * white`), or None (NoiseFamily.detect).
    static member WhiteNoiseFamily(scenario: Checked.Scenario) : NoiseFamily.WhiteNoiseFamily option = NoiseFamily.detect scenario

    /// The density matrix of a checked scenario's state at a sweep point (rows, columns in the big-endian
    /// product basis of the nodes in declaration order).
    static member DensityMatrix(scenario: Checked.Scenario, point: int) : Complex[,] =
        ScenarioLanguage.State(scenario, point).Matrix.ToArray()

    /// The observed value β of `inequality = ... value beta` at given parameter values (values[p.Index] for every
    /// parameter p); null when the scenario takes the value from its state.
    static member ObservedValue(scenario: Checked.Scenario, values: float[]) : System.Nullable<float> =
        match scenario.Data.Observed with
        | Some o ->
            match Expr.evaluateReal (scenario.Sweep.LookupValues values) scenario.Sweep.Names "the observed value" o.Value with
            | Result.Ok v -> System.Nullable v
            | Result.Error d -> invalidArg (nameof values) d.Message
        | None -> System.Nullable()

    /// The Bell values `inequality = bell(chsh = S)` of a device-independent scenario at given parameter values
    /// (values[p.Index] for every parameter p), as (objective name, value) pairs; empty when it has none.
    static member BellValues(scenario: Checked.Scenario, values: float[]) : struct (string * float)[] =
        match scenario.Data.Source with
        | Checked.DataSource.BellValues items ->
            items
            |> Array.map (fun b ->
                match Expr.evaluateReal (scenario.Sweep.LookupValues values) scenario.Sweep.Names "a Bell value" b.Value with
                | Result.Ok v -> struct (b.Objective, v)
                | Result.Error d -> invalidArg (nameof values) d.Message)
        | _ -> [||]
