namespace SteeringRng.Relaxation.Steering

open SteeringRng.Quantum
open SteeringRng.Relaxation

/// A relaxation built on grouped data (all untrusted parties as one, AssemblageOperations.GroupUntrusted) that takes
/// the ungrouped assemblage in WithData, as Relaxations.Global does, and groups it itself (docs/formulations/global.md).
[<Sealed>]
type internal GroupedRelaxation(inner: IRelaxation) =
    let withData (assemblage: Assemblage) (cancellation: System.Threading.CancellationToken) =
        let grouped = AssemblageOperations.GroupUntrusted assemblage
        let next =
            match inner with
            | :? ICancellableData as c -> c.WithData(grouped, cancellation)
            | _ -> inner.WithData grouped
        GroupedRelaxation(next) :> IRelaxation

    interface IRelaxation with
        member _.Problem = inner.Problem
        member _.Read(solution) = inner.Read solution
        member _.WithData(assemblage) = withData assemblage System.Threading.CancellationToken.None
        member _.Reduction = inner.Reduction
        member _.ValueFormula = inner.ValueFormula

    interface ICancellableData with
        member _.WithData(assemblage, cancellation) = withData assemblage cancellation
