/// The untyped syntax tree of the scenario language, exactly as written. Every node carries the
/// Range it was parsed from; each case is documented with the surface syntax that produces it.
namespace SteeringRng.Scenario

/// A name as written. Surface syntax: `Alice`, `mu`, `X`, or a setting index such as `0`.
type SynIdent = { Name: string; Range: SourceRange }

/// A string literal (file names, titles, NPA level strings). Surface syntax: `"ghz3.svg"`.
type SynString = { Value: string; Range: SourceRange }

/// A non-negative integer literal; Value saturates at Int32.MaxValue (the checker bounds it).
/// Surface syntax: `2`, `10`.
type SynInt = { Value: int; Text: string; Range: SourceRange }

/// A reference to one measurement setting of one node. Surface syntax: `Bob.X`, `Bob.0`, `all.X`.
type SynSettingRef = { Node: SynIdent; Setting: SynIdent; Range: SourceRange }

/// Arithmetic operators of sums and products. An operator's place is the gap between the ranges of
/// its operands, so it carries no range of its own.
[<RequireQualifiedAccess>]
type SynOp =
    /// `a + b`
    | Add
    /// `a - b`
    | Sub
    /// `a * b`, and juxtaposition before a ket: `0.5|01>`
    | Mul
    /// `a / b`
    | Div

/// Expressions: numbers, names, calls, and the state/Bell atoms the checker interprets.
[<RequireQualifiedAccess>]
type SynExpr =
    /// `3`, `0.575`, `1e-3`, `2i` (imaginary when the literal ends in i)
    | Number of value: float * imaginary: bool * range: SourceRange
    /// `mu`, `pi`, `i`, `white`
    | Name of SynIdent
    /// `-e` (any number of leading minus signs collapse to one or none)
    | Negate of SynExpr * range: SourceRange
    /// `a + b - c`: the first operand, then operator/operand pairs, left to right
    | Sum of SynExpr * (SynOp * SynExpr) list * range: SourceRange
    /// `a * b / c`, `0.5|01>`: the first operand, then operator/operand pairs, left to right
    | Product of SynExpr * (SynOp * SynExpr) list * range: SourceRange
    /// `a ^ b ^ c`: operands of a right-associative power chain
    | Power of SynExpr list * range: SourceRange
    /// `sqrt(x)`, `ghz(Alice, Bob, Charlie)`, `file("rho.txt")`
    | Call of SynIdent * SynExpr list * range: SourceRange
    /// `(e)`
    | Paren of SynExpr * range: SourceRange
    /// `"rho.txt"` (only meaningful as an argument of file(...))
    | String of SynString
    /// `|001>` (one digit per node) or `|0,1,10>` (comma-separated labels)
    | Ket of labels: int list * text: string * range: SourceRange
    /// `<A.0 B.1>`: expectation of the product of ±1-valued two-outcome observables
    | Correlator of SynSettingRef list * range: SourceRange
    /// `P(A.0 = 1, B.1 = 0)`: probability of the listed outcomes (a marginal if some nodes are absent)
    | Probability of (SynSettingRef * SynInt) list * range: SourceRange

    member e.Range =
        match e with
        | Number(_, _, r)
        | Negate(_, r)
        | Sum(_, _, r)
        | Product(_, _, r)
        | Power(_, r)
        | Call(_, _, r)
        | Paren(_, r)
        | Ket(_, _, r)
        | Correlator(_, r)
        | Probability(_, r) -> r
        | Name id -> id.Range
        | String s -> s.Range

/// The role of a node.
[<RequireQualifiedAccess>]
type SynRole =
    /// `trusted`: a characterised device doing tomography
    | Trusted
    /// `untrusted`: a black box with settings and outcomes
    | Untrusted

/// Surface syntax: `node Alice trusted dim 2`, `node Bob, Charlie untrusted`, `node Bob untrusted dim 3`.
type SynNode =
    { Names: SynIdent list
      Role: SynRole
      RoleRange: SourceRange
      Dim: SynInt option
      Range: SourceRange }

/// The value of a parameter.
[<RequireQualifiedAccess>]
type SynParamValue =
    /// `param x = expr` (a constant, or derived from earlier parameters)
    | Single of SynExpr
    /// `param mu = 0.30 .. 1.00 step 0.01`
    | Stepped of low: SynExpr * high: SynExpr * step: SynExpr * range: SourceRange
    /// `param d = [2, 3]`
    | List of SynExpr list * range: SourceRange

    member v.Range =
        match v with
        | Single e -> e.Range
        | Stepped(_, _, _, r)
        | List(_, r) -> r

/// Surface syntax: `param mu = ...`.
type SynParam = { Name: SynIdent; Value: SynParamValue; Range: SourceRange }

/// One measurement setting.
[<RequireQualifiedAccess>]
type SynSettingSpec =
    /// `X`, `Y`, `Z` (Pauli; for qudits X and Z are the shift and clock eigenbases), `F` (Fourier basis)
    | Named of SynIdent
    /// `mub(2)`, `bloch(0, 0.6, 0.8)`, `angles(theta, phi)`, `povm("bob.povm")`
    | Call of SynIdent * SynExpr list * range: SourceRange

    member s.Range =
        match s with
        | Named id -> id.Range
        | Call(_, _, r) -> r

/// A setting with an optional label. Surface syntax: `X`, `plus = bloch(0.7071, 0, 0.7071)`.
type SynSetting = { Label: SynIdent option; Spec: SynSettingSpec; Range: SourceRange }

/// What a node measures.
[<RequireQualifiedAccess>]
type SynMeasurement =
    /// `X Y Z`, `mub(0), mub(1)`: concrete settings (commas optional)
    | Settings of SynSetting list
    /// `settings 2 outcomes 2`: abstract settings for Bell/NPA scenarios without a state
    | Abstract of settings: SynInt * outcomes: SynInt * range: SourceRange

    member m.Range =
        match m with
        | Settings items -> items |> List.map (fun i -> i.Range) |> List.reduce SourceRange.union
        | Abstract(_, _, r) -> r

/// Surface syntax: `measure Bob: X Y Z`, `measure Bob, Charlie: X Y`.
type SynMeasure = { Nodes: SynIdent list; Measurement: SynMeasurement; Range: SourceRange }

/// What an objective asks for.
[<RequireQualifiedAccess>]
type SynObjectiveBody =
    /// `guess Bob.X, Charlie.X`, `guess all.X`: Eve's probability of guessing the listed outcomes
    | Guess of SynSettingRef list * range: SourceRange
    /// `bell <A.0 B.0> + <A.0 B.1> + <A.1 B.0> - <A.1 B.1>`: maximise a Bell expression
    | Bell of SynExpr * range: SourceRange

    member b.Range =
        match b with
        | Guess(_, r)
        | Bell(_, r) -> r

/// Surface syntax: `objective joint = guess Bob.X, Charlie.X`.
type SynObjective = { Name: SynIdent; Body: SynObjectiveBody; Range: SourceRange }

/// An NPA level.
[<RequireQualifiedAccess>]
type SynNpaLevel =
    /// `npa 2`
    | Level of SynInt
    /// `npa "1+BC"`
    | Text of SynString

    member l.Range =
        match l with
        | Level i -> i.Range
        | Text s -> s.Range

/// A seesaw option. Surface syntax: `dim 10`, `block 2`, `restarts 20`, `seed 7`.
type SynOption = { Name: SynIdent; Value: SynInt; Range: SourceRange }

/// One requested bound.
[<RequireQualifiedAccess>]
type SynBound =
    /// `ns`: no-signalling lower bound on the entropy
    | Ns of SourceRange
    /// `npa 1`, `npa "1+BC"`: generalised NPA level
    | Npa of SynNpaLevel * range: SourceRange
    /// `global`: untrusted nodes grouped as one party
    | Global of SourceRange
    /// `seesaw dim 10 block 2 restarts 20 seed 7`: fixed-dimension upper bound
    | Seesaw of SynOption list * range: SourceRange
    /// `steering`: multipartite steering (fully LHS) test
    | Steering of SourceRange

    member b.Range =
        match b with
        | Ns r
        | Npa(_, r)
        | Global r
        | Seesaw(_, r)
        | Steering r -> r

/// One requested output.
[<RequireQualifiedAccess>]
type SynOutput =
    /// `table "fig2a.csv"`, `table json "out.txt"`
    | Table of format: SynIdent option * file: SynString * range: SourceRange
    /// `plot "ghz3.svg"`, `plot "grid.svg" over mu`
    | Plot of file: SynString * over: SynIdent option * range: SourceRange
    /// `export sdpa "fig2a"`
    | Sdpa of file: SynString * range: SourceRange

    member o.Range =
        match o with
        | Table(_, _, r)
        | Plot(_, _, r)
        | Sdpa(_, r) -> r

/// Surface syntax: `efficiency Bob, Charlie = eta` or `efficiency Bob = eta noclick -> 0` (detection loss).
type SynEfficiency = { Nodes: SynIdent list; Value: SynExpr; NoClick: SynInt option; Range: SourceRange }
/// Which data a scenario certifies from, and what to do with data that are not no-signalling
/// (docs/formulations/measured-probabilities.md).
[<RequireQualifiedAccess>]
type SynData =
    /// `data = probabilities` (the trusted node's statistics p(a b c | x y z) of the model state), `data = assemblage`
    | Form of SynIdent * range: SourceRange
    /// `probabilities = file("counts.csv")`: measured counts or probabilities (tidy CSV)
    | ProbabilitiesFile of SynString * range: SourceRange
    /// `repair = nearest`: project measured data onto the nearest valid data (otherwise they are refused)
    | Repair of SynIdent * range: SourceRange
    /// `inequality = steering(mu = 0.7)`: only the value of the steering test's optimal functional at that point;
    /// with `value beta` the observed value β itself (no state needed for the data)
    | Inequality of parameter: SynIdent * value: SynExpr * observed: SynExpr option * range: SourceRange
    /// `inequality = file("F.json")`: only the value of the steering functional F read from the file; `value beta` as above
    | InequalityFile of SynString * observed: SynExpr option * range: SourceRange
    /// `inequality = bell(chsh = 2.7)`: the observed value of the Bell objective `chsh` (device-independent data)
    | BellValue of objective: SynIdent * value: SynExpr * range: SourceRange

    member d.Range =
        match d with
        | Form(_, r)
        | ProbabilitiesFile(_, r)
        | Repair(_, r)
        | Inequality(_, _, _, r)
        | InequalityFile(_, _, r)
        | BellValue(_, _, r) -> r

/// One statement (one logical line; a line ending in \ continues on the next).
[<RequireQualifiedAccess>]
type SynStatement =
    /// `scenario "Noisy GHZ, Fig. 2"`: starts a scenario
    | Scenario of SynString * range: SourceRange
    /// `node ...`
    | Node of SynNode
    /// `param ...`
    | Param of SynParam
    /// `state = mu * ghz + (1 - mu) * white`
    | State of SynExpr * range: SourceRange
    /// `measure ...`
    | Measure of SynMeasure
    /// `objective ...`
    | Objective of SynObjective
    /// `bounds ns, npa 1, global`
    | Bounds of SynBound list * range: SourceRange
    /// `table ...`, `plot ...`, `export sdpa ...`
    | Output of SynOutput
    /// `include "common.scn"` (replaced by the included statements while parsing)
    | Include of SynString * range: SourceRange
    /// `efficiency Bob = eta [noclick -> 0]`
    | Efficiency of SynEfficiency
    /// `data = probabilities`, `probabilities = file("counts.csv")`, `repair = nearest`
    | Data of SynData
    /// `assemblage = file("sigma.npy")`: measured data (an assemblage file, .npy or .json) instead of a state
    | Assemblage of file: SynString * range: SourceRange

    member s.Range =
        match s with
        | Scenario(_, r)
        | State(_, r)
        | Bounds(_, r)
        | Include(_, r)
        | Assemblage(_, r) -> r
        | Node n -> n.Range
        | Param p -> p.Range
        | Measure m -> m.Range
        | Objective o -> o.Range
        | Output o -> o.Range
        | Efficiency e -> e.Range
        | Data d -> d.Range

/// One scenario: its header (absent for a file without `scenario` lines) and its statements.
type SynScenario = { Title: SynString option; Statements: SynStatement list; Range: SourceRange }

/// A parsed file: its scenarios (statements before the first `scenario` line are shared by all).
/// The root of the tree: its range is the whole file, named by FileName.
type SynFile = { FileName: string; Scenarios: SynScenario list }
