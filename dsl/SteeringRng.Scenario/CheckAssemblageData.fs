/// Checks `assemblage = file("...")`: reads the file through the host (as bytes, at most InputLimits.MaxDataBytes),
/// against the layout the nodes declare (settings and outcomes of each untrusted node in declaration order, d_A the
/// product of the trusted dimensions), then asks whether the blocks are a valid assemblage: as read, or repaired when
/// repair was asked for (docs/formulations/measured-data.md). Every problem is a diagnostic at the file name.
module internal SteeringRng.Scenario.CheckAssemblageData

open System
open System.Globalization
open SteeringRng.Quantum.Data
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

/// The layout the scenario's nodes declare, or None (reported) when a node's settings differ in outcome count.
let private layoutOf (ctx: Context) (nodes: Node[]) : AssemblageLayout option =
    let untrusted = nodes |> Array.filter (fun n -> n.Role = Untrusted && n.Settings.Length > 0)
    let uniform =
        untrusted
        |> Array.map (fun n ->
            let counts = n.Settings |> Array.map (fun s -> s.Outcomes) |> Array.distinct
            if counts.Length = 1 then Some counts[0]
            else
                error ctx Catalogue.dataOutcomeCounts n.Range [ n.Name; String.Join(", ", counts) ]
                None)
    if untrusted.Length = 0 || uniform |> Array.exists Option.isNone then None
    else
        let dA = nodes |> Array.filter (fun n -> n.Role = Trusted) |> Array.fold (fun p n -> p * n.Dim) 1
        Some(AssemblageLayout(dA, untrusted |> Array.map (fun n -> n.Settings.Length), uniform |> Array.map Option.get))

let private g (v: float) = v.ToString("G3", CultureInfo.InvariantCulture)

let check (ctx: Context) (nodes: Node[]) (file: SynString) (range: SourceRange) (repair: bool) : MeasuredData option =
    match layoutOf ctx nodes with
    | None -> None
    | Some layout ->
        let names = nodes |> Array.filter (fun n -> n.Role = Untrusted) |> Array.map (fun n -> n.Name)
        let read =
            match ctx.ResolveBytes file.Value InputLimits.MaxDataBytes with
            | FileBytes.NotFound ->
                error ctx Catalogue.dataFileNotFound file.Range [ file.Value ]
                None
            | FileBytes.TooLarge ->
                error ctx Catalogue.fileTooLarge file.Range [ file.Value; InputLimits.Describe InputLimits.MaxDataBytes; "data files" ]
                None
            | FileBytes.Bytes bytes ->
                try
                    Some(AssemblageFile.Read(ReadOnlySpan bytes, file.Value, layout, names))
                with :? DataFileException as e ->
                    error ctx Catalogue.dataFileInvalid file.Range [ e.Message ]
                    None
        match read with
        | None -> None
        | Some sigma ->
            let violations = AssemblageValidity.Violations(sigma, names)
            if violations.Count = 0 then
                Some { File = file.Value; Assemblage = sigma; Repair = None; Violation = ""; Range = range }
            else
                let worst = violations[0]
                let others =
                    if violations.Count = 1 then ""
                    else "; also " + String.Join("; ", violations |> Seq.skip 1 |> Seq.map string)
                if not repair then
                    error ctx Catalogue.dataNotAssemblage file.Range [ file.Value; g AssemblageValidity.Tolerance; string worst; others ]
                    None
                else
                    try
                        let result = NearestAssemblage.Repair sigma
                        let how =
                            if result.Converged then sprintf "Dykstra's projection, %d iterations" result.Iterations
                            else sprintf "Dykstra's projection stopped after %d iterations; the distance is an upper bound" result.Iterations
                        error ctx Catalogue.dataRepaired file.Range [ file.Value; string worst; g result.Distance; how ]
                        Some { File = file.Value; Assemblage = result.Repaired; Repair = Some result; Violation = string worst; Range = range }
                    with :? ArgumentException as e ->
                        error ctx Catalogue.dataRepairRefused file.Range [ file.Value; e.Message ]
                        None
