/// Compact, stable text forms of expressions and checked scenarios (used by golden tests and by
/// hosts that want to show what a scenario means after checking).
module SteeringRng.Scenario.Printer

open System
open System.Numerics
open System.Text
open SteeringRng.Scenario.Checked

let private num (v: float) = Expr.show (Complex(v, 0.0))

let private refText (r: SynSettingRef) = r.Node.Name + "." + r.Setting.Name

/// An expression in canonical surface syntax (single spaces around binary operators).
let rec expr (e: SynExpr) : string =
    let opText =
        function
        | SynOp.Add -> " + "
        | SynOp.Sub -> " - "
        | SynOp.Mul -> " * "
        | SynOp.Div -> " / "
    match e with
    // Round-trip formatting: printing and re-reading an expression keeps every number exactly.
    | SynExpr.Number(v, imaginary, _) -> v.ToString("R", Globalization.CultureInfo.InvariantCulture) + (if imaginary then "i" else "")
    | SynExpr.Name id -> id.Name
    | SynExpr.Negate(x, _) ->
        match x with
        | SynExpr.Sum _ | SynExpr.Product _ -> "-(" + expr x + ")"
        | _ -> "-" + expr x
    | SynExpr.Sum(first, rest, _)
    | SynExpr.Product(first, rest, _) -> expr first + String.Join("", rest |> List.map (fun (op, x) -> opText op + expr x))
    | SynExpr.Power(xs, _) -> String.Join("^", xs |> List.map expr)
    | SynExpr.Call(f, args, _) -> f.Name + "(" + String.Join(", ", args |> List.map expr) + ")"
    | SynExpr.Paren(x, _) -> "(" + expr x + ")"
    | SynExpr.String s -> "\"" + s.Value + "\""
    | SynExpr.Ket(_, text, _) -> "|" + text + ">"
    | SynExpr.Correlator(refs, _) -> "<" + String.Join(" ", refs |> List.map refText) + ">"
    | SynExpr.Probability(items, _) ->
        "P(" + String.Join(", ", items |> List.map (fun (r, o) -> refText r + "=" + o.Text)) + ")"

let private settingKind =
    function
    | SettingKind.Computational -> "computational"
    | SettingKind.Fourier -> "fourier"
    | SettingKind.PauliY -> "pauli-y"
    | SettingKind.Mub k -> sprintf "mub%d" k
    | SettingKind.Bloch(x, y, z) -> sprintf "bloch(%s, %s, %s)" (num x) (num y) (num z)
    | SettingKind.PovmFile f -> sprintf "povm(\"%s\")" f
    | SettingKind.Abstract -> "abstract"

let private target (nodes: Node[]) (t: Target) =
    let n = nodes[t.Node]
    n.Name + "." + n.Settings[t.Setting].Label

let private componentText =
    function
    | StateComponent.Ghz -> "ghz"
    | StateComponent.W -> "w"
    | StateComponent.White -> "white"
    | StateComponent.Pure amplitudes -> "pure[" + String.Join(", ", amplitudes |> List.map (fun (a, i) -> sprintf "%s @%d" (expr a) i)) + "]"
    | StateComponent.Vector(f, v) -> sprintf "vector(\"%s\", %d amplitudes)" f v.Length
    | StateComponent.Density(f, m) -> sprintf "density(\"%s\", %dx%d)" f (Array2D.length1 m) (Array2D.length2 m)

let private values (sweep: Sweep) (p: Parameter) =
    let all = sweep.Points |> Array.map (fun pt -> pt[p.Index]) |> Array.distinct
    if all.Length <= 6 then String.Join(", ", all |> Array.map num)
    else String.Join(", ", all |> Array.take 3 |> Array.map num) + ", ..., " + num (Array.last all)

let private bellTerm (nodes: Node[]) =
    function
    | BellTerm.Correlator ts -> "<" + String.Join(" ", ts |> Array.map (target nodes)) + ">"
    | BellTerm.Probability items -> "P(" + String.Join(", ", items |> Array.map (fun (t, o) -> sprintf "%s=%d" (target nodes t) o)) + ")"

/// The checked scenario, one fact per line.
let scenario (s: Scenario) : string =
    let sb = StringBuilder()
    let line (text: string) = sb.Append(text).Append('\n') |> ignore
    line (sprintf "scenario \"%s\"" s.Title)
    for n in s.Nodes do
        match n.Role with
        | Trusted -> line (sprintf "  node %s trusted dim %d" n.Name n.Dim)
        | Untrusted ->
            let settings = n.Settings |> Array.map (fun st -> sprintf "%s=%s/%d" st.Label (settingKind st.Kind) st.Outcomes)
            line (sprintf "  node %s untrusted dim %d settings %s" n.Name n.Dim (String.Join(" ", settings)))
    for p in s.Sweep.Parameters do
        let kind =
            match p.Kind with
            | ParameterKind.Constant -> "constant"
            | ParameterKind.Swept n -> sprintf "swept %d" n
            | ParameterKind.Derived -> "derived"
        line (sprintf "  param %s %s: %s" p.Name kind (values s.Sweep p))
    line (sprintf "  points %d" s.Sweep.Points.Length)
    match s.State with
    | None -> line "  state none"
    | Some st ->
        let terms =
            st.Terms |> Array.map (fun t -> match t.Weight with None -> componentText t.Component | Some w -> sprintf "[%s] %s" (expr w) (componentText t.Component))
        line (sprintf "  state dims %s: %s" (String.Join("x", st.Dims)) (String.Join(" + ", terms)))
    for e in s.Efficiencies do
        let bin = match e.NoClick with Some b -> sprintf " noclick -> %d" b | None -> ""
        line (sprintf "  efficiency %s = %s%s" s.Nodes[e.Node].Name (expr e.Value) bin)
    match s.Measured with
    | None -> ()
    | Some d ->
        let a = d.Assemblage
        let repair =
            match d.Repair with
            | None -> "valid as read"
            | Some r -> sprintf "repaired, Frobenius distance %s" (r.Distance.ToString("G6", Globalization.CultureInfo.InvariantCulture))
        line (sprintf "  assemblage \"%s\" d_A %d settings %s outcomes %s: %s" d.File a.TrustedDimension (String.Join("x", a.Settings)) (String.Join("x", a.Outcomes)) repair)
    for o in s.Objectives do
        match o.Kind with
        | ObjectiveKind.Guess ts -> line (sprintf "  objective %s guess %s" o.Name (String.Join(", ", ts |> Array.map (target s.Nodes))))
        | ObjectiveKind.Bell b ->
            let terms =
                b.Terms |> Array.mapi (fun k (c, t) ->
                    let sign = if c < 0.0 then "- " elif k = 0 then "" else "+ "
                    sprintf "%s%s %s" sign (num (abs c)) (bellTerm s.Nodes t))
            let constant = if b.Constant = 0.0 then "" else sprintf " %s %s" (if b.Constant < 0.0 then "-" else "+") (num (abs b.Constant))
            line (sprintf "  objective %s bell %s%s" o.Name (String.Join(" ", terms)) constant)
    for b in s.Bounds do
        match b with
        | Bound.NoSignalling -> line "  bound ns"
        | Bound.Npa l when l.Extra.Length = 0 && l.Words.Length = 0 -> line (sprintf "  bound npa %d" l.Base)
        | Bound.Npa l ->
            let patterns = l.Extra |> Array.map (fun w -> String.Join("*", w |> Array.map (fun k -> s.Nodes[k].Name)))
            // explicit words as the level syntax writes them with names: Bob0|1*Charlie0|0
            let words =
                l.Words |> Array.map (fun w -> String.Join("*", w |> Array.map (fun x -> sprintf "%s%d|%d" s.Nodes[x.Node].Name x.Outcome x.Setting)))
            line (sprintf "  bound npa %d + %s" l.Base (String.Join(" + ", Array.append patterns words)))
        | Bound.Global -> line "  bound global"
        | Bound.Seesaw o ->
            let block = o.Block |> Option.map (sprintf " block %d") |> Option.defaultValue ""
            line (sprintf "  bound seesaw dim %d%s restarts %d seed %d" o.Dim block o.Restarts o.Seed)
        | Bound.Steering -> line "  bound steering"
    for o in s.Outputs do
        match o with
        | Output.Table(f, file) -> line (sprintf "  output table %s \"%s\"" (if f = TableFormat.Csv then "csv" else "json") file)
        | Output.Plot(file, over) -> line (sprintf "  output plot \"%s\" over %s" file s.Sweep.Parameters[over].Name)
        | Output.Sdpa file -> line (sprintf "  output sdpa \"%s\"" file)
    sb.ToString()
