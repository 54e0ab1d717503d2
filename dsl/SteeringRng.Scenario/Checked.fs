/// The checked model of a scenario: names resolved to indices, dimensions and counts known,
/// parameter sweep points generated, measurements as explicit POVM matrices, objectives and
/// bounds in terms of node and setting indices. This is what the engine and the lowering to
/// relaxations consume; everything in it has been validated by the checker.
module SteeringRng.Scenario.Checked

open System.Numerics

type Role =
    | Trusted
    | Untrusted

/// Where a setting's POVM comes from.
[<RequireQualifiedAccess>]
type SettingKind =
    /// `Z`, `mub(0)`: computational basis
    | Computational
    /// `X`, `F`, `mub(1)`: Fourier basis (qubit X)
    | Fourier
    /// `Y` (qubits only)
    | PauliY
    /// `mub(k)`, k >= 2
    | Mub of index: int
    /// `bloch(x, y, z)` or `angles(theta, phi)`: {(I +- n.sigma)/2}
    | Bloch of x: float * y: float * z: float
    /// `povm("file")`
    | PovmFile of file: string
    /// `settings m outcomes n`: no POVM, only the counts (Bell/NPA scenarios)
    | Abstract

/// One measurement setting of an untrusted node. Elements are the POVM matrices (outcome order),
/// empty for abstract settings.
type Setting =
    { Label: string
      Index: int
      Kind: SettingKind
      /// Outcome count, the no-click outcome included when the node has an Efficiency without a bin.
      Outcomes: int
      /// The lossless POVM elements (empty for abstract settings); with detection loss the POVM of a point is
      /// SteeringRng.Quantum.DetectionLoss of these at the point's efficiency.
      Elements: Complex[,][]
      Range: SourceRange }

/// A node: untrusted nodes have at least one setting; a trusted node has settings only when the data are its
/// statistics (`measure Alice: X Z` with `data = probabilities` or a probabilities file), otherwise none (tomography).
type Node =
    { Name: string
      Index: int
      Role: Role
      Dim: int
      Settings: Setting[]
      Range: SourceRange }

/// Detection loss of an untrusted node (docs/formulations/detection-loss.md): every POVM element M_{b|y} of the node
/// becomes η M_{b|y}, and the no-click event (1 − η) I is a further outcome (NoClick = None: the node's settings count
/// it, as outcome Outcomes − 1) or is added to outcome NoClick. η = Value, evaluated at each point (within [0, 1]).
/// Node.Settings[].Elements stay the lossless POVM; SteeringRng.Quantum.DetectionLoss makes the lossy one.
type Efficiency =
    { Node: int
      Value: SynExpr
      NoClick: int option
      Range: SourceRange }

[<RequireQualifiedAccess>]
type ParameterKind =
    /// `param d = 3`
    | Constant
    /// `param mu = 0.3 .. 1 step 0.01` or `[a, b]`: Count values
    | Swept of count: int
    /// `param c = cos(theta)` with theta swept: recomputed at every point
    | Derived

type Parameter =
    { Name: string
      Index: int
      Kind: ParameterKind
      Range: SourceRange }

/// The grid of parameter values: Points[k][p] is parameter p at point k. The grid is the
/// Cartesian product of the swept parameters, the first declared varying slowest.
type Sweep =
    { Parameters: Parameter[]
      Points: float[][] }

    /// The value of every parameter at a point, as an expression environment.
    member s.Lookup(point: int) : Expr.Lookup =
        let values = s.Points[point]
        fun name ->
            s.Parameters |> Array.tryFind (fun p -> p.Name = name) |> Option.map (fun p -> Complex(values[p.Index], 0.0))

    /// Given values of every parameter (indexed like Parameters), as an expression environment: a point off the
    /// grid, for searches between grid points (thresholds). Derived parameters are taken as given.
    member s.LookupValues(values: float[]) : Expr.Lookup =
        fun name ->
            s.Parameters |> Array.tryFind (fun p -> p.Name = name) |> Option.map (fun p -> Complex(values[p.Index], 0.0))

    member s.Names = s.Parameters |> Array.map (fun p -> p.Name) |> List.ofArray

    /// "mu = 0.3, d = 2" (swept parameters only; "the single point" when nothing is swept)
    member s.Describe(point: int) =
        let swept =
            s.Parameters
            |> Array.filter (fun p -> match p.Kind with ParameterKind.Swept _ -> true | _ -> false)
            |> Array.map (fun p -> sprintf "%s = %s" p.Name (Expr.show (Complex(s.Points[point][p.Index], 0.0))))
        if swept.Length = 0 then "the single point" else System.String.Join(", ", swept)

/// One ingredient of a state.
[<RequireQualifiedAccess>]
type StateComponent =
    /// `ghz`: (1/sqrt d) sum_i |i...i>, all nodes of dimension d
    | Ghz
    /// `w`: (1/sqrt N) (|10...0> + |01...0> + ... + |0...01>), qubits
    | W
    /// `white`: I / D
    | White
    /// `0.575|001> + 0.582|010>`: amplitudes (evaluated per point) on basis indices, normalised
    | Pure of amplitudes: (SynExpr * int) list
    /// `file("psi.txt")` holding D numbers: a normalised state vector
    | Vector of file: string * Complex[]
    /// `file("rho.txt")` holding D*D numbers: a density matrix (row-major)
    | Density of file: string * Complex[,]

/// weight * component; Weight = None means 1. Weights are real at every sweep point and sum to 1.
type StateTerm =
    { Weight: SynExpr option
      Component: StateComponent
      Range: SourceRange }

/// A state on all nodes (tensor factors in declaration order, basis index big-endian:
/// index = sum_k digit_k * prod_{j > k} dim_j).
type State =
    { Dims: int[]
      Terms: StateTerm[]
      Range: SourceRange }

    member s.Dimension = Array.fold (*) 1 s.Dims

type Target = { Node: int; Setting: int }

[<RequireQualifiedAccess>]
type BellTerm =
    /// <A_x B_y ...>: expectation of the product of the +-1 observables P(0|x) - P(1|x)
    | Correlator of targets: Target[]
    /// P(a, b, ... | x, y, ...): outcomes of the listed settings (a marginal if nodes are absent)
    | Probability of outcomes: (Target * int)[]

/// constant + sum_k coefficient_k * term_k (terms merged, targets sorted by node)
type BellExpression =
    { Constant: float
      Terms: (float * BellTerm)[] }

[<RequireQualifiedAccess>]
type ObjectiveKind =
    /// Eve guesses the outcomes of these settings (one per node)
    | Guess of targets: Target[]
    /// maximise a Bell expression over quantum (or relaxed) correlations
    | Bell of expression: BellExpression

type Objective =
    { Name: string
      Kind: ObjectiveKind
      Range: SourceRange }

/// One letter of an explicit word of an NPA level: the projector of outcome Outcome of setting Setting of an
/// untrusted node (Node is the node index), a Collins–Gisin generator: never the last outcome of its setting,
/// which is I − Σ of the others.
type NpaLetter =
    { Node: int
      Setting: int
      Outcome: int }

/// A generalised NPA level: all words of length <= Base, plus the listed products of nodes
/// (each extra word is a list of untrusted node indices, e.g. "1+BC" = Base 1, Extra [[B; C]]),
/// plus explicit words ("1+B0|1C0|0" = Base 1, Words [[B0|1; C0|0]]), each in canonical order:
/// letters sorted by node, the order within a node kept, equal neighbours merged.
type NpaLevel =
    { Base: int
      Extra: int[][]
      Words: NpaLetter[][]
      Text: string }

type SeesawOptions =
    { Dim: int
      /// Block size of the block-diagonal attack search; None: the realisation's local dimension.
      Block: int option
      Restarts: int
      Seed: int }

[<RequireQualifiedAccess>]
type Bound =
    | NoSignalling
    | Npa of level: NpaLevel
    | Global
    | Seesaw of options: SeesawOptions
    | Steering

[<RequireQualifiedAccess>]
type TableFormat =
    | Csv
    | Json

[<RequireQualifiedAccess>]
type Output =
    | Table of format: TableFormat * file: string
    /// the x axis is the swept parameter with this index
    | Plot of file: string * over: int
    | Sdpa of file: string

/// `inequality = bell(chsh = S)`: the observed value of a Bell objective, an expression of the parameters
/// (evaluated at every sweep point with ScenarioLanguage.BellValue; docs/formulations/device-independent.md).
type BellValue =
    { Objective: string
      Value: SynExpr
      Range: SourceRange }

/// Where the data a scenario certifies from come from (docs/formulations/measured-probabilities.md).
[<RequireQualifiedAccess>]
type DataSource =
    /// σ_{b c|y z} of the model state (full tomography of the trusted node): the default
    | Assemblage
    /// `data = probabilities`: p(a b c | x y z) = Tr[M_{a|x} σ_{bc|yz}] of the model state, with the trusted node's measurements
    | ModelProbabilities
    /// `probabilities = file("counts.csv")`: measured counts or probabilities, the file's text as read (one data point)
    | ProbabilitiesFile of file: string * text: string
    /// `inequality = steering(mu = 0.7)`: only Σ Tr[F σ] of the steering test's optimal functional F at that point
    /// (the other parameters as at the grid's first point), F fixed, its value taken from the state at every point
    | SteeringInequality of parameter: string * value: float
    /// `inequality = file("F.json")`: only Σ Tr[F σ] of the functional F read from the file (its blocks, in the
    /// assemblage layout), its value taken from the state at every point
    | FunctionalFile of file: string * functional: SteeringRng.Quantum.Assemblage
    /// `inequality = bell(chsh = 2.7)` lines, no trusted node: device-independent data, one value per Bell objective
    | BellValues of values: BellValue[]

/// What to do with measured data that are not valid (not no-signalling): refuse them, or project onto the nearest.
[<RequireQualifiedAccess>]
type RepairMode =
    | Refuse
    | Nearest

/// `inequality = ... value beta`: the observed value β of the steering functional, an expression of the parameters
/// (evaluated at every sweep point with ScenarioLanguage.ObservedValue), given instead of computing it from the state.
type ObservedValue =
    { Value: SynExpr
      Range: SourceRange }

type DataSpec =
    { Source: DataSource
      Repair: RepairMode
      /// For SteeringInequality and FunctionalFile: the observed value, when given (None: β of the state at every point).
      Observed: ObservedValue option }

    static member Default = { Source = DataSource.Assemblage; Repair = RepairMode.Refuse; Observed = None }

/// Measured data: an assemblage read from a file (`assemblage = file("sigma.npy")`), valid as read or repaired
/// (`repair = nearest`). The same data at every sweep point; there is no state, so no seesaw start.
type MeasuredData =
    { /// The file as written in the scenario (relative to the scenario file).
      File: string
      /// The blocks σ_{a|x} used by every bound: the file's (Hermitian parts), or their repair.
      Assemblage: SteeringRng.Quantum.Assemblage
      /// The repair when the data were not a valid assemblage and `repair = nearest` asked for it.
      Repair: SteeringRng.Quantum.Data.RepairResult option
      /// The worst violation of the data as read ("" when valid).
      Violation: string
      Range: SourceRange }

type Scenario =
    { Title: string
      Nodes: Node[]
      Sweep: Sweep
      State: State option
      /// Detection losses, at most one per untrusted node (empty: ideal detectors).
      Efficiencies: Efficiency[]
      /// Measured data given instead of a state (never both).
      Measured: MeasuredData option
      Objectives: Objective[]
      Bounds: Bound[]
      Outputs: Output[]
      /// Which data the bounds constrain (trusted-node measurements are the trusted nodes' Settings).
      Data: DataSpec
      Range: SourceRange }

    member s.TrustedNodes = s.Nodes |> Array.filter (fun n -> n.Role = Trusted)
    member s.UntrustedNodes = s.Nodes |> Array.filter (fun n -> n.Role = Untrusted)
