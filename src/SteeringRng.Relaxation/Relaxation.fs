namespace SteeringRng.Relaxation

open System
open System.Collections.Generic
open System.Numerics
open SteeringRng.Algebra
open SteeringRng.Sdp

/// Real or imaginary part of a complex moment entry.
[<RequireQualifiedAccess>]
type ValuePart =
    | Real
    | Imaginary

/// What one SDP variable w_k stands for.
[<RequireQualifiedAccess>]
type VariableRole =
    /// Re or Im of entry (Row, Col) of the moment block ⟨Word⟩ of guess tuple Guess (empty when there is no Eve;
    /// Row = Col = 0 for scalar moments).
    | MomentEntry of Guess: int array * Word: Word * Row: int * Col: int * Part: ValuePart
    /// Coordinate Index of guess Guess's data-coupled moments (the products of at most one projector per party),
    /// expressed in a basis of the subspace whose full-outcome blocks lie on the supports of the observed blocks
    /// (facial reduction). Read the moments themselves with Relaxation.Moment.
    | SupportCoordinate of Guess: int array * Index: int
    /// Coordinate Index of the data-coupled moments of a symmetry-reduced Q_k, shared by all orbits of guesses
    /// (SymmetricCoordinates). Read the moments themselves with Relaxation.Moment.
    | SymmetricCoordinate of Index: int

/// A moment block as an affine function of the SDP variables: M(w) = Constant + Σ_t w_{Var t} · Coeff t · E_{Row t, Col t}.
type MomentExpression =
    { Dimension: int
      Constant: Complex[,]
      Terms: struct (int * int * int * Complex) array }

    /// The value of the block at the variables w.
    member e.Evaluate(w: double array) =
        let m = Array2D.copy e.Constant
        for struct (k, r, c, a) in e.Terms do
            m[r, c] <- m[r, c] + a * w[k]
        m

/// Moment lookups for Relaxation.Moment.
module internal MomentLookup =

    /// ⟨w⟩† as an expression: the conjugate transpose of the constant and of every term.
    let adjoint (x: MomentExpression) =
        let d = x.Dimension
        { Dimension = d
          Constant = Array2D.init d d (fun i j -> Complex.Conjugate(x.Constant[j, i]))
          Terms = x.Terms |> Array.map (fun (struct (k, r, c, v)) -> struct (k, c, r, Complex.Conjugate v)) }

    /// From a table keyed by (guess, word) holding one of w and w† for each moment (⟨w†⟩ = ⟨w⟩†).
    let ofTable (table: IReadOnlyDictionary<struct (int * Word), MomentExpression>) (guess: int) (word: Word) =
        match table.TryGetValue(struct (guess, word)) with
        | true, e -> Some e
        | _ ->
            match table.TryGetValue(struct (guess, Word.adjoint word)) with
            | true, e -> Some(adjoint e)
            | _ -> None

/// A relaxation compiled to an SDP: the problem (moment form, see SdpProblem.FromMomentForm), the constant
/// added to its objective, the meaning of every variable, and the moment blocks by word so that a solution
/// can be read back by name. Value of the relaxation = ObjectiveOffset + max gᵀw.
[<Sealed>]
type Relaxation
    internal
    (
        problem: SdpProblem,
        objectiveOffset: float,
        roles: VariableRole array,
        sdpIndex: int array,
        scenario: Scenario,
        generatingSet: Word array,
        guesses: int array array,
        /// ⟨word⟩ of a guess as an affine expression (None when the relaxation has no such moment).
        momentOf: int -> Word -> MomentExpression option,
        withData: (SteeringRng.Quantum.Assemblage -> System.Threading.CancellationToken -> Relaxation) option,
        reduction: string
    ) =

    let variables = [| for k in 0 .. roles.Length - 1 do if sdpIndex[k] >= 0 then yield roles[k] |]

    /// Moment variables in the builder's numbering from the SDP variables (unused ones are 0).
    let expand (w: double array) =
        if w.Length <> problem.ConstraintCount then
            invalidArg (nameof w) $"Expected {problem.ConstraintCount} SDP variables, got {w.Length}."
        sdpIndex |> Array.map (fun i -> if i >= 0 then w[i] else 0.0)

    member _.Problem = problem

    /// Constant part of the objective (e.g. the data part of the last guess's block, or a Bell constant).
    member _.ObjectiveOffset = objectiveOffset

    /// What each SDP variable (index into SdpSolution.Y, in the order of Problem.A) stands for.
    member _.Variables: IReadOnlyList<VariableRole> = variables

    member _.Scenario = scenario

    /// The generating set S of the moment matrices (rows/columns, in order).
    member _.GeneratingSet: IReadOnlyList<Word> = generatingSet

    /// Eve's guess tuples e (one moment matrix each); a single empty tuple when there is no Eve.
    member _.GuessTuples: IReadOnlyList<int array> = guesses

    /// Bound = offset − ⟨C, X⟩ (upper bound on the maximised P_g or Bell value), Attained = offset − (D objective)
    /// (the value at the moment variables w = y found); see MomentFormReading.
    member _.Read(solution: SdpSolution) : RelaxationReading = MomentFormReading.read objectiveOffset solution

    /// The moment block ⟨word⟩ of guess tuple number `guess` at the variables w (d×d; 1×1 for scalar moments).
    /// Moment entries that no constraint sees (removed by facial reduction) read as 0.
    member _.Moment(w: double array, guess: int, word: Word) : Complex[,] =
        match momentOf guess word with
        | Some e -> e.Evaluate(expand w)
        | None -> invalidArg (nameof word) $"No moment ⟨{scenario.FormatWord word}⟩ in guess {guess} of this relaxation."

    /// Whether a moment block exists for this word (or its adjoint).
    member _.HasMoment(guess: int, word: Word) = (momentOf guess word).IsSome

    /// A readable name for variable k.
    member _.DescribeVariable(k: int) =
        let guessText (g: int array) = if g.Length = 0 then "" else $"e=({String.Join(',', g)}) "
        match variables[k] with
        | VariableRole.MomentEntry(g, w, r, c, part) ->
            let p = if part = ValuePart.Real then "Re" else "Im"
            $"{guessText g}{p}⟨{scenario.FormatWord w}⟩[{r},{c}]"
        | VariableRole.SupportCoordinate(g, i) -> $"{guessText g}support coordinate {i}"
        | VariableRole.SymmetricCoordinate i -> $"symmetric data coordinate {i}"

    /// How the problem was reduced by the data's symmetries (e.g. "symmetry: 8 relabellings, 4 guesses in 1 orbit,
    /// Γ blocks 56+56"); empty when it was built in full. The value is that of the full problem either way.
    member _.Reduction = reduction

    /// What the optimum means: "P_g = offset − ⟨C, X⟩ (moment form)" for Eve's guessing probability, "Bell value = …"
    /// for a Bell expression (no Eve: one empty guess tuple), with the symmetry reduction appended when there is one
    /// (e.g. "P_g = 1 − ⟨C, X⟩ (moment form); NS as Q at level 0, symmetry: …").
    member _.ValueFormula =
        let bell = guesses.Length = 1 && guesses[0].Length = 0
        let quantity = if bell then "Bell value" else "P_g"
        // Q at S = {I} is the no-signalling program (Relaxations.NoSignalling builds the NS bound this way).
        let note = if not bell && generatingSet.Length = 1 then "NS as Q at level 0" else ""
        let reading = [ note; reduction ] |> List.filter ((<>) "") |> String.concat ", "
        MomentFormReading.formula quantity objectiveOffset reading

    /// Whether the relaxation takes an assemblage as data (then WithData is available).
    member _.IsDataDriven = withData.IsSome

    /// The same relaxation for other data of the same shape. When the new data need the same facial
    /// reduction as the old (in particular when both are full rank) only the constants F0 and the offset change.
    /// Bell relaxations have no data: InvalidOperationException.
    member this.WithData(assemblage: SteeringRng.Quantum.Assemblage) : Relaxation =
        this.WithData(assemblage, System.Threading.CancellationToken.None)

    /// WithData, cancellable (OperationCanceledException within about a second: a rebuild or symmetry search can take minutes).
    member _.WithData(assemblage: SteeringRng.Quantum.Assemblage, cancellation: System.Threading.CancellationToken) : Relaxation =
        match withData with
        | Some f -> f assemblage cancellation
        | None -> invalidOp "This relaxation has no assemblage data to replace."

    interface IRelaxation with
        member this.Problem = problem
        member this.Read(solution) = this.Read solution
        member this.WithData(data) = this.WithData data :> IRelaxation
        member this.Reduction = reduction
        member this.ValueFormula = this.ValueFormula

    interface ICancellableData with
        member this.WithData(data, cancellation) = this.WithData(data, cancellation) :> IRelaxation
