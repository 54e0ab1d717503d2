/// Checks device-independent data (docs/formulations/device-independent.md): `inequality = bell(chsh = S)` lines give
/// the observed value of Bell objectives, and a guess objective in a scenario without a trusted node needs them.
module internal SteeringRng.Scenario.CheckDeviceIndependent

open System
open System.Numerics
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

/// The values the expression constant + Σ c_k term_k can take on any correlations: a correlator lies in [−1, 1], a
/// probability in [0, 1]. A value outside is impossible for every bound (ns and npa alike), so it is an error here;
/// a value inside but beyond a bound's reach (S > 2√2 under npa) is that bound's infeasible row at run time.
let private range (e: BellExpression) =
    e.Terms
    |> Array.fold
        (fun (lo, hi) (c, term) ->
            let tlo, thi =
                match term with
                | BellTerm.Correlator _ -> -1.0, 1.0
                | BellTerm.Probability _ -> 0.0, 1.0
            lo + min (c * tlo) (c * thi), hi + max (c * tlo) (c * thi))
        (e.Constant, e.Constant)

/// <param name="otherData">What else in the scenario gives data (a state, files, a steering inequality), for SR1199.</param>
/// <returns>The data spec, with DataSource.BellValues when the scenario gives Bell values.</returns>
let check (ctx: Context) (sweep: Sweep) (nodes: Node[]) (objectives: Objective list) (guesses: SourceRange list)
          (otherData: string list) (statements: SynData list) (data: DataSpec) : DataSpec =
    let values = statements |> List.choose (function SynData.BellValue(o, v, r) -> Some(o, v, r) | _ -> None)
    let trusted = nodes |> Array.tryFind (fun n -> n.Role = Trusted)
    let bellNames = objectives |> List.choose (fun o -> match o.Kind with ObjectiveKind.Bell _ -> Some o.Name | _ -> None)
    // A guess with nothing to certify from.
    if trusted.IsNone && values.IsEmpty then
        for r in guesses do
            error ctx Catalogue.diGuessWithoutData r [ (match bellNames with n :: _ -> n | [] -> "chsh") ]
    for (o, v, r) in values do
        match trusted with
        | Some t -> error ctx Catalogue.bellValueConflict r [ $"this scenario has the trusted node '{t.Name}': certify from its data (remove this line)" ]
        | None -> ()
        for what in otherData do
            error ctx Catalogue.bellValueConflict r [ $"remove {what} (the Bell values are the data)" ]
        match values |> List.tryFind (fun (o2, _, _) -> o2.Name = o.Name) with
        | Some(_, _, first) when first <> r ->
            error ctx Catalogue.bellValueObjective o.Range [ o.Name; $"given twice (first at line {first.Start.Line})" ]
        | _ ->
            match objectives |> List.tryFind (fun x -> x.Name = o.Name) with
            | Some { Kind = ObjectiveKind.Bell e } ->
                let lo, hi = range e
                let mutable k = 0
                while k < sweep.Points.Length do
                    match Expr.evaluateReal (sweep.Lookup k) sweep.Names "a Bell value" v with
                    | Result.Ok x when x >= lo - 1e-12 && x <= hi + 1e-12 -> k <- k + 1
                    | Result.Ok x ->
                        error ctx Catalogue.bellValueRange v.Range [ o.Name; Expr.show (Complex(x, 0.0)); sweep.Describe k; string lo; string hi ]
                        k <- sweep.Points.Length
                    | Result.Error d ->
                        ctx.Report d
                        k <- sweep.Points.Length
            | Some _ -> error ctx Catalogue.bellValueObjective o.Range [ o.Name; "not a Bell objective ('objective NAME = bell ...')" ]
            | None ->
                let known = if bellNames.IsEmpty then "; this scenario has no Bell objective" else listing "Bell objectives" bellNames
                error ctx Catalogue.bellValueObjective o.Range [ o.Name; $"no objective of this name{known}" ]
    if values.IsEmpty then data
    else { data with Source = DataSource.BellValues [| for (o, v, r) in values -> { Objective = o.Name; Value = v; Range = r } |] }
