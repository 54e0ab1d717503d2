/// Checks a parsed scenario into the Checked model: nodes, parameters and sweep, measurements,
/// state, objectives, bounds and outputs, with every problem reported as a Diagnostic.
module SteeringRng.Scenario.Checker

open System
open System.Numerics
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

let maxNodeDim = 64
let defaultMaxGridPoints = 100_000

type Options =
    { Resolve: Parser.Resolver
      ResolveBytes: string -> int64 -> FileBytes
      RepairData: bool
      MaxGridPoints: int }

let defaultOptions =
    { Resolve = (fun _ _ -> FileContent.NotFound); ResolveBytes = (fun _ _ -> FileBytes.NotFound); RepairData = false; MaxGridPoints = defaultMaxGridPoints }

let private reservedNodeNames = [ "all"; "P"; "pi"; "e"; "i"; "ghz"; "w"; "white"; "file" ]

let private nodesOf (ctx: Context) (decls: SynNode list) : (SynIdent * SynNode) list =
    let seen = ResizeArray<SynIdent>()
    [ for d in decls do
          for name in d.Names do
              match seen |> Seq.tryFind (fun s -> s.Name = name.Name) with
              | Some first -> error ctx Catalogue.duplicateName name.Range [ "node"; name.Name; string first.Range.Start.Line ]
              | None when List.contains name.Name reservedNodeNames -> error ctx Catalogue.reservedName name.Range [ name.Name ]
              | None ->
                  seen.Add name
                  yield name, d ]

/// Reports a second `state` (etc.) statement; returns the first.
let private single (ctx: Context) (what: string) (items: ('a * SourceRange) list) =
    match items with
    | [] -> None
    | (first, r) :: rest ->
        for _, r2 in rest do
            error ctx Catalogue.duplicateStatement r2 [ what; string r.Start.Line ]
        Some(first, r)

let checkScenario (options: Options) (fileName: string) (syn: SynScenario) : Diagnostic list * Scenario option =
    let diagnostics = ResizeArray<Diagnostic>()
    let report (d: Diagnostic) = diagnostics.Add d
    let statements = syn.Statements
    let pick f = statements |> List.choose f
    let paramStatements = pick (function SynStatement.Param p -> Some p | _ -> None)
    let sweep = CheckParams.check report options.MaxGridPoints paramStatements
    let emptySweep = { Parameters = [||]; Points = [| [||] |] }
    let sweepOrEmpty = defaultArg sweep emptySweep
    let constants = sweepOrEmpty.Parameters |> Array.filter (fun p -> p.Kind = ParameterKind.Constant)
    let ctx =
        { Report = report
          Resolve = options.Resolve
          ResolveBytes = options.ResolveBytes
          Constants =
            fun name ->
                constants |> Array.tryFind (fun p -> p.Name = name) |> Option.map (fun p -> Complex(sweepOrEmpty.Points[0][p.Index], 0.0))
          Varying = sweepOrEmpty.Parameters |> Array.filter (fun p -> p.Kind <> ParameterKind.Constant) |> Array.map (fun p -> p.Name) |> List.ofArray
          ParameterNames = sweepOrEmpty.Names }

    // Nodes, in declaration order.
    let declared = nodesOf ctx (pick (function SynStatement.Node n -> Some n | _ -> None))
    let nodesWithoutSettings =
        declared
        |> List.mapi (fun k (name, d) ->
            let dim =
                match d.Dim with
                | None -> 2
                | Some v when v.Value >= 2 && v.Value <= maxNodeDim -> v.Value
                | Some v ->
                    error ctx Catalogue.valueOutOfRange v.Range [ "a node dimension"; "2"; string maxNodeDim; v.Text ]
                    2
            { Name = name.Name
              Index = k
              Role = (if d.Role = SynRole.Trusted then Trusted else Untrusted)
              Dim = dim
              Settings = [||]
              Range = name.Range })
        |> Array.ofList
    if not (nodesWithoutSettings |> Array.exists (fun n -> n.Role = Untrusted)) then
        error ctx Catalogue.missingNodes (match syn.Title with Some t -> t.Range | None -> syn.Range) []

    // Measurements: one measure statement per untrusted node.
    let settings = Array.create nodesWithoutSettings.Length None
    let measuredAt = Array.create nodesWithoutSettings.Length None
    for m in pick (function SynStatement.Measure m -> Some m | _ -> None) do
        for name in m.Nodes do
            match nodesWithoutSettings |> Array.tryFind (fun n -> n.Name = name.Name) with
            | None -> error ctx Catalogue.unknownNode name.Range [ name.Name; listing "nodes" (nodesWithoutSettings |> Array.map (fun n -> n.Name)) ]
            | Some n ->
                match measuredAt[n.Index] with
                | Some(first: SourceRange) -> error ctx Catalogue.duplicateStatement name.Range [ sprintf "the measurement of '%s'" n.Name; string first.Start.Line ]
                | None ->
                    measuredAt[n.Index] <- Some m.Range
                    settings[n.Index] <- CheckMeasure.settingsOf ctx n.Name n.Dim m.Measurement
    for n in nodesWithoutSettings do
        if n.Role = Untrusted && measuredAt[n.Index].IsNone then
            error ctx Catalogue.nodeNotMeasured n.Range [ n.Name ]
    let nodes = nodesWithoutSettings |> Array.map (fun n -> { n with Settings = defaultArg settings[n.Index] [||] })
    let stateStatement = single ctx "the state" (pick (function SynStatement.State(e, r) -> Some(e, r) | _ -> None))

    // Which data (docs/formulations/measured-probabilities.md): the assemblage, or the trusted node's statistics.
    let assemblageFile = statements |> List.exists (function SynStatement.Assemblage _ -> true | _ -> false)
    let data =
        CheckData.check ctx sweepOrEmpty nodes measuredAt stateStatement.IsSome assemblageFile (CheckAssemblageData.readFunctional ctx nodes)
            (pick (function SynStatement.Data d -> Some d | _ -> None))
    // A probabilities file stands in for the state even when it cannot be read (that is its own error).
    let fromFile = statements |> List.exists (function SynStatement.Data(SynData.ProbabilitiesFile _) -> true | _ -> false)

    // Detection loss: the nodes' settings count a no-click outcome from here on (CheckEfficiency).
    let steeringRequested =
        pick (function SynStatement.Bounds(bs, _) -> Some bs | _ -> None) |> List.concat |> List.exists (function SynBound.Steering _ -> true | _ -> false)
    let nodes, efficiencies =
        CheckEfficiency.check ctx sweepOrEmpty nodes steeringRequested (pick (function SynStatement.Efficiency e -> Some e | _ -> None))

    // The state.
    let dimension = nodes |> Array.fold (fun (acc: int64) n -> min (acc * int64 n.Dim) (int64 Int32.MaxValue)) 1L
    let state =
        match stateStatement, sweep with
        | Some(_, r), _ when dimension > int64 CheckState.maxDimension ->
            error ctx Catalogue.stateTooLarge r [ string dimension; string CheckState.maxDimension ]
            None
        | Some(e, r), Some sw when nodes.Length > 0 -> CheckState.check ctx nodes sw e r
        | _ -> None
    // Measured data instead of a state: an assemblage file (CheckAssemblageData), repaired when `repair = nearest`.
    let dataStatement = single ctx "the assemblage" (pick (function SynStatement.Assemblage(f, r) -> Some(f, r) | _ -> None))
    let measured =
        match dataStatement, stateStatement with
        | Some(_, r), Some(_, stateRange) ->
            error ctx Catalogue.assemblageWithState r [ string stateRange.Start.Line ]
            None
        | Some(file, r), None when nodes.Length > 0 ->
            // `repair = none` in the file wins over --repair; without a repair line the command line decides.
            let repair =
                match pick (function SynStatement.Data(SynData.Repair(v, _)) -> Some v.Name | _ -> None) with
                | [] -> options.RepairData
                | mode :: _ -> mode = "nearest"
            CheckAssemblageData.check ctx nodes file r repair
        | _ -> None
    let hasData = stateStatement.IsSome || dataStatement.IsSome || fromFile

    match stateStatement with
    | Some _ ->
        for n in nodes do
            if n.Settings |> Array.exists (fun s -> s.Kind = SettingKind.Abstract) then
                error ctx Catalogue.abstractWithState n.Range [ n.Name ]
    | None -> ()

    // Physical validation at every sweep point: rho must be a density matrix as SteeringRng.Quantum
    // defines it (DensityMatrix.Create through States.Combination); its message says what fails. The
    // components are states (kets normalised, white noise, files validated when read), so a point whose
    // weights are all >= 0 is a convex combination and a state (States.IsConvex): rho is only built,
    // at O(D^2) memory and O(D^3) time, where a weight is negative.
    match state, sweep with
    | Some st, Some sw ->
        let mutable k = 0
        let mutable stop = false
        while not stop && k < sw.Points.Length do
            try
                match StateEval.weightsAt sw k st with
                | Result.Ok weights when SteeringRng.Quantum.States.IsConvex weights -> ()
                | Result.Ok _ ->
                    match StateEval.densityAt sw k st with
                    | Result.Ok _ -> ()
                    | Result.Error d ->
                        report d
                        stop <- true
                | Result.Error d ->
                    report d
                    stop <- true
            with :? SteeringRng.Quantum.QuantumValidationException as e ->
                error ctx Catalogue.physicalState st.Range [ sw.Describe k; e.Message ]
                stop <- true
            k <- k + 1
    | _ -> ()

    // Objectives.
    let objectiveStatements = pick (function SynStatement.Objective o -> Some o | _ -> None)
    let objectives =
        objectiveStatements
        |> List.mapi (fun k o ->
            match objectiveStatements |> List.take k |> List.tryFind (fun p -> p.Name.Name = o.Name.Name) with
            | Some first ->
                error ctx Catalogue.duplicateName o.Name.Range [ "objective"; o.Name.Name; string first.Range.Start.Line ]
                None
            | None -> CheckObjectives.check ctx nodes o)
    // A scenario that only asks for the steering test needs no objective.
    let boundItems = pick (function SynStatement.Bounds(bs, _) -> Some bs | _ -> None) |> List.concat
    let steeringOnly = not boundItems.IsEmpty && boundItems |> List.forall (function SynBound.Steering _ -> true | _ -> false)
    if objectiveStatements.IsEmpty && not steeringOnly then
        error ctx Catalogue.missingObjective syn.Range []
    let hasTrusted = nodes |> Array.exists (fun n -> n.Role = Trusted)
    for o in objectiveStatements do
        match o.Body with
        | SynObjectiveBody.Guess(_, r) ->
            // Without a trusted node a guess is device-independent: its data are Bell values (CheckDeviceIndependent).
            // An observed inequality value is data without a state (its own checks say when F still needs one).
            if hasTrusted && stateStatement.IsNone && not fromFile && measured.IsNone && data.Observed.IsNone then error ctx Catalogue.missingState r [ "a guess objective" ]
        | SynObjectiveBody.Bell(_, r) ->
            // The engine has no bound for it (its jobs refuse it): say so here rather than fail every row at run time.
            match nodes |> Array.tryFind (fun n -> n.Role = Trusted) with
            | Some trusted -> error ctx Catalogue.bellWithTrustedNode r [ trusted.Name ]
            | None -> ()

    // Device-independent data: `inequality = bell(chsh = S)` (docs/formulations/device-independent.md).
    let data =
        let guesses = objectiveStatements |> List.choose (fun o -> match o.Body with SynObjectiveBody.Guess(_, r) -> Some r | _ -> None)
        let otherData =
            [ if stateStatement.IsSome then "'state = ...'"
              if dataStatement.IsSome then "the assemblage file"
              if fromFile then "the probabilities file"
              match data.Source with
              | DataSource.SteeringInequality _
              | DataSource.FunctionalFile _ -> "the steering inequality"
              | _ -> () ]
        CheckDeviceIndependent.check ctx sweepOrEmpty nodes (List.choose id objectives) guesses otherData
            (pick (function SynStatement.Data d -> Some d | _ -> None)) data

    // Bounds, in order, each at most once.
    if boundItems.IsEmpty then
        error ctx Catalogue.missingBounds syn.Range []
    let bounds =
        boundItems
        |> List.map (fun b ->
            match b with
            | SynBound.Seesaw(_, r) | SynBound.Steering r when fromFile ->
                error ctx Catalogue.boundNeedsModel r [ (match b with SynBound.Seesaw _ -> "seesaw" | _ -> "steering") ]
                b, None
            | SynBound.Seesaw(_, r) | SynBound.Steering r when data.Observed.IsSome ->
                error ctx Catalogue.observedValueBound r [ (match b with SynBound.Seesaw _ -> "seesaw" | _ -> "steering") ]
                b, None
            | _ -> b, CheckBounds.check ctx nodes hasData b)
    let boundList =
        bounds
        |> List.indexed
        |> List.choose (fun (k, (b, checkedBound)) ->
            match checkedBound with
            | None -> None
            | Some cb ->
                match bounds |> List.take k |> List.tryFind (fun (_, other) -> other = Some cb) with
                | Some(first, _) ->
                    error ctx Catalogue.duplicateStatement b.Range [ "this bound"; string first.Range.Start.Line ]
                    None
                | None -> Some cb)

    // Outputs.
    let outputs =
        pick (function SynStatement.Output o -> Some o | _ -> None) |> List.map (CheckBounds.output ctx sweepOrEmpty)

    let errors = diagnostics |> Seq.exists (fun d -> d.IsError)
    let scenario =
        if errors || sweep.IsNone || (stateStatement.IsSome && state.IsNone) || (dataStatement.IsSome && measured.IsNone) || List.exists Option.isNone objectives then
            None
        else
            Some
                { Title = (match syn.Title with Some t -> t.Value | None -> (match IO.Path.GetFileNameWithoutExtension fileName with null -> fileName | s -> s))
                  Nodes = nodes
                  Sweep = sweep.Value
                  State = state
                  Efficiencies = efficiencies
                  Measured = measured
                  Objectives = objectives |> List.choose id |> Array.ofList
                  Bounds = Array.ofList boundList
                  Outputs = outputs |> List.choose id |> Array.ofList
                  Data = data
                  Range = syn.Range }
    List.ofSeq diagnostics, scenario

/// Checks every scenario of a parsed file. Diagnostics are de-duplicated (statements shared by
/// several scenarios would otherwise report the same problem once per scenario) and sorted by place.
let check (options: Options) (file: SynFile) : Diagnostic list * Scenario list =
    let results = file.Scenarios |> List.map (checkScenario options file.FileName)
    let diagnostics =
        results
        |> List.collect fst
        |> List.distinct
        |> List.sortBy (fun d -> d.Range.File <> file.FileName, d.Range.File, d.Range.StartIndex)
    diagnostics, results |> List.choose snd
