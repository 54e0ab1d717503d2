namespace SteeringRng.Relaxation.Steering

open System.Numerics
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation

/// What a guessing relaxation's data are: the assemblage as given (NS), or its untrusted parties grouped into one
/// party with global measurements (Glo), so that WithData can take the caller's data in either case.
[<RequireQualifiedAccess>]
type internal GuessingData =
    | AsGiven
    | GroupedUntrusted

/// An NS (or global) guessing-probability relaxation: the SDP, what its variables mean, how to read P_g
/// from a solution, and how to swap the data without rebuilding.
type GuessingRelaxation internal (structure: NsStructure, options: RelaxationOptions, data: GuessingData) =

    let prepare (assemblage: Assemblage) =
        match data with
        | GuessingData.AsGiven -> assemblage
        | GuessingData.GroupedUntrusted -> AssemblageOperations.GroupUntrusted assemblage

    /// The SDP (moment form: y = w are Eve's sub-assemblage coordinates).
    member _.Problem: SdpProblem = structure.Problem
    /// Variable i ↔ (guess tuple, direction / Collins–Gisin block and Hermitian entry).
    member _.Variables: System.Collections.Generic.IReadOnlyList<NsVariable> = structure.Variables
    /// Guess tuples γ in the order of the sub-assemblages.
    member _.GuessTuples: System.Collections.Generic.IReadOnlyList<int[]> = structure.GuessTuples
    /// Whether facial reduction restricted the variables (rank-deficient data).
    member _.FaciallyReduced = structure.Reduced
    /// The constant part of the objective (Tr of the data marginal for the last guess tuple).
    member _.Offset = structure.Offset

    /// Bound = P_g from the SDP's primal X, offset − ⟨C, X⟩ (an upper bound); Attained = the explicit attack's P_g,
    /// offset − (D objective); see MomentFormReading.
    member _.Read(solution: SdpSolution) : RelaxationReading = MomentFormReading.read structure.Offset solution

    /// "P_g = offset − ⟨C, X⟩ (moment form)" with this data's offset.
    member _.ValueFormula = MomentFormReading.formula "P_g" structure.Offset ""

    /// Eve's sub-assemblages σ^γ_{a|x} (one array of blocks per guess tuple, blocks in the order of the
    /// assemblage's setting tuples × outcome tuples), from the solution's y.
    member _.SubAssemblages(solution: SdpSolution) : Complex[,][][] =
        NoSignallingBound.subAssemblages structure solution.Y |> Array.map (Array.map (fun m -> m.ToArray()))

    /// The same relaxation for another assemblage of the same shape (only F0 changes when supports agree). A global
    /// relaxation takes the ungrouped assemblage, as Relaxations.Global does, and groups it itself.
    member _.WithData(assemblage: Assemblage) : GuessingRelaxation =
        let next = AssemblageData.ofAssemblage options (prepare assemblage)
        GuessingRelaxation(NoSignallingBound.withData options structure next, options, data)

    interface IRelaxation with
        member this.Problem = this.Problem
        member this.Read(solution) = this.Read solution
        member this.WithData(assemblage) = this.WithData assemblage :> IRelaxation
        /// The NS program is built in full (facial reduction is not a symmetry reduction).
        member _.Reduction = ""
        member this.ValueFormula = this.ValueFormula
