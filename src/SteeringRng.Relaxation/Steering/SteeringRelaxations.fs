namespace SteeringRng.Relaxation.Steering

open System
open System.Numerics
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp

/// The value of a guessing-probability relaxation read from a solution.
type GuessingResult =
    { Status: SdpStatus
      /// P_g from the dual side of the P_g maximisation (the SDP's primal X): an upper bound on P_g, so the
      /// min-entropy below is conservative.
      GuessingProbability: float
      /// P_g of the explicit attack found (the SDP's y): a lower bound.
      AttackProbability: float
      /// H_min = −log2 min(1, P_g) from the conservative P_g.
      MinEntropy: float }

/// The value of a fully-LHS visibility problem read from a solution.
type VisibilityResult =
    { Status: SdpStatus
      /// μ* from the dual side (the steering functional): every μ above it is certified steerable.
      CriticalVisibility: float
      /// μ* of the explicit LHS model found (primal): every μ up to it is certified unsteerable.
      ModelVisibility: float
      /// Whether μ* reached the cap (the family is unsteerable at least up to the cap).
      AtCap: bool }

/// An NS (or global) guessing-probability relaxation: the SDP, what its variables mean, how to read P_g
/// from a solution, and how to swap the data without rebuilding.
type GuessingRelaxation internal (structure: NsStructure, options: RelaxationOptions) =
    /// The SDP (moment form: y = w are Eve's sub-assemblage coordinates).
    member _.Problem: SdpProblem = structure.Problem
    /// Variable i ↔ (guess tuple, direction / Collins–Gisin block and Hermitian entry).
    member _.Variables: Collections.Generic.IReadOnlyList<NsVariable> = structure.Variables
    /// Guess tuples γ in the order of the sub-assemblages.
    member _.GuessTuples: Collections.Generic.IReadOnlyList<int[]> = structure.GuessTuples
    /// Whether facial reduction restricted the variables (rank-deficient data).
    member _.FaciallyReduced = structure.Reduced
    /// The constant part of the objective (Tr of the data marginal for the last guess tuple).
    member _.Offset = structure.Offset

    /// P_g and H_min from a solution of <see cref="Problem"/> (moment optimum = −(SDP objective) + offset).
    member _.Evaluate(solution: SdpSolution) : GuessingResult =
        let upper = structure.Offset - solution.PrimalObjective
        { Status = solution.Status
          GuessingProbability = upper
          AttackProbability = structure.Offset - solution.DualObjective
          MinEntropy = 0.0 - Math.Log2(min 1.0 upper) }

    /// Eve's sub-assemblages σ^γ_{a|x} (one array of blocks per guess tuple, blocks in the order of the
    /// assemblage's setting tuples × outcome tuples), from the solution's y.
    member _.SubAssemblages(solution: SdpSolution) : Complex[,][][] =
        NoSignallingBound.subAssemblages structure solution.Y |> Array.map (Array.map (fun m -> m.ToArray()))

    /// The same relaxation for another assemblage of the same shape (only F0 changes when supports agree).
    member _.WithData(assemblage: Assemblage) : GuessingRelaxation =
        GuessingRelaxation(NoSignallingBound.withData options structure (AssemblageData.ofAssemblage options assemblage), options)

/// A fully-LHS visibility problem: the SDP, how to read μ*, the steering functional and the LHS model.
/// When the data have outcome-relabelling symmetries (common to target and noise) that merge strategies, the SDP has
/// one block per strategy orbit instead of one per strategy (LhsModel); μ*, the functional and the hidden states
/// read from it are those of the full problem.
type VisibilityRelaxation internal (structure: LhsStructure, options: RelaxationOptions, symmetry: bool, memo: GroupMemo) =
    member _.Problem: SdpProblem = structure.Problem
    /// Deterministic strategies λ (λ[j][x] = outcome of party j at setting x), in the order of HiddenStates.
    member _.Strategies: Collections.Generic.IReadOnlyList<int[][]> = structure.Strategies
    member _.Cap = structure.Cap
    /// Whether the problem is symmetry-reduced (one block per orbit of strategies).
    member _.SymmetryReduced = structure.Orbits.IsSome
    /// The number of strategy blocks of the SDP (strategies, or strategy orbits when reduced).
    member _.StrategyBlocks = structure.Problem.Blocks.Count - 1

    member _.Evaluate(solution: SdpSolution) : VisibilityResult =
        { Status = solution.Status
          CriticalVisibility = solution.DualObjective
          ModelVisibility = solution.PrimalObjective
          AtCap = solution.PrimalObjective >= structure.Cap - 1e-6 }

    /// The steering functional F_{a|x} (order of the data's tuples): β(σ) = Σ Tr[F_{a|x} σ_{a|x}] ≥ 0 for
    /// every fully-LHS assemblage, and β(σ(μ)) ≤ μ* − μ.
    member _.SteeringFunctional(solution: SdpSolution) : Complex[,][] =
        LhsModel.functional structure solution.Y |> Array.map (fun m -> m.ToArray())

    /// β(σ) = Σ_{a,x} Re Tr[F_{a|x} σ_{a|x}] for an assemblage of the same shape.
    member this.EvaluateFunctional(solution: SdpSolution, assemblage: Assemblage) : float =
        let f = LhsModel.functional structure solution.Y
        let mutable sum = 0.0
        structure.Data1.Tuples
        |> Array.iteri (fun t (a, x) -> sum <- sum + (f[t] * Matrix<Complex>.Build.DenseOfArray(assemblage[a, x])).Trace().Real)
        sum

    /// The same problem for another family of the same shape. The data enter b and the μ column of the
    /// constraints (and the support of ρ_A), so the problem is rebuilt; a symmetry group found before is checked on
    /// the new data and reused when it still holds (a sweep searches once).
    member _.WithData(target: Assemblage, noise: Assemblage) : VisibilityRelaxation =
        let read = AssemblageData.ofAssemblage options
        let data1, data0 = read target, read noise
        if not (AssemblageData.sameShape structure.Data1 data1) then
            invalidArg "target" "The new assemblage has a different shape (parties, settings, outcomes or trusted dimension)."
        VisibilityRelaxation(LhsModel.build options data1 data0 structure.Cap (VisibilityRelaxation.GroupOf(target, noise, symmetry && AssemblageData.sameShape data1 data0, memo)), options, symmetry, memo)

    /// Hidden states of the LHS model (per strategy, in the order of Strategies), from the primal X.
    member _.HiddenStates(solution: SdpSolution) : Complex[,][] =
        LhsModel.hiddenStates structure solution.X |> Array.map (fun m -> m.ToArray())

    /// Symmetries common to target and noise (just the identity when symmetry is off); see StrategyOrbits.groupFor.
    static member internal GroupOf(target: Assemblage, noise: Assemblage, symmetry: bool, memo: GroupMemo) =
        if symmetry then StrategyOrbits.groupFor memo target noise
        else [| SteeringRng.Relaxation.Symmetry.DataSymmetry.identity (SteeringRng.Relaxation.AssemblageMoments.scenarioOf (SteeringRng.Relaxation.AssemblageMoments.defaultNames target.PartyCount) target) target.TrustedDimension |]

/// Entry points callable from C#: build the steering relaxations of formulations §1, §2 and §5.
/// Every entry point has an overload without options (RelaxationOptions.Default).
[<AbstractClass; Sealed>]
type SteeringRelaxations =

    /// P_g^NS for Eve guessing the outcomes of `guess.Parties` at settings `guess.Settings` (§1).
    /// The data must be a no-signalling assemblage (checked within options.DataTolerance).
    static member NoSignalling(assemblage: Assemblage, guess: Guess, options: RelaxationOptions) : GuessingRelaxation =
        GuessingRelaxation(NoSignallingBound.build options (AssemblageData.ofAssemblage options assemblage) guess, options)

    static member NoSignalling(assemblage: Assemblage, guess: Guess) : GuessingRelaxation =
        SteeringRelaxations.NoSignalling(assemblage, guess, RelaxationOptions.Default)

    /// P_g^NS with the guessed parties and their settings as arrays.
    static member NoSignalling(assemblage: Assemblage, guessedParties: int[], guessedSettings: int[]) : GuessingRelaxation =
        SteeringRelaxations.NoSignalling(assemblage, { Parties = guessedParties; Settings = guessedSettings })

    /// P_g^Glo (§2): all untrusted parties as one party with global measurements; Eve guesses every outcome
    /// at the setting tuple `settings` (one setting per untrusted party).
    static member Global(assemblage: Assemblage, settings: int[], options: RelaxationOptions) : GuessingRelaxation =
        let grouped = AssemblageOperations.GroupUntrusted assemblage
        let x = AssemblageOperations.TupleIndex(settings, assemblage.Settings)
        let data = AssemblageData.ofAssemblage options grouped
        GuessingRelaxation(NoSignallingBound.build options data { Parties = [| 0 |]; Settings = [| x |] }, options)

    static member Global(assemblage: Assemblage, settings: int[]) : GuessingRelaxation =
        SteeringRelaxations.Global(assemblage, settings, RelaxationOptions.Default)

    /// max μ ≤ cap such that μ σ(1) + (1−μ) σ(0) has a fully-LHS model (§5); σ(0) must itself be LHS.
    /// symmetry = false builds one block per strategy even when the data have symmetries (for cross-checks).
    static member CriticalVisibility(target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions, symmetry: bool) : VisibilityRelaxation =
        let read = AssemblageData.ofAssemblage options
        let data1, data0 = read target, read noise
        let memo = GroupMemo()
        let group = VisibilityRelaxation.GroupOf(target, noise, symmetry && AssemblageData.sameShape data1 data0, memo)
        VisibilityRelaxation(LhsModel.build options data1 data0 cap group, options, symmetry, memo)

    static member CriticalVisibility(target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions) : VisibilityRelaxation =
        SteeringRelaxations.CriticalVisibility(target, noise, cap, options, true)

    /// Critical visibility with cap 2.
    static member CriticalVisibility(target: Assemblage, noise: Assemblage) : VisibilityRelaxation =
        SteeringRelaxations.CriticalVisibility(target, noise, 2.0, RelaxationOptions.Default)

    /// LHS membership: visibility against the trivially unsteerable σ(0)_{a|x} = ρ_A / (number of outcome
    /// tuples); σ has a fully-LHS model iff μ* ≥ 1 (cap 2).
    static member LhsFeasibility(assemblage: Assemblage, options: RelaxationOptions) : VisibilityRelaxation =
        let data = AssemblageData.ofAssemblage options assemblage
        let rhoA = AssemblageData.collinsGisin data (List.replicate data.Scenario.Settings.Length Marginal)
        let tuples = float assemblage.OutcomeTupleCount
        let trivial =
            Assemblage(assemblage.TrustedDimension, Seq.toArray assemblage.Settings, Seq.toArray assemblage.Outcomes,
                       Func<int[], int[], Complex[,]>(fun _ _ -> (rhoA / Complex(tuples, 0.0)).ToArray()))
        SteeringRelaxations.CriticalVisibility(assemblage, trivial, 2.0, options, true)

    static member LhsFeasibility(assemblage: Assemblage) : VisibilityRelaxation =
        SteeringRelaxations.LhsFeasibility(assemblage, RelaxationOptions.Default)
