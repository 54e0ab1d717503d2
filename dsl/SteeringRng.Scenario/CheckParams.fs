/// Checks `param` statements and generates the sweep grid. Constants and range/list bounds are
/// evaluated once (they may use earlier constants only); derived parameters are evaluated at every
/// point. The grid size is capped before anything is materialised.
module internal SteeringRng.Scenario.CheckParams

open System
open System.Numerics
open SteeringRng.Scenario.Checked

/// Names that cannot be parameters: constants, functions, state families and reserved words.
let reserved =
    [ "pi"; "e"; "i"; "P"; "all"; "ghz"; "w"; "white"; "file" ] @ (Expr.functions |> List.map (fun (n, _, _) -> n))

type private Entry =
    { Param: Parameter
      Syn: SynParam
      /// the constant value, for constants
      Value: float option
      /// the values, for swept parameters
      Values: float[] }

/// Values lo + k*step, k = 0..count-1, computed in decimal when possible so that 0.3 + 0.01*k
/// prints as 0.31, 0.32, ... rather than 0.31000000000000005.
let private rangeValues (lo: float) (step: float) (count: int) =
    let exact = abs lo < 1e12 && abs step < 1e12 && abs (lo + step * float count) < 1e12
    Array.init count (fun k ->
        if exact then float (decimal lo + decimal k * decimal step) else lo + float k * step)

/// The number of points of lo .. hi step s (0 when empty, -1 when beyond the cap).
let private rangeCount (lo: float) (hi: float) (step: float) (cap: int) =
    let raw = (hi - lo) / step
    if raw < -1e-9 then 0
    else
        let n = Math.Floor(raw + 1e-9 * max 1.0 (abs raw)) + 1.0
        if n > float cap then -1 else int n

let check (report: Diagnostic -> unit) (maxPoints: int) (statements: SynParam list) : Sweep option =
    let entries = ResizeArray<Entry>()
    let mutable failed = false
    let fail d =
        report d
        failed <- true
    let find name = entries |> Seq.tryFind (fun e -> e.Param.Name = name)
    let known () = entries |> Seq.map (fun e -> e.Param.Name) |> List.ofSeq
    // Constants only: a name of a swept or derived parameter is "not constant".
    let constLookup: Expr.Lookup = fun name -> find name |> Option.bind (fun e -> e.Value) |> Option.map (fun v -> Complex(v, 0.0))
    let constant (what: string) (e: SynExpr) =
        let varying =
            Expr.names e |> List.tryFind (fun n -> match find n with Some x -> x.Value.IsNone | None -> false)
        match varying with
        | Some n ->
            fail (Diagnostic.create Catalogue.notConstant e.Range [ what; n ])
            None
        | None ->
            match Expr.evaluateReal constLookup (known ()) what e with
            | Result.Ok v -> Some v
            | Result.Error d ->
                fail d
                None
    for p in statements do
        let name = p.Name.Name
        if List.contains name reserved then
            fail (Diagnostic.create Catalogue.reservedName p.Name.Range [ name ])
        else
            match find name with
            | Some previous ->
                fail (Diagnostic.create Catalogue.duplicateName p.Name.Range [ "parameter"; name; string previous.Param.Range.Start.Line ])
            | None ->
                let make kind value values =
                    entries.Add
                        { Param = { Name = name; Index = entries.Count; Kind = kind; Range = p.Range }
                          Syn = p
                          Value = value
                          Values = values }
                match p.Value with
                | SynParamValue.Single e ->
                    let varying = Expr.names e |> List.exists (fun n -> match find n with Some x -> x.Value.IsNone | None -> false)
                    if varying then
                        make ParameterKind.Derived None [||]
                    else
                        match constant (sprintf "parameter '%s'" name) e with
                        | Some v -> make ParameterKind.Constant (Some v) [||]
                        | None -> ()
                | SynParamValue.List(items, _) ->
                    let values = items |> List.map (constant (sprintf "a value of '%s'" name))
                    if List.forall Option.isSome values then
                        let values = values |> List.choose id |> Array.ofList
                        make (ParameterKind.Swept values.Length) None values
                | SynParamValue.Stepped(lo, hi, step, r) ->
                    match constant "a range bound" lo, constant "a range bound" hi, constant "a range step" step with
                    | Some l, Some h, Some s ->
                        let show (x: float) = Expr.show (Complex(x, 0.0))
                        if s = 0.0 then
                            fail (Diagnostic.create Catalogue.emptyRange step.Range [ show l; show h; show s; ": the step must not be 0" ])
                        else
                            match rangeCount l h s maxPoints with
                            | 0 ->
                                fail (Diagnostic.create Catalogue.emptyRange r [ show l; show h; show s; " (the step goes the wrong way)" ])
                            | -1 ->
                                fail (Diagnostic.create Catalogue.sweepTooLarge r [ sprintf "more than %d" maxPoints; string maxPoints ])
                            | n ->
                                make (ParameterKind.Swept n) None (rangeValues l s n)
                    | _ -> ()
    if failed then
        None
    else
        let parameters = entries |> Seq.map (fun e -> e.Param) |> Array.ofSeq
        let swept = entries |> Seq.filter (fun e -> e.Values.Length > 0) |> List.ofSeq
        // Size of the grid, stopping as soon as it passes the cap (no overflow, no allocation).
        let total =
            swept |> List.fold (fun (acc: int64) e -> if acc > int64 maxPoints then acc else acc * int64 e.Values.Length) 1L
        if total > int64 maxPoints then
            let last = List.last swept
            report (Diagnostic.create Catalogue.sweepTooLarge last.Syn.Range [ (if total > int64 Int32.MaxValue then "more than 2^31" else string total); string maxPoints ])
            None
        else
            let count = int total
            let points = Array.init count (fun _ -> Array.zeroCreate parameters.Length)
            // Mixed-radix counter over the swept parameters, first declared slowest.
            let mutable stride = count
            for e in swept do
                stride <- stride / e.Values.Length
                for k in 0 .. count - 1 do
                    points[k][e.Param.Index] <- e.Values[(k / stride) % e.Values.Length]
            for e in entries do
                match e.Value with
                | Some v -> for k in 0 .. count - 1 do points[k][e.Param.Index] <- v
                | None -> ()
            let sweep = { Parameters = parameters; Points = points }
            let derived = entries |> Seq.filter (fun e -> e.Param.Kind = ParameterKind.Derived) |> List.ofSeq
            let mutable error = None
            let mutable k = 0
            while error.IsNone && k < count && not derived.IsEmpty do
                for e in derived do
                    if error.IsNone then
                        let earlier = parameters |> Array.take e.Param.Index |> Array.map (fun p -> p.Name) |> List.ofArray
                        let lookup name = if List.contains name earlier then sweep.Lookup k name else None
                        let expr = match e.Syn.Value with SynParamValue.Single x -> x | _ -> SynExpr.Name e.Syn.Name
                        match Expr.evaluateReal lookup earlier (sprintf "parameter '%s'" e.Param.Name) expr with
                        | Result.Ok v -> points[k][e.Param.Index] <- v
                        | Result.Error d -> error <- Some { d with Message = d.Message + " at " + sweep.Describe k }
                k <- k + 1
            match error with
            | Some d ->
                report d
                None
            | None -> Some sweep
