namespace SteeringRng.Relaxation

/// The size of a symmetry-reduced Q(S) known before it is assembled (docs/formulations/symmetry-reduction.md), for the
/// memory estimate: the number of guess orbits (one moment matrix each) and an upper bound on the solver's variables,
/// the reduced layout's count before the stabiliser invariance (which only eliminates variables) and before the
/// compaction (which only drops variables that appear nowhere).
[<AllowNullLiteral>]
type ReducedSize(orbits: int, variables: int) =
    member _.Orbits = orbits
    member _.Variables = variables
