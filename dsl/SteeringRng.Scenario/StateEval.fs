/// Turns a checked state description into a density matrix at one sweep point:
/// rho = sum_k w_k rho_k, with rho_k the density operator of component k. The physics (kets, GHZ, W,
/// white noise, normalisation, validation) is SteeringRng.Quantum's; this module only evaluates the
/// language's expressions (weights, amplitudes) at the point.
module internal SteeringRng.Scenario.StateEval

open System.Numerics
open SteeringRng.Quantum
open SteeringRng.Scenario.Checked

/// The basis index of one label per node: sum_k label_k prod_{j > k} dim_j (big-endian, Quantum's Tensor.Index).
let basisIndex (dims: int[]) (labels: int list) = Tensor.Index(Array.ofList labels, dims)

/// The amplitudes of a ket written in the scenario, evaluated at a point (repeated labels add up).
let private amplitudesAt (lookup: Expr.Lookup) (names: string list) (dim: int) (amplitudes: (SynExpr * int) list) =
    let v = Array.create dim Complex.Zero
    let mutable error = None
    for e, index in amplitudes do
        if error.IsNone then
            match Expr.evaluateWith lookup names e with
            | Result.Ok z -> v[index] <- v[index] + z
            | Result.Error d -> error <- Some d
    match error with
    | Some d -> Result.Error d
    | None -> Result.Ok v

/// The density operator of a component (kets normalised by States.FromKet).
/// Throws QuantumValidationException when the numbers are not a state (e.g. a non-finite amplitude).
let densityOf (lookup: Expr.Lookup) (names: string list) (dims: int[]) (c: StateComponent) : Result<DensityMatrix, Diagnostic> =
    let ofKet (v: Complex[]) = States.FromKet(v, dims).State
    match c with
    // The checker guarantees equal dimensions for ghz and qubits for w.
    | StateComponent.Ghz -> Result.Ok(States.FromKet(States.GhzKet(dims.Length, dims[0]), dims).State)
    | StateComponent.W -> Result.Ok(States.FromKet(States.WKet dims.Length, dims).State)
    | StateComponent.White -> Result.Ok(States.WhiteNoise dims)
    | StateComponent.Density(_, m) -> Result.Ok(DensityMatrix.Create(m, dims))
    | StateComponent.Vector(_, v) -> Result.Ok(ofKet v)
    | StateComponent.Pure amplitudes -> amplitudesAt lookup names (Array.fold (*) 1 dims) amplitudes |> Result.map ofKet

/// The real weight of a term at a point.
let weightOf (lookup: Expr.Lookup) (names: string list) (t: StateTerm) : Result<float, Diagnostic> =
    match t.Weight with
    | None -> Result.Ok 1.0
    | Some w -> Expr.evaluateReal lookup names "a mixture weight" w

/// The weights w_k of the terms in an expression environment.
let private weightsWith (lookup: Expr.Lookup) (names: string list) (state: State) : Result<float[], Diagnostic> =
    let weights = state.Terms |> Array.map (weightOf lookup names)
    match weights |> Array.tryPick (function Result.Error d -> Some d | Result.Ok _ -> None) with
    | Some d -> Result.Error d
    | None -> Result.Ok(weights |> Array.map (function Result.Ok w -> w | Result.Error _ -> nan))

/// The weights w_k of the terms at a sweep point.
let weightsAt (sweep: Sweep) (point: int) (state: State) : Result<float[], Diagnostic> =
    weightsWith (sweep.Lookup point) sweep.Names state

/// rho = sum_k w_k rho_k in an expression environment (a sweep point, or given parameter values).
let densityWith (lookup: Expr.Lookup) (names: string list) (state: State) : Result<DensityMatrix, Diagnostic> =
    let components = ResizeArray<DensityMatrix>()
    let mutable error = None
    for t in state.Terms do
        if error.IsNone then
            match densityOf lookup names state.Dims t.Component with
            | Result.Ok rho -> components.Add rho
            | Result.Error d -> error <- Some d
    match weightsWith lookup names state, error with
    | Result.Error d, _
    | _, Some d -> Result.Error d
    | Result.Ok weights, None -> Result.Ok(States.Combination(weights, components))

/// rho = sum_k w_k rho_k at a sweep point, validated by Quantum (States.Combination: weights summing to 1;
/// Hermitian, PSD and trace 1 when a weight is negative). Result.Error: an expression failed to evaluate;
/// QuantumValidationException: the numbers are not a state (the message says what fails and by how much).
let densityAt (sweep: Sweep) (point: int) (state: State) : Result<DensityMatrix, Diagnostic> =
    densityWith (sweep.Lookup point) sweep.Names state
