/// Checks `efficiency` statements (detection loss, docs/formulations/detection-loss.md): each names untrusted nodes
/// with concrete measurements, at most one efficiency per node, a real η in [0, 1] at every sweep point, and an
/// optional no-click bin that is an outcome of every setting of the node. Without a bin the no-click event is a
/// further outcome: the node's settings count it (Outcomes + 1), so objectives, NPA letters and the relaxations'
/// shapes see it; with a bin the outcome counts stay. Diagnostics SR1160–SR1164.
module internal SteeringRng.Scenario.CheckEfficiency

open System.Numerics
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

/// The efficiencies, and the nodes with the no-click outcome counted; `steering` says whether the steering test is
/// requested (it needs an efficiency that does not vary over the sweep: its white noise is built once).
let check (ctx: Context) (sweep: Sweep) (nodes: Node[]) (steering: bool) (statements: SynEfficiency list) : Node[] * Efficiency[] =
    let firstAt = System.Collections.Generic.Dictionary<int, int>()
    let efficiencies = ResizeArray<Efficiency>()
    for s in statements do
        // η: real and within [0, 1] at every grid point (the expression may use swept parameters).
        let valueOk =
            let mutable ok = true
            let mutable k = 0
            while ok && k < sweep.Points.Length do
                match Expr.evaluateReal (sweep.Lookup k) sweep.Names "a detection efficiency" s.Value with
                | Result.Error d ->
                    ctx.Report d
                    ok <- false
                | Result.Ok eta when not (eta >= 0.0 && eta <= 1.0) ->
                    let who = System.String.Join(", ", s.Nodes |> List.map (fun n -> n.Name))
                    error ctx Catalogue.efficiencyRange s.Value.Range [ who; Expr.show (Complex(eta, 0.0)); sweep.Describe k ]
                    ok <- false
                | Result.Ok _ -> ()
                k <- k + 1
            ok
        let varying = Expr.names s.Value |> List.tryFind (fun n -> List.contains n ctx.Varying)
        for name in s.Nodes do
            match nodes |> Array.tryFind (fun n -> n.Name = name.Name) with
            | None -> error ctx Catalogue.unknownNode name.Range [ name.Name; listing "nodes" (nodes |> Array.map (fun n -> n.Name)) ]
            | Some n when n.Role = Trusted ->
                error ctx Catalogue.efficiencyNode name.Range [ n.Name; "it is trusted (characterised, doing tomography); detection loss is modelled for untrusted nodes" ]
            | Some n when n.Settings |> Array.exists (fun st -> st.Kind = SettingKind.Abstract || st.Elements.Length = 0) ->
                error ctx Catalogue.efficiencyNode name.Range [ n.Name; "its settings are abstract; detection loss needs concrete measurements (X, mub(1), povm(...), ...)" ]
            | Some n ->
                match firstAt.TryGetValue n.Index with
                | true, line -> error ctx Catalogue.efficiencyTwice name.Range [ n.Name; string line ]
                | _ ->
                    firstAt[n.Index] <- s.Range.Start.Line
                    let binOk =
                        match s.NoClick with
                        | None -> true
                        | Some bin ->
                            match n.Settings |> Array.tryFind (fun st -> bin.Value < 0 || bin.Value >= st.Outcomes) with
                            | Some st ->
                                error ctx Catalogue.noClickOutcome bin.Range [ bin.Text; st.Label; n.Name; string st.Outcomes; string (st.Outcomes - 1) ]
                                false
                            | None -> true
                    match varying with
                    | Some p when steering -> error ctx Catalogue.efficiencySwept s.Value.Range [ n.Name; p ]
                    | _ -> ()
                    if valueOk && binOk then
                        efficiencies.Add { Node = n.Index; Value = s.Value; NoClick = s.NoClick |> Option.map (fun b -> b.Value); Range = s.Range }
    let counted =
        nodes
        |> Array.map (fun n ->
            match efficiencies |> Seq.tryFind (fun e -> e.Node = n.Index) with
            | Some e when e.NoClick.IsNone -> { n with Settings = n.Settings |> Array.map (fun st -> { st with Outcomes = st.Outcomes + 1 }) }
            | _ -> n)
    counted, efficiencies.ToArray()
