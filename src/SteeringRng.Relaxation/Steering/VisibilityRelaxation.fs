namespace SteeringRng.Relaxation.Steering

open System.Numerics
open System.Threading
open MathNet.Numerics.LinearAlgebra
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation
open SteeringRng.Relaxation.Symmetry

/// A fully-LHS visibility problem: the SDP, how to read μ*, the steering functional and the LHS model.
/// When the data have outcome-relabelling symmetries (common to target and noise) that merge strategies, the SDP has
/// one block per strategy orbit instead of one per strategy (LhsModel); μ*, the functional and the hidden states
/// read from it are those of the full problem. The noise σ(0) is kept so that WithData(target) can move along a
/// family σ(μ) = μ σ(1) + (1 − μ) σ(0) with a new σ(1) only.
type VisibilityRelaxation internal (structure: LhsStructure, noise: Assemblage, options: RelaxationOptions, symmetry: bool, memo: GroupMemo) =
    member _.Problem: SdpProblem = structure.Problem
    /// Deterministic strategies λ (λ[j][x] = outcome of party j at setting x), in the order of HiddenStates.
    member _.Strategies: System.Collections.Generic.IReadOnlyList<int[][]> = structure.Strategies
    member _.Cap = structure.Cap
    /// The noise assemblage σ(0) the problem was built with.
    member _.Noise = noise
    /// Whether the problem is symmetry-reduced (one block per orbit of strategies).
    member _.SymmetryReduced = structure.Orbits.IsSome
    /// The number of strategy blocks of the SDP (strategies, or strategy orbits when reduced).
    member _.StrategyBlocks = structure.Problem.Blocks.Count - 1

    /// The problem is a maximisation of μ in (P): Bound = μ* from the dual side (the steering functional; every μ
    /// above it is certified steerable), Attained = μ of the explicit LHS model in X (every μ up to it is unsteerable).
    member _.Read(solution: SdpSolution) : RelaxationReading =
        { Status = solution.Status; Bound = solution.DualObjective; Attained = solution.PrimalObjective }

    /// "symmetry: |G| relabellings, n strategies in m orbits" when reduced, "" when built in full.
    member _.Reduction =
        match structure.Orbits with
        | Some orbits ->
            $"symmetry: {orbits.Group.Length} relabellings, {structure.Strategies.Length} strategies in {orbits.Representatives.Length} orbits"
        | None -> ""

    /// The optimum is μ* itself (no offset, sign +): ⟨C, X⟩ of the LHS model, bᵀy of the functional (Read reports bᵀy).
    member this.ValueFormula =
        let head = "v* = objective = 0 + ⟨C, X⟩ (no offset; the reported v* is the (D) side bᵀy ≥ ⟨C, X⟩, equal at the optimum)"
        if this.Reduction = "" then head else head + "; " + this.Reduction

    /// The steering functional F_{a|x} (order of the data's tuples): β(σ) = Σ Tr[F_{a|x} σ_{a|x}] ≥ 0 for
    /// every fully-LHS assemblage, and β(σ(μ)) ≤ μ* − μ.
    member _.SteeringFunctional(solution: SdpSolution) : Complex[,][] =
        LhsModel.functional structure solution.Y |> Array.map (fun m -> m.ToArray())

    /// β(σ) = Σ_{a,x} Re Tr[F_{a|x} σ_{a|x}] for an assemblage of the same shape.
    member _.EvaluateFunctional(solution: SdpSolution, assemblage: Assemblage) : float =
        let f = LhsModel.functional structure solution.Y
        let mutable sum = 0.0
        structure.Data1.Tuples
        |> Array.iteri (fun t (a, x) -> sum <- sum + (f[t] * Matrix<Complex>.Build.DenseOfArray(assemblage[a, x])).Trace().Real)
        sum

    /// The same problem for another family of the same shape. The data enter b and the μ column of the
    /// constraints (and the support of ρ_A), so the problem is rebuilt; a symmetry group found before is checked on
    /// the new data and reused when it still holds (a sweep searches once).
    member this.WithData(target: Assemblage, noise: Assemblage) : VisibilityRelaxation =
        this.WithData(target, noise, CancellationToken.None)

    /// WithData, cancellable: the rebuild (symmetry check or search, strategy orbits, rows) throws
    /// OperationCanceledException within about a second of the token's cancellation.
    member _.WithData(target: Assemblage, noise: Assemblage, cancellation: CancellationToken) : VisibilityRelaxation =
        let read = AssemblageData.ofAssemblage options
        let data1, data0 = read target, read noise
        if not (AssemblageData.sameShape structure.Data1 data1) then
            invalidArg "target" "The new assemblage has a different shape (parties, settings, outcomes or trusted dimension)."
        let group = VisibilityRelaxation.GroupOf(target, noise, symmetry && AssemblageData.sameShape data1 data0, memo, cancellation)
        VisibilityRelaxation(LhsModel.build cancellation options data1 data0 structure.Cap group, noise, options, symmetry, memo)

    /// The same problem for a new target against the same noise.
    member this.WithData(target: Assemblage) : VisibilityRelaxation = this.WithData(target, noise)

    /// Hidden states of the LHS model (per strategy, in the order of Strategies), from the primal X.
    member _.HiddenStates(solution: SdpSolution) : Complex[,][] =
        LhsModel.hiddenStates structure solution.X |> Array.map (fun m -> m.ToArray())

    /// Symmetries common to target and noise (just the identity when symmetry is off); see StrategyOrbits.groupFor.
    static member internal GroupOf(target: Assemblage, noise: Assemblage, symmetry: bool, memo: GroupMemo, cancellation: CancellationToken) =
        if symmetry then StrategyOrbits.groupFor cancellation memo target noise
        else [| DataSymmetry.identity (AssemblageMoments.scenarioOf (AssemblageMoments.defaultNames target.PartyCount) target) target.TrustedDimension |]

    /// Builds the problem for σ(1) = target against σ(0) = noise (see Relaxations.CriticalVisibility).
    /// (Cancellable: OperationCanceledException within about a second of the token's cancellation.)
    static member internal Build(target: Assemblage, noise: Assemblage, cap: float, options: RelaxationOptions, symmetry: bool, cancellation: CancellationToken) =
        let read = AssemblageData.ofAssemblage options
        let data1, data0 = read target, read noise
        let memo = GroupMemo()
        let group = VisibilityRelaxation.GroupOf(target, noise, symmetry && AssemblageData.sameShape data1 data0, memo, cancellation)
        VisibilityRelaxation(LhsModel.build cancellation options data1 data0 cap group, noise, options, symmetry, memo)

    interface IRelaxation with
        member this.Problem = this.Problem
        member this.Read(solution) = this.Read solution
        member this.WithData(target) = this.WithData(target, noise) :> IRelaxation
        member this.Reduction = this.Reduction
        member this.ValueFormula = this.ValueFormula

    interface ICancellableData with
        member this.WithData(target, cancellation) = this.WithData(target, noise, cancellation) :> IRelaxation
