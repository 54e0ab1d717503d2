/// Checks the data statements (docs/formulations/measured-probabilities.md): `data = probabilities | assemblage`,
/// `probabilities = file("counts.csv")` and `repair = nearest`, against the trusted nodes' measure lines and the state.
module internal SteeringRng.Scenario.CheckData

open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

/// The first statement of a kind; later ones are reported as given twice.
let private first (ctx: Context) (what: string) (items: ('a * SourceRange) list) =
    match items with
    | [] -> None
    | (x, r) :: rest ->
        for _, r2 in rest do
            error ctx Catalogue.duplicateStatement r2 [ what; string r.Start.Line ]
        Some(x, r)

/// The file's text through the host's bounded resolver (the data-file limit), or None after an error there.
let private readText (ctx: Context) (file: SynString) =
    match ctx.Resolve file.Value InputLimits.MaxDataBytes with
    | FileContent.NotFound ->
        error ctx Catalogue.fileNotFound file.Range [ file.Value ]
        None
    | FileContent.TooLarge ->
        error ctx Catalogue.fileTooLarge file.Range [ file.Value; InputLimits.Describe InputLimits.MaxDataBytes; "data files" ]
        None
    | FileContent.Text text when int64 text.Length > InputLimits.MaxDataBytes ->
        error ctx Catalogue.fileTooLarge file.Range [ file.Value; InputLimits.Describe InputLimits.MaxDataBytes; "data files" ]
        None
    | FileContent.Text text -> Some text

/// An inequality line: the steering test's functional at a point, or a functional from a file.
type private InequalityLine =
    | AtPoint of SynIdent * SynExpr
    | FromFile of SynString

/// The observed value `value beta` at every sweep point (real and finite), or None after the first point where it is not.
let private observedAt (ctx: Context) (sweep: Sweep) (value: SynExpr) : float[] option =
    let values = Array.zeroCreate sweep.Points.Length
    let rec go k =
        if k = sweep.Points.Length then Some values
        else
            match Expr.evaluateReal (sweep.Lookup k) sweep.Names "the observed value" value with
            | Result.Ok x ->
                values[k] <- x
                go (k + 1)
            | Result.Error d ->
                ctx.Report d
                None
    go 0

/// SR1213 at the first point where β is outside what the functional can take on any assemblage (FunctionalRange).
let private checkObservedRange (ctx: Context) (sweep: Sweep) (range: float * float) (at: SourceRange) (values: float[]) =
    match values |> Array.tryFindIndex (fun beta -> not (FunctionalRange.contains range beta)) with
    | Some k ->
        error ctx Catalogue.observedValueRange at
            [ Expr.show (System.Numerics.Complex(values[k], 0.0)); sweep.Describe k; string (fst range); string (snd range) ]
    | None -> ()

/// <param name="assemblageFile">Whether the scenario reads an assemblage file (CheckAssemblageData), which `repair` also serves.</param>
/// <param name="readFunctional">Reads `inequality = file(...)`'s functional in the nodes' layout (None after a diagnostic).</param>
let check (ctx: Context) (sweep: Sweep) (nodes: Node[]) (measuredAt: SourceRange option[]) (hasState: bool) (assemblageFile: bool)
          (readFunctional: SynString -> SteeringRng.Quantum.Assemblage option) (statements: SynData list) : DataSpec =
    let form = first ctx "the data form" (statements |> List.choose (function SynData.Form(v, r) -> Some(v, r) | _ -> None))
    let file = first ctx "the probabilities file" (statements |> List.choose (function SynData.ProbabilitiesFile(f, r) -> Some(f, r) | _ -> None))
    let inequality =
        first ctx "the inequality" (statements |> List.choose (function
            | SynData.Inequality(p, v, o, r) -> Some((AtPoint(p, v), o), r)
            | SynData.InequalityFile(f, o, r) -> Some((FromFile f, o), r)
            | _ -> None))
    let repair = first ctx "the repair" (statements |> List.choose (function SynData.Repair(v, r) -> Some(v, r) | _ -> None))
    let probabilities =
        match form, file with
        | Some(v, _), _ when v.Name <> "assemblage" && v.Name <> "probabilities" ->
            error ctx Catalogue.dataForm v.Range [ v.Name ]
            false
        | Some(v, r), Some _ when v.Name = "assemblage" ->
            error ctx Catalogue.dataConflict r [ "'data = assemblage' contradicts the probabilities file; remove one of them" ]
            false
        | Some(v, _), _ -> v.Name = "probabilities"
        | None, Some _ -> true
        | None, None -> false
    let observed = inequality |> Option.bind (fun ((_, o), _) -> o) |> Option.map (fun v -> { Value = v; Range = v.Range })
    let observedValues = observed |> Option.bind (fun o -> observedAt ctx sweep o.Value)
    let inequalitySource =
        match inequality with
        | None -> None
        | Some(_, r) when file.IsSome || probabilities ->
            error ctx Catalogue.dataConflict r [ "give one data form: an inequality, probabilities, or the assemblage" ]
            None
        | Some((FromFile f, o), r) ->
            match o with
            | Some _ when hasState -> error ctx Catalogue.observedValueState r [ f.Value ]
            | None when not hasState ->
                error ctx Catalogue.functionalFileUse r [ f.Value; "the observed value Σ Tr[F σ] is computed from the state at every point; add 'state = ...', or give it with 'value ...'" ]
            | _ -> ()
            let functional = readFunctional f
            match functional, o, observedValues with
            | Some fn, Some v, Some values -> checkObservedRange ctx sweep (FunctionalRange.ofFunctional fn) v.Range values
            | _ -> ()
            functional |> Option.map (fun fn -> DataSource.FunctionalFile(f.Value, fn))
        | Some((AtPoint(p, v), o), r) ->
            if not hasState then
                let why = if o.IsSome then "the functional F is computed from the model state at that point; add 'state = ...' (with 'value' it gives F only, not the data), or read F from a file (steer export --functional)"
                          else "the functional is computed from the state; add 'state = ...'"
                error ctx Catalogue.inequalityPoint r [ p.Name; why ]
            match sweep.Parameters |> Array.tryFind (fun q -> q.Name = p.Name) with
            | Some q when q.Kind <> ParameterKind.Derived ->
                constantReal ctx "the inequality's parameter value" v |> Option.map (fun x -> DataSource.SteeringInequality(p.Name, x))
            | _ ->
                error ctx Catalogue.inequalityPoint p.Range [ p.Name; "not a declared (swept or constant) parameter" ]
                None
    let source =
        match file with
        | Some(f, r) ->
            if hasState then error ctx Catalogue.probabilitiesWithState r []
            match sweep.Parameters |> Array.tryFind (fun p -> p.Kind <> ParameterKind.Constant) with
            | Some p -> error ctx Catalogue.probabilitiesFileSwept r [ p.Name ]
            | None -> ()
            match readText ctx f with
            | Some text -> DataSource.ProbabilitiesFile(f.Value, text)
            | None -> DataSource.Assemblage
        | None when probabilities -> DataSource.ModelProbabilities
        | None -> defaultArg inequalitySource DataSource.Assemblage
    // Trusted nodes: measured exactly when the data are their statistics.
    for n in nodes do
        if n.Role = Trusted then
            match measuredAt[n.Index] with
            | Some r when not probabilities -> error ctx Catalogue.trustedMeasuredUnused r [ n.Name ]
            | None when probabilities -> error ctx Catalogue.trustedNotMeasured n.Range [ n.Name ]
            | Some r when n.Settings |> Array.exists (fun s -> s.Kind = SettingKind.Abstract) -> error ctx Catalogue.trustedAbstract r [ n.Name ]
            | _ -> ()
    let repairMode =
        match repair with
        | Some(v, _) when v.Name = "nearest" ->
            match source with
            | DataSource.ProbabilitiesFile _ -> ()
            | _ when assemblageFile -> ()
            | _ -> error ctx Catalogue.repairUnused v.Range [] // a warning (the catalogue sets the severity)
            RepairMode.Nearest
        | Some(v, _) when v.Name = "none" -> RepairMode.Refuse
        | Some(v, _) ->
            error ctx Catalogue.repairMode v.Range [ v.Name ]
            RepairMode.Refuse
        | None -> RepairMode.Refuse
    { Source = source; Repair = repairMode; Observed = (if inequalitySource.IsSome then observed else None) }
