/// Checks objectives (guess targets, Bell expressions read as linear combinations of correlators
/// and probabilities with constant coefficients).
module internal SteeringRng.Scenario.CheckObjectives

open System
open System.Numerics
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

/// Resolves Node.setting to a target on an untrusted node.
let resolveRef (ctx: Context) (nodes: Node[]) (r: SynSettingRef) : (Node * Setting) option =
    match nodes |> Array.tryFind (fun n -> n.Name = r.Node.Name) with
    | None ->
        error ctx Catalogue.unknownNode r.Node.Range [ r.Node.Name; listing "nodes" (nodes |> Array.map (fun n -> n.Name)) ]
        None
    | Some node when node.Role = Trusted ->
        error ctx Catalogue.badGuess r.Node.Range [ sprintf "'%s' is trusted; only untrusted nodes have settings and outcomes" node.Name ]
        None
    // Settings that failed to check (or were never given) were reported where they are declared.
    | Some node when node.Settings.Length = 0 -> None
    | Some node ->
        match CheckMeasure.resolveSetting node r.Setting.Name with
        | Some s -> Some(node, s)
        | None ->
            let labels = String.Join(", ", node.Settings |> Array.map (fun s -> s.Label))
            error ctx Catalogue.unknownSetting r.Setting.Range [ node.Name; r.Setting.Name; labels ]
            None

let private distinctNodes (ctx: Context) (what: string) (items: (SynSettingRef * Node) list) =
    let mutable ok = true
    for k, (r, node) in List.indexed items do
        if items |> List.take k |> List.exists (fun (_, n) -> n.Index = node.Index) then
            error ctx Catalogue.badGuess r.Range [ sprintf "node '%s' appears twice in %s" node.Name what ]
            ok <- false
    ok

let private guess (ctx: Context) (nodes: Node[]) (refs: SynSettingRef list) : ObjectiveKind option =
    // `all.X` stands for X on every untrusted node.
    let expanded =
        refs
        |> List.collect (fun r ->
            if r.Node.Name = "all" then
                [ for n in nodes do
                      if n.Role = Untrusted then yield { r with Node = { r.Node with Name = n.Name } } ]
            else
                [ r ])
    let resolved = expanded |> List.map (fun r -> r, resolveRef ctx nodes r)
    if resolved |> List.exists (snd >> Option.isNone) then
        None
    else
        let items = resolved |> List.map (fun (r, x) -> r, x.Value)
        if distinctNodes ctx "a guess" (items |> List.map (fun (r, (n, _)) -> r, n)) then
            Some(ObjectiveKind.Guess(items |> List.map (fun (_, (n, s)) -> { Node = n.Index; Setting = s.Index }) |> Array.ofList))
        else
            None

/// A Bell sub-expression: a constant, or a linear combination of terms (plus a constant).
type private Lin =
    | Constant of SynExpr
    | Linear of terms: (SynExpr option * BellTerm) list * constants: SynExpr list

let private one (r: SourceRange) = SynExpr.Number(1.0, false, r)

let private bellAtom (ctx: Context) (nodes: Node[]) (e: SynExpr) : BellTerm option =
    match e with
    | SynExpr.Correlator(refs, _) ->
        let resolved = refs |> List.map (fun r -> r, resolveRef ctx nodes r)
        if resolved |> List.exists (snd >> Option.isNone) then None
        else
            let items = resolved |> List.map (fun (r, x) -> r, x.Value)
            let twoOutcome =
                items
                |> List.forall (fun (r, (n, s)) ->
                    if s.Outcomes = 2 then true
                    else
                        error ctx Catalogue.correlatorOutcomes r.Range [ n.Name; s.Label; string s.Outcomes ]
                        false)
            if twoOutcome && distinctNodes ctx "a correlator" (items |> List.map (fun (r, (n, _)) -> r, n)) then
                Some(BellTerm.Correlator(items |> List.map (fun (_, (n, s)) -> { Node = n.Index; Setting = s.Index }) |> List.sortBy (fun t -> t.Node) |> Array.ofList))
            else None
    | SynExpr.Probability(items, _) ->
        let resolved = items |> List.map (fun (r, o) -> r, o, resolveRef ctx nodes r)
        if resolved |> List.exists (fun (_, _, x) -> x.IsNone) then None
        else
            let items = resolved |> List.map (fun (r, o, x) -> r, o, x.Value)
            let inRange =
                items
                |> List.forall (fun (_, o, (n, s)) ->
                    if o.Value < s.Outcomes then true
                    else
                        error ctx Catalogue.outcomeOutOfRange o.Range [ o.Text; n.Name; s.Label; string s.Outcomes ]
                        false)
            if inRange && distinctNodes ctx "a probability" (items |> List.map (fun (r, _, (n, _)) -> r, n)) then
                Some(BellTerm.Probability(items |> List.map (fun (_, o, (n, s)) -> { Node = n.Index; Setting = s.Index }, o.Value) |> List.sortBy (fun (t, _) -> t.Node) |> Array.ofList))
            else None
    | _ -> None

let rec private readBell (ctx: Context) (nodes: Node[]) (e: SynExpr) : Lin option =
    let read = readBell ctx nodes
    let notLinear (range: SourceRange) message =
        error ctx Catalogue.bellNotLinear range [ message ]
        None
    let mulCoef (a: SynExpr option) op (b: SynExpr) r =
        match a with
        | None -> if op = SynOp.Mul then b else SynExpr.Product(one r, [ op, b ], r)
        | Some a -> SynExpr.Product(a, [ op, b ], r)
    let scale op (s: SynExpr) r l =
        match l with
        | Constant c -> Constant(SynExpr.Product(c, [ op, s ], r))
        | Linear(terms, cs) ->
            Linear(terms |> List.map (fun (c, t) -> Some(mulCoef c op s r), t), cs |> List.map (fun c -> SynExpr.Product(c, [ op, s ], r)))
    let neg r l =
        match l with
        | Constant c -> Constant(SynExpr.Negate(c, r))
        | Linear(terms, cs) ->
            Linear(terms |> List.map (fun (c, t) -> Some(SynExpr.Negate(defaultArg c (one r), r)), t), cs |> List.map (fun c -> SynExpr.Negate(c, r)))
    match e with
    | SynExpr.Correlator _
    | SynExpr.Probability _ -> bellAtom ctx nodes e |> Option.map (fun t -> Linear([ None, t ], []))
    | SynExpr.Paren(x, _) -> read x
    | SynExpr.Negate(x, r) -> read x |> Option.map (neg r)
    | SynExpr.Sum(first, rest, _) ->
        let parts = (SynOp.Add, first) :: rest |> List.map (fun (op, x) -> op, x, read x)
        if parts |> List.exists (fun (_, _, l) -> l.IsNone) then None
        elif parts |> List.forall (fun (_, _, l) -> match l with Some(Constant _) -> true | _ -> false) then Some(Constant e)
        else
            let signed = parts |> List.map (fun (op, x, l) -> if op = SynOp.Sub then neg x.Range l.Value else l.Value)
            Some(
                Linear(
                    signed |> List.collect (function Linear(t, _) -> t | Constant _ -> []),
                    signed |> List.collect (function Linear(_, c) -> c | Constant c -> [ c ])
                )
            )
    | SynExpr.Product(first, rest, r) ->
        let parts = (SynOp.Mul, first) :: rest |> List.map (fun (op, x) -> op, x, read x)
        if parts |> List.exists (fun (_, _, l) -> l.IsNone) then None
        else
            let linear = parts |> List.filter (fun (_, _, l) -> match l with Some(Linear _) -> true | _ -> false)
            match linear with
            | [] -> Some(Constant e)
            | [ (SynOp.Div, x, _) ] -> notLinear x.Range "cannot divide by a correlator or probability"
            | [ (_, _, Some l) ] ->
                let constants = parts |> List.filter (fun (_, _, l) -> match l with Some(Constant _) -> true | _ -> false)
                Some(constants |> List.fold (fun acc (op, x, _) -> scale op x r acc) l)
            | _ :: (_, x, _) :: _ -> notLinear x.Range "a Bell expression must be linear: products of correlators or probabilities are not allowed"
            | _ -> None
    | SynExpr.Power(xs, _)
    | SynExpr.Call(_, xs, _) ->
        match xs |> List.tryFind (fun x -> match read x with Some(Linear _) -> true | _ -> false) with
        | Some x -> notLinear x.Range "a correlator or probability cannot be an argument of a function or a power"
        | None -> Some(Constant e)
    | SynExpr.Ket(_, _, r) -> notLinear r "kets belong in the state, not in a Bell expression"
    | SynExpr.String s -> notLinear s.Range "a string cannot be part of a Bell expression"
    | SynExpr.Number _
    | SynExpr.Name _ -> Some(Constant e)

let private bell (ctx: Context) (nodes: Node[]) (e: SynExpr) : ObjectiveKind option =
    match readBell ctx nodes e with
    | None -> None
    | Some(Constant c) ->
        error ctx Catalogue.bellNotLinear c.Range [ "a Bell expression needs at least one correlator <A.0 B.1> or probability P(A.0=0, B.1=1)" ]
        None
    | Some(Linear(terms, constants)) ->
        let coefficient (c: SynExpr option) = match c with None -> Some 1.0 | Some c -> constantReal ctx "a Bell coefficient" c
        let coefs = terms |> List.map (fun (c, t) -> coefficient c, t)
        let consts = constants |> List.map (constantReal ctx "a Bell constant")
        if coefs |> List.exists (fst >> Option.isNone) || consts |> List.exists Option.isNone then
            None
        else
            // Merge equal terms, keeping the order of first appearance.
            let merged =
                coefs
                |> List.map (fun (c, t) -> c.Value, t)
                |> List.fold (fun (acc: (float * BellTerm) list) (c, t) ->
                    if acc |> List.exists (fun (_, u) -> u = t) then acc |> List.map (fun (d, u) -> if u = t then d + c, u else d, u)
                    else acc @ [ c, t ]) []
            Some(ObjectiveKind.Bell { Constant = consts |> List.sumBy Option.get; Terms = Array.ofList merged })

let check (ctx: Context) (nodes: Node[]) (o: SynObjective) : Objective option =
    let kind =
        match o.Body with
        | SynObjectiveBody.Guess(refs, _) -> guess ctx nodes refs
        | SynObjectiveBody.Bell(e, _) -> bell ctx nodes e
    kind |> Option.map (fun k -> { Name = o.Name.Name; Kind = k; Range = o.Range })
