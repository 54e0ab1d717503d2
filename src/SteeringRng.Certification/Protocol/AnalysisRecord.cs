namespace SteeringRng.Certification.Protocol;

/// <summary>The affine bound P_g(w) ≤ α + λ·w an analysis used, as the certificate records it.</summary>
/// <param name="Reference">v, the statistic the relaxation was solved at.</param>
/// <param name="Certified">The relaxation's point X̂ behind α and λ was proven feasible and PSD in exact arithmetic, and α, λ
/// are its exact rational inner products with the data's anchored constants, rounded outward (docs/formulations/finite-size.md
/// §3); the method says how, or why not.</param>
/// <param name="Point">X̃, the double point whose exact correction is X̂: <c>steer verify</c> re-proves it on the relaxation
/// rebuilt from the committed scenario and recomputes α, λ (null when the dual is not certified).</param>
public sealed record DualRecord(IReadOnlyList<double> Reference, double Alpha, IReadOnlyList<double> Lambda, bool Certified, string Method,
    IReadOnlyList<double>? Point = null);

/// <summary>
/// One analysis of a run as the per-run certificate records it: which (EAT: general attacks; i.i.d.: i.i.d. attacks
/// only), the certified smooth min-entropy k of the raw bits and the rate per round, the dual used, and the analysis's
/// own terms by name (β, ε_V, ε_K, ε_Ω, … — whatever the analysis reports, for the reader and for recomputation).
/// </summary>
public sealed record AnalysisRecord(
    EntropyAnalysisKind Kind,
    string Label,
    double EntropyBits,
    double RatePerRound,
    bool Certified,
    DualRecord? Dual,
    IReadOnlyList<KeyValuePair<string, double>> Terms,
    string Note)
{
    public static string Name(EntropyAnalysisKind kind) => kind == EntropyAnalysisKind.Eat ? "eat" : "iid";
}

/// <summary>
/// The finite-size analyses a run is certified with (docs/formulations/finite-protocol.md §4): implemented over the
/// finite-size library (Certification/FiniteSize). <see cref="Analyse"/> solves the guessing relaxation; <see cref="Recompute"/>
/// re-derives an analysis's entropy from the dual recorded in a certificate without a solver, for <c>steer verify</c>.
/// </summary>
public interface IRunAnalysis
{
    /// <summary>Both analyses (EAT and i.i.d.) of an accepted run.</summary>
    IReadOnlyList<AnalysisRecord> Analyse(BoundProtocol protocol, RunObservation observation, CancellationToken cancel);

    /// <summary>The entropy (bits) an analysis gives with the recorded dual and these data, without solving anything.</summary>
    double Recompute(BoundProtocol protocol, RunObservation observation, AnalysisRecord recorded);

    /// <summary>
    /// Re-proves a recorded certified dual without a solver: its point X̃ re-checked in exact arithmetic on the relaxation
    /// rebuilt from the protocol's scenario, α and λ recomputed exactly, and the recorded (α, λ) required to imply them
    /// on the possible statistics. Null when it holds (or the dual claims no certificate); otherwise what failed, for a
    /// located SR1246 error.
    /// </summary>
    string? DualFault(BoundProtocol protocol, DualRecord dual, CancellationToken cancel);

    /// <summary>
    /// Re-proves the i.i.d. record of the relaxation over the confidence box: the recorded box point X̃ re-checked in exact
    /// arithmetic on the box problem rebuilt from the protocol and the data's confidence region, and the recorded (α, λ)
    /// required to cover its proven optimum over the box (docs/formulations/finite-size.md §4.1). Null when it holds,
    /// otherwise what failed (a located SR1246 error). Analyses without a box relaxation refuse such a record.
    /// </summary>
    string? BoxFault(BoundProtocol protocol, RunObservation observation, DualRecord dual, CancellationToken cancel) =>
        "this analysis has no box relaxation to re-prove the record on";

    /// <summary>
    /// The EAT's min-tradeoff function must be fixed before the data: null when the recorded dual's reference v is the
    /// one the protocol declares, otherwise what differs (a located SR1246 error). Analyses without a declared reference
    /// accept any.
    /// </summary>
    string? ReferenceFault(BoundProtocol protocol, DualRecord eatDual) => null;
}
