/// Turns a checked state description into a density matrix at one sweep point:
/// rho = sum_k w_k rho_k, with rho_k the density operator of component k.
module internal SteeringRng.Scenario.StateEval

open System
open System.Numerics
open SteeringRng.Scenario.Checked

/// The basis index of one label per node (big-endian).
let basisIndex (dims: int[]) (labels: int list) = List.fold2 (fun acc d l -> acc * d + l) 0 (List.ofArray dims) labels

/// The state vector of a component that is pure, None for white noise and density files.
let vectorOf (lookup: Expr.Lookup) (names: string list) (dims: int[]) (c: StateComponent) : Result<Complex[] option, Diagnostic> =
    let dim = Array.fold (*) 1 dims
    match c with
    | StateComponent.Ghz ->
        let d = dims[0]
        let v = Array.create dim Complex.Zero
        for i in 0 .. d - 1 do
            v[basisIndex dims (List.replicate dims.Length i)] <- Complex(1.0 / sqrt (float d), 0.0)
        Result.Ok(Some v)
    | StateComponent.W ->
        let n = dims.Length
        let v = Array.create dim Complex.Zero
        for k in 0 .. n - 1 do
            v[basisIndex dims (List.init n (fun j -> if j = k then 1 else 0))] <- Complex(1.0 / sqrt (float n), 0.0)
        Result.Ok(Some v)
    | StateComponent.White
    | StateComponent.Density _ -> Result.Ok None
    | StateComponent.Vector(_, v) -> Result.Ok(Some v)
    | StateComponent.Pure amplitudes ->
        let v = Array.create dim Complex.Zero
        let mutable error = None
        for e, index in amplitudes do
            if error.IsNone then
                match Expr.evaluateWith lookup names e with
                | Result.Ok z -> v[index] <- v[index] + z
                | Result.Error d -> error <- Some d
        match error with
        | Some d -> Result.Error d
        | None -> Result.Ok(Some v)

/// The density operator of a component (pure components normalised).
let densityOf (lookup: Expr.Lookup) (names: string list) (dims: int[]) (c: StateComponent) : Result<Dense.Matrix, Diagnostic> =
    let dim = Array.fold (*) 1 dims
    match c with
    | StateComponent.White -> Result.Ok(Dense.scale (Complex(1.0 / float dim, 0.0)) (Dense.identity dim))
    | StateComponent.Density(_, m) -> Result.Ok(Array2D.copy m)
    | _ ->
        vectorOf lookup names dims c
        |> Result.map (fun v ->
            let v = defaultArg v [||]
            let n = Dense.norm v
            Dense.projector (v |> Array.map (fun z -> z / Complex(n, 0.0))))

/// The real weight of a term at a point.
let weightOf (lookup: Expr.Lookup) (names: string list) (t: StateTerm) : Result<float, Diagnostic> =
    match t.Weight with
    | None -> Result.Ok 1.0
    | Some w -> Expr.evaluateReal lookup names "a mixture weight" w

/// rho at a sweep point.
let densityAt (sweep: Sweep) (point: int) (state: State) : Result<Dense.Matrix, Diagnostic> =
    let lookup = sweep.Lookup point
    let names = sweep.Names
    let rho = Dense.zeros state.Dimension
    let mutable error = None
    for t in state.Terms do
        if error.IsNone then
            match weightOf lookup names t, densityOf lookup names state.Dims t.Component with
            | Result.Ok w, Result.Ok m -> Dense.addScaledInPlace rho (Complex(w, 0.0)) m
            | Result.Error d, _
            | _, Result.Error d -> error <- Some d
    match error with
    | Some d -> Result.Error d
    | None -> Result.Ok rho
