namespace SteeringRng.Relaxation

open SteeringRng.Sdp

/// What a solved relaxation says, one shape for every relaxation (guessing, Bell and visibility problems).
/// Both sides are kept because a solver stops at a gap: only Bound may be reported, Attained shows how tight it is.
type RelaxationReading =
    { Status: SdpStatus
      /// The side a caller may report: for a maximised P_g or Bell value, the upper bound offset − ⟨C, X⟩ read
      /// from the moment form's primal X (weak duality); for a critical visibility, μ* from the dual (the steering functional).
      Bound: float
      /// The other side, attained by an explicit object: the attack's P_g (offset − dual objective), or the LHS model's visibility.
      Attained: float }

/// A relaxation built for one point's data: the SDP, how to read it, and the same relaxation for other data of the same shape.
type IRelaxation =
    abstract Problem: SdpProblem
    abstract Read: solution: SdpSolution -> RelaxationReading
    /// Same structure, new data (only constants change where supports agree). Data-free relaxations (Bell) throw InvalidOperationException.
    abstract WithData: data: SteeringRng.Quantum.Assemblage -> IRelaxation
    /// How the problem was reduced by symmetries ("" when built in full); the value is that of the full problem.
    abstract Reduction: string
    /// What the SDP's optimum means, for exported SDPA file headers, e.g. "P_g = 0.5 − ⟨C, X⟩ (moment form); symmetry: …" or "v* = objective".
    abstract ValueFormula: string

/// Reductions whose value is not exactly that of the full problem. Symmetry and facial reduction from exactly known
/// data are exact (the certificate for the reduced problem bounds the full one: docs/formulations/certificates.md);
/// a face found numerically (device-independent data at the Bell maximum, BoundaryFace) is not, so a row solved on it
/// keeps its raw value but is never marked certified.
module RelaxationReductions =
    /// The prefix of <see cref="IRelaxation.Reduction"/> for a numerically exposed face.
    [<Literal>]
    let NumericalFacePrefix = "boundary face"

    /// Whether a certificate for the problem solved also bounds the full relaxation.
    let isExact (reduction: string) = not (reduction.StartsWith(NumericalFacePrefix, System.StringComparison.Ordinal))

/// The reading shared by every maximisation in moment form  max offset + gᵀw  s.t.  F0 − Σ w_k F_k ⪰ 0, stored as
/// (D) with y = w, b = −g, C = −F0 (SdpProblem.FromMomentForm): a feasible y is an attained point,
/// offset + gᵀw = offset − bᵀy (Attained), and weak duality ⟨C, X⟩ ≤ bᵀy for every feasible X makes
/// offset − ⟨C, X⟩ an upper bound on the optimum (Bound) even when the solver stops short of it.
module internal MomentFormReading =

    let read (offset: float) (solution: SdpSolution) : RelaxationReading =
        { Status = solution.Status
          Bound = offset - solution.PrimalObjective
          Attained = offset - solution.DualObjective }

    /// "P_g = 0.5 − ⟨C, X⟩ (moment form)", with the reduction appended when there is one.
    let formula (quantity: string) (offset: float) (reduction: string) =
        let head = $"""{quantity} = {offset.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} − ⟨C, X⟩ (moment form)"""
        if reduction = "" then head else head + "; " + reduction

/// A relaxation whose WithData can take long (it may search the new data's symmetries or rebuild the problem): this
/// form honours a token, throwing OperationCanceledException within about a second of its cancellation, so that
/// Ctrl-C stops a sweep or a threshold search between two data points as quickly as inside a build.
type ICancellableData =
    abstract WithData: data: SteeringRng.Quantum.Assemblage * cancellation: System.Threading.CancellationToken -> IRelaxation
