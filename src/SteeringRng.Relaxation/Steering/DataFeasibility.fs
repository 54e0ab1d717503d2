namespace SteeringRng.Relaxation.Steering

open System
open System.Collections.Generic
open System.Numerics
open SteeringRng.Quantum
open SteeringRng.Sdp
open SteeringRng.Relaxation

/// A relaxation's feasible set as a constraint on measured data (docs/formulations/measured-probabilities.md,
/// "Repair onto Q_k"): the data u (no-signalling coordinates, WordCoordinates) are admissible when the relaxation built
/// by `build` has a feasible point at σ(u),
///   ∃ y :  Σ_i y_i A_i − C(σ(u)) ⪰ 0,
/// with C affine in σ (the relaxation's constants; LiftedStructure reads C off the relaxation itself, at the maximally
/// mixed base point, so no relaxation is written twice). For a Q_k guessing relaxation this is σ ∈ Q_k: Eve's
/// sub-assemblages σ^e ∈ Q_k summing to σ exist iff σ ∈ Q_k (Q_k is a convex cone: take σ^e = σ for one e, 0 for the
/// others; conversely Σ_e of moment matrices is one for σ). Unobserved directions of σ are the caller's variables
/// (the lifted structure's own free directions and slacks are left out).
[<Sealed>]
type DataFeasibility internal (st: LiftedStructure, name: string) =

    let innerBlocks = st.Blocks.Length - (if st.Slacks > 0 then 1 else 0)
    let innerVariables = st.A.Count - st.FreeDirections - st.Slacks

    /// The relaxation built by `build` (given an assemblage; it must be built without symmetry or facial reduction,
    /// as for MeasuredDataRelaxation) as a constraint on the data of `form`; `name` says which set it is ("Q1").
    static member Of(form: MeasuredDataForm, build: Func<Assemblage, IRelaxation>, name: string) =
        DataFeasibility(LiftedStructure.build form.Lift build.Invoke, name)

    member _.Name = name
    /// The relaxation's PSD blocks.
    member _.Blocks: SdpBlock[] = st.Blocks.[0 .. innerBlocks - 1]
    /// A_i of the relaxation's own variables y_i (free).
    member _.Variables: SdpMatrix[] = Seq.toArray st.A |> Array.take innerVariables
    /// C(σ(u)): the relaxation's constant at coordinates u (affine in u).
    member _.ConstantAt(u: float[]) : SdpMatrix = fst (st.ConstantsAt u)

/// Sums of sparse block matrices (entries keyed by block, row, column), for assembling an SDP from pieces.
module internal SparseBlocks =

    /// Σ_k scale_k · M_k with every block index moved by `shift`; entries below 1e-13 dropped (round-off of differences).
    let combine (shift: int) (terms: (float * SdpMatrix) list) : SdpEntry list =
        let acc = Dictionary<struct (int * int * int), Complex>()
        for scale, m in terms do
            for e in m.Entries do
                let key = struct (e.Block + shift, e.Row, e.Col)
                let mutable v = Complex.Zero
                acc.TryGetValue(key, &v) |> ignore
                acc[key] <- v + Complex(scale * e.Value, scale * e.Imag)
        [ for KeyValue(struct (b, r, c), v) in acc do
              let re = if abs v.Real > 1e-13 then v.Real else 0.0
              let im = if r <> c && abs v.Imaginary > 1e-13 then v.Imaginary else 0.0
              if re <> 0.0 || im <> 0.0 then yield SdpEntry(b, r, c, re, im) ]
