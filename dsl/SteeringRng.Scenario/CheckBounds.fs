/// Checks `bounds` and the outputs (`table`, `plot`, `export sdpa`).
module internal SteeringRng.Scenario.CheckBounds

open System
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

let maxNpaLevel = 8
let maxSeesawDim = 64
let maxRestarts = 10000

/// One '+' term of an NPA level string.
type private NpaTerm =
    | LevelTerm of int
    | PatternTerm of int list
    | WordTerm of NpaLetter[]

/// A party pattern: node initials ("BC"), or names joined by '*' ("Bob*Charlie"); a factor may carry a power
/// ("B^2C" = "BBC", "Bob^2*Charlie").
let private pattern (untrusted: Node[]) (t: string) : Result<int list, string> =
    let factors =
        if t.Contains '*' then t.Split('*') |> Array.map (fun n -> n.Trim()) |> List.ofArray
        else
            // "B^2C" → ["B^2"; "C"]: each initial with the power that follows it
            [ let mutable i = 0
              while i < t.Length do
                  let start = i
                  i <- i + 1
                  if i < t.Length && t[i] = '^' then
                      i <- i + 1
                      while i < t.Length && Char.IsAsciiDigit t[i] do
                          i <- i + 1
                  yield t.Substring(start, i - start) ]
    let factor (f: string) =
        match f.Split('^') with
        | [| reference |] -> NpaWords.nodeNamed untrusted reference |> Result.map (fun n -> [ n.Index ])
        | [| reference; power |] ->
            match Int32.TryParse power with
            | true, p when p >= 1 && p <= maxNpaLevel -> NpaWords.nodeNamed untrusted reference |> Result.map (fun n -> List.replicate p n.Index)
            | _ -> Result.Error(sprintf "the power in '%s' must be between 1 and %d" f maxNpaLevel)
        | _ -> Result.Error(sprintf "'%s' has more than one '^'" f)
    let parsed = factors |> List.map factor
    match parsed |> List.tryPick (function Result.Error e -> Some e | _ -> None) with
    | Some e when t |> Seq.exists Char.IsAsciiDigit && not (t.Contains '^') ->
        Result.Error(e + "; a term with digits is an explicit word, written as steer show prints it: node, outcome, '|', setting (e.g. \"1+B0|1C0|0\")")
    | Some e -> Result.Error e
    | None -> Result.Ok(parsed |> List.collect (function Result.Ok ns -> ns | _ -> []))

/// Parses an NPA level string: terms joined by '+', each an integer (all words up to that length), a party pattern
/// (all products of one generator of each named node, in order) or an explicit word (NpaWords).
let private npaText (ctx: Context) (nodes: Node[]) (s: SynString) : NpaLevel option =
    let fail message =
        error ctx Catalogue.npaLevel s.Range [ sprintf "\"%s\"" s.Value; message ]
        None
    let untrusted = nodes |> Array.filter (fun n -> n.Role = Untrusted)
    let terms = s.Value.Split('+') |> Array.map (fun t -> t.Trim()) |> List.ofArray
    let parsed =
        terms
        |> List.map (fun t ->
            match Int32.TryParse t with
            | true, k when k >= 1 && k <= maxNpaLevel -> Result.Ok(LevelTerm k)
            | true, k -> Result.Error(sprintf "level %d must be between 1 and %d" k maxNpaLevel)
            | _ when t = "" -> Result.Error "empty term between '+' signs"
            | _ when NpaWords.isWord t -> NpaWords.parse untrusted t |> Result.map WordTerm
            | _ -> pattern untrusted t |> Result.map PatternTerm)
    match parsed |> List.tryPick (function Result.Error e -> Some e | _ -> None) with
    | Some e -> fail e
    | None ->
        let values = parsed |> List.choose (function Result.Ok v -> Some v | Result.Error _ -> None)
        let bases = values |> List.choose (function LevelTerm k -> Some k | _ -> None)
        if bases.IsEmpty then
            fail "needs an integer level, e.g. \"1+BC\""
        else
            let extra = values |> List.choose (function PatternTerm w -> Some(Array.ofList w) | _ -> None) |> Array.ofList
            let words = values |> List.choose (function WordTerm w -> Some w | _ -> None) |> Array.ofList
            Some { Base = List.max bases; Extra = extra; Words = words; Text = s.Value }

let private seesaw (ctx: Context) (nodes: Node[]) (options: SynOption list) : SeesawOptions option =
    let defaultDim = nodes |> Array.filter (fun n -> n.Role = Untrusted) |> Array.map (fun n -> n.Dim) |> Array.fold max 2
    let mutable result = { Dim = defaultDim; Block = None; Restarts = 2; Seed = 0 }
    let mutable ok = true
    for k, o in List.indexed options do
        if options |> List.take k |> List.exists (fun p -> p.Name.Name = o.Name.Name) then
            error ctx Catalogue.duplicateOption o.Name.Range [ sprintf "seesaw option '%s'" o.Name.Name ]
            ok <- false
        else
            let within lo hi =
                if o.Value.Value >= lo && o.Value.Value <= hi then true
                else
                    error ctx Catalogue.valueOutOfRange o.Value.Range [ sprintf "seesaw %s" o.Name.Name; string lo; string hi; o.Value.Text ]
                    ok <- false
                    false
            match o.Name.Name with
            | "dim" -> if within 2 maxSeesawDim then result <- { result with Dim = o.Value.Value }
            | "block" -> if within 1 maxSeesawDim then result <- { result with Block = Some o.Value.Value }
            | "restarts" -> if within 0 maxRestarts then result <- { result with Restarts = o.Value.Value }
            | _ -> if within 0 Int32.MaxValue then result <- { result with Seed = o.Value.Value }
    if ok then Some result else None

/// A bound, given what the scenario has (a trusted node, a state).
let check (ctx: Context) (nodes: Node[]) (hasState: bool) (b: SynBound) : Bound option =
    let hasTrusted = nodes |> Array.exists (fun n -> n.Role = Trusted)
    let needs (name: string) =
        if hasTrusted && hasState then true
        else
            error ctx Catalogue.boundNeeds b.Range [ name; (if hasTrusted then "a state" elif hasState then "a trusted node" else "a trusted node and a state") ]
            false
    match b with
    | SynBound.Ns _ -> Some Bound.NoSignalling
    | SynBound.Npa(SynNpaLevel.Level k, _) ->
        if k.Value >= 1 && k.Value <= maxNpaLevel then Some(Bound.Npa { Base = k.Value; Extra = [||]; Words = [||]; Text = k.Text })
        else
            error ctx Catalogue.valueOutOfRange k.Range [ "the NPA level"; "1"; string maxNpaLevel; k.Text ]
            None
    | SynBound.Npa(SynNpaLevel.Text s, _) -> npaText ctx nodes s |> Option.map Bound.Npa
    | SynBound.Global _ -> if needs "global" then Some Bound.Global else None
    | SynBound.Seesaw(options, _) -> if needs "seesaw" then seesaw ctx nodes options |> Option.map Bound.Seesaw else None
    | SynBound.Steering _ -> if needs "steering" then Some Bound.Steering else None

let private extension (file: string) =
    let dot = file.LastIndexOf '.'
    if dot < 0 then "" else file.Substring(dot + 1).ToLowerInvariant()

let output (ctx: Context) (sweep: Sweep) (o: SynOutput) : Output option =
    match o with
    | SynOutput.Table(format, file, _) ->
        let chosen =
            match format with
            | Some f -> Some f.Name
            | None -> Some(extension file.Value)
        match chosen with
        | Some "csv" -> Some(Output.Table(TableFormat.Csv, file.Value))
        | Some "json" -> Some(Output.Table(TableFormat.Json, file.Value))
        | _ ->
            error ctx Catalogue.outputFormat file.Range [ sprintf "cannot tell the table format of '%s': name it .csv or .json, or write 'table csv \"%s\"'" file.Value file.Value ]
            None
    | SynOutput.Plot(file, over, range) ->
        let swept =
            sweep.Parameters |> Array.filter (fun p -> match p.Kind with ParameterKind.Swept _ -> true | _ -> false)
        let ext = extension file.Value
        if ext <> "svg" && ext <> "png" then
            error ctx Catalogue.outputFormat file.Range [ sprintf "a plot is written as .svg or .png, not '%s'" file.Value ]
            None
        else
            match over with
            | Some p ->
                match swept |> Array.tryFind (fun q -> q.Name = p.Name) with
                | Some q -> Some(Output.Plot(file.Value, q.Index))
                | None ->
                    error ctx Catalogue.plotAxis p.Range [ sprintf "'%s' is not a swept parameter%s" p.Name (listing "swept parameters" (swept |> Array.map (fun q -> q.Name))) ]
                    None
            | None ->
                match swept with
                | [| q |] -> Some(Output.Plot(file.Value, q.Index))
                | [||] ->
                    error ctx Catalogue.plotAxis range [ "a plot needs a swept parameter (e.g. 'param mu = 0 .. 1 step 0.01')" ]
                    None
                | _ ->
                    error ctx Catalogue.plotAxis range [ sprintf "several parameters are swept; choose the axis with 'over' (%s)" (String.Join(", ", swept |> Array.map (fun q -> q.Name))) ]
                    None
    | SynOutput.Sdpa(file, _) -> Some(Output.Sdpa file.Value)
