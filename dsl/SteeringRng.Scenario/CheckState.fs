/// Checks `state = ...`: reads the expression as a linear combination of state ingredients with
/// scalar weights (a mixture of density operators, or a superposition of kets), checks ket labels
/// against the nodes, and checks at every sweep point that weights are real and sum to 1 (Quantum's
/// States.RequireUnitSum). Data files are validated by Quantum (States.FromKet, DensityMatrix.Create).
module internal SteeringRng.Scenario.CheckState

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

let maxDimension = 4096

/// A sub-expression read as a state: a number, a ket superposition (with an outer weight kept
/// apart, so that `mu * (a|0> + b|1>)` becomes mu times a projector), or a mixture.
type private Lin =
    | Scalar of SynExpr
    | Kets of weight: SynExpr option * (SynExpr option * int) list * range: SourceRange
    | Mixed of (SynExpr option * StateComponent * SourceRange) list

let private one (r: SourceRange) = SynExpr.Number(1.0, false, r)

let private times (a: SynExpr option) (op: SynOp) (b: SynExpr) (r: SourceRange) =
    match a, op with
    | None, SynOp.Mul -> b
    | None, _ -> SynExpr.Product(one r, [ op, b ], r)
    | Some a, _ -> SynExpr.Product(a, [ op, b ], r)

let private negate (a: SynExpr option) (r: SourceRange) =
    match a with
    | None -> SynExpr.Negate(one r, r)
    | Some a -> SynExpr.Negate(a, r)

let private scaleLin (op: SynOp) (s: SynExpr) (r: SourceRange) (x: Lin) =
    match x with
    | Scalar e -> Scalar(SynExpr.Product(e, [ op, s ], r))
    | Kets(w, kets, kr) -> Kets(Some(times w op s r), kets, kr)
    | Mixed terms -> Mixed(terms |> List.map (fun (w, c, tr) -> Some(times w op s r), c, tr))

let private negLin (r: SourceRange) (x: Lin) =
    match x with
    | Scalar e -> Scalar(SynExpr.Negate(e, r))
    | Kets(w, kets, kr) -> Kets(Some(negate w r), kets, kr)
    | Mixed terms -> Mixed(terms |> List.map (fun (w, c, tr) -> Some(negate w tr), c, tr))

/// Kets with their outer weight multiplied into each amplitude.
let private flatten (w: SynExpr option) (kets: (SynExpr option * int) list) (r: SourceRange) =
    match w with
    | None -> kets
    | Some w -> kets |> List.map (fun (a, i) -> Some(match a with None -> w | Some a -> SynExpr.Product(w, [ SynOp.Mul, a ], r)), i)

type private Reader(ctx: Context, nodes: Node[]) =
    let dims = nodes |> Array.map (fun n -> n.Dim)
    let nodeList = String.Join(", ", nodes |> Array.map (fun n -> n.Name))
    let mutable failed = false
    let fail def range args =
        error ctx def range args
        failed <- true

    member _.Failed = failed

    member private _.Family(name: SynIdent, args: SynExpr list, range: SourceRange) : StateComponent option =
        // Family arguments, when given, must name every node exactly once (partial states and
        // tensor products are not part of the language).
        let named = args |> List.choose (function SynExpr.Name id -> Some id.Name | _ -> None)
        let argsOk =
            args.IsEmpty
            || (named.Length = args.Length && List.sort named = List.sort (nodes |> Array.map (fun n -> n.Name) |> List.ofArray))
        if not argsOk then
            fail Catalogue.familyArguments range [ sprintf "%s(...) must list every node exactly once (%s), or no node at all" name.Name nodeList ]
            None
        else
            match name.Name with
            | "ghz" when dims |> Array.exists (fun d -> d <> dims[0]) ->
                fail Catalogue.familyNeedsEqualDims range [ "ghz"; String.Join(", ", nodes |> Array.map (fun n -> sprintf "%s: %d" n.Name n.Dim)) ]
                None
            | "ghz" -> Some StateComponent.Ghz
            | "w" when dims |> Array.exists (fun d -> d <> 2) ->
                fail Catalogue.familyNeedsQubits range [ "w"; String.Join(", ", nodes |> Array.map (fun n -> sprintf "%s: %d" n.Name n.Dim)) ]
                None
            | "w" -> Some StateComponent.W
            | _ -> Some StateComponent.White

    member private _.File(args: SynExpr list, range: SourceRange) : StateComponent option =
        match args with
        | [ SynExpr.String file ] ->
            match readNumbers ctx file with
            | None ->
                failed <- true
                None
            | Some values ->
                let dim = Array.fold (*) 1 dims
                // Quantum validates the numbers; its message (what fails, by how much) becomes the diagnostic.
                let quantum (build: unit -> StateComponent) =
                    try
                        Some(build ())
                    with :? QuantumValidationException as e ->
                        fail Catalogue.fileNumbers file.Range [ file.Value; e.Message ]
                        None
                if values.Length = dim then
                    quantum (fun () ->
                        States.FromKet(values, dims) |> ignore // zero or non-finite amplitudes
                        // The language warns only when the norm is off by more than 1 % (grammar.md).
                        let n = Vector<Complex>.Build.DenseOfArray(values).L2Norm()
                        if abs (n - 1.0) > 0.01 then
                            error ctx Catalogue.ketNotNormalised file.Range [ sprintf "the vector in '%s'" file.Value; Expr.show (Complex(n, 0.0)) ]
                        StateComponent.Vector(file.Value, values |> Array.map (fun z -> z / Complex(n, 0.0))))
                elif values.Length = dim * dim then
                    let m = Array2D.init dim dim (fun i j -> values[i * dim + j])
                    quantum (fun () ->
                        DensityMatrix.Create(m, dims) |> ignore // Hermitian, trace 1, PSD
                        StateComponent.Density(file.Value, m))
                else
                    fail Catalogue.fileNumbers file.Range [ file.Value; sprintf "has %d numbers; expected %d (a state vector) or %d (a density matrix) for the joint dimension %d" values.Length dim (dim * dim) dim ]
                    None
        | _ ->
            fail Catalogue.familyArguments range [ "file(...) takes one file name in quotes" ]
            None

    member private _.Ket(labels: int list, text: string, range: SourceRange) : int option =
        if labels.Length <> nodes.Length then
            fail Catalogue.ketLabelLength range [ text; string labels.Length; string nodes.Length; nodeList ]
            None
        else
            match List.indexed labels |> List.tryFind (fun (k, l) -> l >= dims[k]) with
            | Some(k, l) ->
                fail Catalogue.ketLabelDigit range [ text; string l; nodes[k].Name; string dims[k] ]
                None
            | None -> Some(StateEval.basisIndex dims labels)

    /// Reads an expression as a state, or None after reporting why it is not one.
    member this.Read(e: SynExpr) : Lin option =
        let notState (range: SourceRange) message =
            fail Catalogue.notAState range [ message ]
            None
        match e with
        | SynExpr.Name id when List.contains id.Name [ "ghz"; "w"; "white" ] ->
            this.Family(id, [], id.Range) |> Option.map (fun c -> Mixed [ None, c, id.Range ])
        | SynExpr.Call(id, args, r) when List.contains id.Name [ "ghz"; "w"; "white" ] ->
            this.Family(id, args, r) |> Option.map (fun c -> Mixed [ None, c, r ])
        | SynExpr.Call(id, args, r) when id.Name = "file" -> this.File(args, r) |> Option.map (fun c -> Mixed [ None, c, r ])
        | SynExpr.Ket(labels, text, r) -> this.Ket(labels, text, r) |> Option.map (fun i -> Kets(None, [ None, i ], r))
        // Parentheses close a ket group: factors inside become amplitudes, factors outside its weight.
        | SynExpr.Paren(inner, _) ->
            this.Read inner
            |> Option.map (function
                | Kets(w, kets, kr) -> Kets(None, flatten w kets kr, kr)
                | other -> other)
        | SynExpr.Negate(inner, r) -> this.Read inner |> Option.map (negLin r)
        | SynExpr.Sum(first, rest, r) ->
            let parts = (SynOp.Add, first) :: rest |> List.map (fun (op, x) -> op, x, this.Read x)
            if parts |> List.exists (fun (_, _, l) -> l.IsNone) then
                None
            else
                let parts = parts |> List.map (fun (op, x, l) -> x, (if op = SynOp.Sub then negLin x.Range l.Value else l.Value))
                let isScalar = function Scalar _ -> true | _ -> false
                let isMixed = function Mixed _ -> true | _ -> false
                if parts |> List.forall (snd >> isScalar) then
                    Some(Scalar e)
                else
                    match parts |> List.tryFind (snd >> isScalar) with
                    | Some(x, _) -> notState x.Range "cannot add a number to a state"
                    | None when parts |> List.exists (snd >> isMixed) ->
                        Some(
                            Mixed(
                                parts
                                |> List.collect (fun (_, l) ->
                                    match l with
                                    | Mixed terms -> terms
                                    | Kets(w, kets, kr) -> [ w, StateComponent.Pure(kets |> List.map (fun (a, i) -> defaultArg a (one kr), i)), kr ]
                                    | Scalar _ -> [])
                            )
                        )
                    | None ->
                        Some(Kets(None, parts |> List.collect (fun (_, l) -> match l with Kets(w, k, kr) -> flatten w k kr | _ -> []), r))
        | SynExpr.Product(first, rest, r) ->
            let parts = (SynOp.Mul, first) :: rest |> List.map (fun (op, x) -> op, x, this.Read x)
            if parts |> List.exists (fun (_, _, l) -> l.IsNone) then
                None
            else
                let states = parts |> List.filter (fun (_, _, l) -> match l with Some(Scalar _) -> false | _ -> true)
                match states with
                | [] -> Some(Scalar e)
                | [ (SynOp.Div, x, _) ] -> notState x.Range "cannot divide by a state"
                | [ (_, _, Some s) ] ->
                    let scalars = parts |> List.filter (fun (_, _, l) -> match l with Some(Scalar _) -> true | _ -> false)
                    Some(scalars |> List.fold (fun acc (op, x, _) -> scaleLin op x r acc) s)
                | _ :: (_, x, _) :: _ -> notState x.Range "states can only be multiplied by numbers (tensor products are not supported)"
                | _ -> None
        | SynExpr.Power(xs, _)
        | SynExpr.Call(_, xs, _) ->
            match xs |> List.tryPick (fun x -> match this.Read x with Some(Scalar _) | None -> None | Some _ -> Some x) with
            | Some x -> notState x.Range "a state cannot be an argument of a function or a power"
            | None -> Some(Scalar e)
        | SynExpr.Correlator(_, r)
        | SynExpr.Probability(_, r) -> notState r "correlators and probabilities belong in Bell objectives, not in states"
        | SynExpr.String s -> notState s.Range "a file name needs file(...): state = file(\"rho.txt\")"
        | SynExpr.Name id when
            not (List.contains id.Name ctx.ParameterNames) && not (List.exists (fun (n, _) -> n = id.Name) Expr.constants)
            ->
            let known = ctx.ParameterNames @ [ "ghz"; "w"; "white" ]
            fail Catalogue.unknownName id.Range [ id.Name; listing "parameters and states" known ]
            None
        | SynExpr.Number _
        | SynExpr.Name _ -> Some(Scalar e)

/// Checks the state statement; None after reporting errors.
let check (ctx: Context) (nodes: Node[]) (sweep: Sweep) (expr: SynExpr) (range: SourceRange) : State option =
    let reader = Reader(ctx, nodes)
    let dims = nodes |> Array.map (fun n -> n.Dim)
    let terms =
        match reader.Read expr with
        | None -> None
        | Some(Scalar _) ->
            error ctx Catalogue.notAState expr.Range [ "the state is a number; write a state such as ghz, w, white, kets (0.6|01> + 0.8|10>) or file(\"rho.txt\")" ]
            None
        | Some(Kets(w, kets, kr)) ->
            // A pure state on its own: outer factors are part of the amplitudes, e.g. (|00> + |11>)/sqrt(2).
            Some [ { Weight = None; Component = StateComponent.Pure(flatten w kets kr |> List.map (fun (a, i) -> defaultArg a (one kr), i)); Range = kr } ]
        | Some(Mixed terms) -> Some(terms |> List.map (fun (w, c, r) -> { Weight = w; Component = c; Range = r }))
    match terms with
    | None -> None
    | Some terms when reader.Failed -> None
    | Some terms ->
        let state = { Dims = dims; Terms = Array.ofList terms; Range = range }
        let names = sweep.Names
        let mutable failed = false
        let mutable point = 0
        // Weights and amplitudes at every point: real weights summing to 1, non-zero kets.
        while not failed && point < sweep.Points.Length do
            let lookup = sweep.Lookup point
            let weights = ResizeArray<float>()
            for t in state.Terms do
                if not failed then
                    match StateEval.weightOf lookup names t with
                    | Result.Error d ->
                        ctx.Report { d with Message = d.Message + " at " + sweep.Describe point }
                        failed <- true
                    | Result.Ok w ->
                        weights.Add w
                        match t.Component with
                        | StateComponent.Pure amplitudes ->
                            // Sparse: only the listed basis states, so large dimensions cost nothing here.
                            let v = Collections.Generic.Dictionary<int, Complex>()
                            let mutable evaluationError = None
                            for a, index in amplitudes do
                                if evaluationError.IsNone then
                                    match Expr.evaluateWith lookup names a with
                                    | Result.Ok z -> v[index] <- (match v.TryGetValue index with | true, x -> x + z | _ -> z)
                                    | Result.Error d -> evaluationError <- Some d
                            match evaluationError with
                            | Some d ->
                                ctx.Report { d with Message = d.Message + " at " + sweep.Describe point }
                                failed <- true
                            | None ->
                                let n = sqrt (v.Values |> Seq.sumBy (fun z -> (Complex.Abs z) ** 2.0))
                                if n = 0.0 then
                                    error ctx Catalogue.notAState t.Range [ "the ket has norm 0 at " + sweep.Describe point ]
                                    failed <- true
                                elif point = 0 && abs (n - 1.0) > 0.01 then
                                    error ctx Catalogue.ketNotNormalised t.Range [ "the ket"; Expr.show (Complex(n, 0.0)) ]
                        | _ -> ()
            if not failed then
                try
                    States.RequireUnitSum weights
                with :? QuantumValidationException as e ->
                    // In a mixture a ket group is normalised and every factor outside it is its weight.
                    let hint =
                        if state.Terms |> Array.exists (fun t -> t.Weight.IsSome && (match t.Component with StateComponent.Pure _ -> true | _ -> false))
                        then " (a ket in a mixture is normalised and the factors outside its parentheses are its weight: mu * ((|00> + |11>)/sqrt(2)))"
                        else ""
                    error ctx Catalogue.weightsSum expr.Range [ sweep.Describe point; e.Message + hint ]
                    failed <- true
            point <- point + 1
        if failed then None else Some state
