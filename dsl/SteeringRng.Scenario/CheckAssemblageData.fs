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

/// The blocks of a file in the nodes' assemblage layout (.npy or .json with the given "format"), Hermitian and finite,
/// or None after a diagnostic at the file name (`notFound`, `invalid`: the codes for this kind of file).
let private readBlocks (ctx: Context) (nodes: Node[]) (file: SynString) (notFound: DiagnosticDef) (invalid: DiagnosticDef) (jsonFormat: string) =
    match layoutOf ctx nodes with
    | None -> None
    | Some layout ->
        let names = nodes |> Array.filter (fun n -> n.Role = Untrusted) |> Array.map (fun n -> n.Name)
        match ctx.ResolveBytes file.Value InputLimits.MaxDataBytes with
        | FileBytes.NotFound ->
            error ctx notFound file.Range [ file.Value ]
            None
        | FileBytes.TooLarge ->
            error ctx Catalogue.fileTooLarge file.Range [ file.Value; InputLimits.Describe InputLimits.MaxDataBytes; "data files" ]
            None
        | FileBytes.Bytes bytes ->
            try
                Some(AssemblageFile.Read(ReadOnlySpan bytes, file.Value, layout, names, jsonFormat))
            with :? DataFileException as e ->
                error ctx invalid file.Range [ e.Message ]
                None

/// `inequality = file("F.json")` (docs/formulations/measured-probabilities.md): the steering functional F_{b…|y…}, one
/// Hermitian block of any sign per outcome and setting tuple, in the assemblage file's layout (JSON "format":
/// "steeringrng-functional", or .npy), checked for shape, finiteness and Hermiticity like an assemblage file.
let readFunctional (ctx: Context) (nodes: Node[]) (file: SynString) : SteeringRng.Quantum.Assemblage option =
    readBlocks ctx nodes file Catalogue.functionalFileNotFound Catalogue.functionalFileInvalid AssemblageJson.FunctionalFormat

let check (ctx: Context) (nodes: Node[]) (file: SynString) (range: SourceRange) (repair: bool) : MeasuredData option =
        let names = nodes |> Array.filter (fun n -> n.Role = Untrusted) |> Array.map (fun n -> n.Name)
        match readBlocks ctx nodes file Catalogue.dataFileNotFound Catalogue.dataFileInvalid AssemblageJson.Format with
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
