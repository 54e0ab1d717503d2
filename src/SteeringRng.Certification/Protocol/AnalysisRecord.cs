namespace SteeringRng.Certification.Protocol;

/// <summary>The affine bound P_g(w) ≤ α + λ·w an analysis used, as the certificate records it.</summary>
/// <param name="Reference">v, the statistic the relaxation was solved at.</param>
/// <param name="Certified">The relaxation's primal point X̂ behind α and λ was proven feasible and PSD in exact arithmetic when
/// it was computed (the method says how, or why not). α and λ themselves are evaluated from X̂ in double with a 1e-9 margin
/// that is not yet proven (docs/formulations/finite-size.md, "Not yet exact / not done").</param>
public sealed record DualRecord(IReadOnlyList<double> Reference, double Alpha, IReadOnlyList<double> Lambda, bool Certified, string Method);

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
}
