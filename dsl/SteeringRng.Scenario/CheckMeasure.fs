/// Checks `measure` statements: each untrusted node gets its settings, with labels and outcome
/// counts; the POVM matrices come from SteeringRng.Quantum, which also validates those read from files.
module internal SteeringRng.Scenario.CheckMeasure

open System
open System.Numerics
open SteeringRng.Quantum
open SteeringRng.Scenario.Checked
open SteeringRng.Scenario.CheckContext

let maxSettings = 64
let maxOutcomes = 64
/// The most POVM matrix entries one node may hold (2^21 complex numbers, 32 MB).
let maxMatrixEntries = 1 <<< 21

/// The name Quantum's messages give a POVM (they read "the POVM element 1 is not ...").
let private povmName = "the POVM"

let private setting label index kind (elements: Complex[,][]) range =
    { Label = label; Index = index; Kind = kind; Outcomes = elements.Length; Elements = elements; Range = range }

/// The elements of a POVM as the checked model holds them: one array per outcome, in outcome order.
let private elementsOf (povm: Povm) = Array.init povm.OutcomeCount (fun a -> povm.Element(a).ToArray())

/// A POVM read from a file: k d x d matrices row by row (the count is the language's rule), validated
/// (Hermitian, PSD, sum = I) by Povm.Create, whose message becomes the diagnostic.
let private povmFromFile (ctx: Context) (file: SynString) (d: int) : Complex[,][] option =
    let fail message =
        error ctx Catalogue.povmInvalid file.Range [ file.Value; message ]
        None
    match readNumbers ctx file with
    | None -> None
    | Some values ->
        let d2 = d * d
        if values.Length = 0 || values.Length % d2 <> 0 then
            fail (sprintf "has %d numbers; a POVM on dimension %d needs a multiple of %d (one %dx%d matrix per outcome, row by row)" values.Length d d2 d d)
        elif values.Length / d2 < 2 || values.Length / d2 > maxOutcomes then
            fail (sprintf "has %d elements; between 2 and %d are allowed" (values.Length / d2) maxOutcomes)
        else
            let elements = Array.init (values.Length / d2) (fun k -> Array2D.init d d (fun i j -> values[k * d2 + i * d + j]))
            try
                Some(elementsOf (Povm.Create(elements, povmName)))
            with :? QuantumValidationException as e ->
                fail e.Message

/// The qubit POVM {(I +- n.sigma)/2}, |n| <= 1, from Quantum; a Bloch vector that is too long is reported.
let private blochPovm (ctx: Context) (range: SourceRange) (x: float) (y: float) (z: float) : Complex[,][] option =
    try
        Some(elementsOf (Measurements.FromBlochVectorUnsharp(x, y, z, povmName)))
    with :? QuantumValidationException as e ->
        let show v = Expr.show (Complex(v, 0.0))
        error ctx Catalogue.blochTooLong range [ String.Join(", ", [ show x; show y; show z ]); e.Message ]
        None

/// One concrete setting on a node of dimension d: (default label, kind, elements).
let private concrete (ctx: Context) (node: string) (d: int) (index: int) (spec: SynSettingSpec) =
    let qubit (name: string) (range: SourceRange) =
        if d = 2 then true
        else
            error ctx Catalogue.qubitOnly range [ name; node; string d ]
            false
    match spec with
    | SynSettingSpec.Named id ->
        match id.Name with
        // Conventions (grammar.md), Quantum's: outcome j of Z is |j>; X and F are the Fourier basis
        // f_j = d^(-1/2) sum_n w^(jn) |n>, w = exp(2 pi i / d); qubit Y outcome 0 is (|0> + i|1>)/sqrt 2.
        | "Z" -> Some(id.Name, SettingKind.Computational, elementsOf (Measurements.Computational d))
        | "X"
        | "F" -> Some(id.Name, SettingKind.Fourier, elementsOf (Measurements.Fourier d))
        | "Y" when qubit "Y" id.Range -> Some(id.Name, SettingKind.PauliY, elementsOf Measurements.PauliY)
        | "Y" -> None
        | other ->
            error ctx Catalogue.unknownMeasurement id.Range [ other ]
            None
    | SynSettingSpec.Call(name, args, range) ->
        let arity n =
            if args.Length = n then true
            else
                error ctx Catalogue.arity range [ name.Name; string n; string args.Length ]
                false
        let reals what = args |> List.map (constantReal ctx what)
        match name.Name with
        | "mub" when arity 1 ->
            match reals "a mub index" with
            | [ Some k ] when k <> Math.Round k || k < 0.0 || k > float d ->
                error ctx Catalogue.mubIndex args.Head.Range [ Expr.show (Complex(k, 0.0)); string d; sprintf "the index must be an integer between 0 and %d" d ]
                None
            // The language defines mub(0) and mub(1) for every d, mub(k >= 2) for a prime d only
            // (where the Wootters-Fields construction is unbiased).
            | [ Some k ] when k >= 2.0 && not (Measurements.IsPrime d) ->
                error ctx Catalogue.mubIndex args.Head.Range [ string (int k); string d; "only mub(0) (computational) and mub(1) (Fourier) are defined when the dimension is not prime" ]
                None
            | [ Some k ] ->
                let kind =
                    match int k with
                    | 0 -> SettingKind.Computational
                    | 1 -> SettingKind.Fourier
                    | 2 when d = 2 -> SettingKind.PauliY
                    | k -> SettingKind.Mub k
                Some(sprintf "mub%d" (int k), kind, elementsOf (Measurements.MutuallyUnbiased(d, int k)))
            | _ -> None
        | "bloch" when arity 3 && qubit "bloch" name.Range ->
            match reals "a Bloch vector component" with
            | [ Some x; Some y; Some z ] ->
                blochPovm ctx range x y z |> Option.map (fun elements -> string index, SettingKind.Bloch(x, y, z), elements)
            | _ -> None
        | "angles" when arity 2 && qubit "angles" name.Range ->
            match reals "an angle" with
            | [ Some theta; Some phi ] ->
                // n = (sin t cos p, sin t sin p, cos t)
                let struct (x, y, z) = Measurements.BlochVector(theta, phi)
                blochPovm ctx range x y z |> Option.map (fun elements -> string index, SettingKind.Bloch(x, y, z), elements)
            | _ -> None
        | "povm" when arity 1 ->
            match args with
            | [ SynExpr.String file ] ->
                povmFromFile ctx file d |> Option.map (fun elements -> string index, SettingKind.PovmFile file.Value, elements)
            | _ ->
                error ctx Catalogue.povmInvalid range [ Printer.expr args.Head; "the file name must be in quotes, as in povm(\"bob.txt\")" ]
                None
        | "mub"
        | "bloch"
        | "angles"
        | "povm" -> None
        | other ->
            error ctx Catalogue.unknownMeasurement name.Range [ other ]
            None

/// The settings of one node from one measure statement (None after reporting errors).
let settingsOf (ctx: Context) (node: string) (d: int) (m: SynMeasurement) : Setting[] option =
    match m with
    | SynMeasurement.Abstract(settings, outcomes, range) ->
        if settings.Value < 1 || settings.Value > maxSettings then
            error ctx Catalogue.valueOutOfRange settings.Range [ "the number of settings"; "1"; string maxSettings; settings.Text ]
            None
        elif outcomes.Value < 2 || outcomes.Value > maxOutcomes then
            error ctx Catalogue.valueOutOfRange outcomes.Range [ "the number of outcomes"; "2"; string maxOutcomes; outcomes.Text ]
            None
        else
            Some(
                Array.init settings.Value (fun k ->
                    { Label = string k; Index = k; Kind = SettingKind.Abstract; Outcomes = outcomes.Value; Elements = [||]; Range = range })
            )
    | SynMeasurement.Settings items ->
        // Each concrete setting holds up to d matrices of d x d numbers: bound the total size.
        let budget = maxMatrixEntries / (d * d * d)
        if items.Length > min maxSettings budget then
            error ctx Catalogue.tooManySettings items.Head.Range [ sprintf "the number of settings on dimension %d" d; string (min maxSettings budget) ]
            None
        else
            let built =
                items
                |> List.mapi (fun k item ->
                    concrete ctx node d k item.Spec
                    |> Option.map (fun (label, kind, elements) ->
                        let label = match item.Label with Some l -> l.Name | None -> label
                        item, setting label k kind elements item.Range))
            if List.exists Option.isNone built then
                None
            else
                let built = List.choose id built
                let mutable ok = true
                for k, (item, s) in List.indexed built do
                    match built |> List.take k |> List.tryFind (fun (_, t) -> t.Label = s.Label) with
                    | Some(_, first) ->
                        let range = match item.Label with Some l -> l.Range | None -> item.Range
                        error ctx Catalogue.duplicateName range [ "setting"; node + "." + s.Label; string first.Range.Start.Line ]
                        ok <- false
                    | None -> ()
                if ok then Some(built |> List.map snd |> Array.ofList) else None

/// Resolves Node.setting (by label, or by index when the name is all digits).
let resolveSetting (node: Node) (name: string) : Setting option =
    match node.Settings |> Array.tryFind (fun s -> s.Label = name) with
    | Some s -> Some s
    | None ->
        match Int32.TryParse name with
        | true, k when k >= 0 && k < node.Settings.Length -> Some node.Settings[k]
        | _ -> None
