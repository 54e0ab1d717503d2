using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// H^Glo (§2) for a guess objective (H^NS is NoSignallingJob): the steering relaxation of SteeringRng.Relaxation,
/// built once and re-used with the data swapped. P_g is read from the conservative side (the relaxation's
/// upper bound on P_g) and capped at 1 (P_g ≤ 1 always), so H_min = −log2 P_g is never overstated.
/// </summary>
public sealed class GuessingJob : BoundJob
{
    private readonly RelaxationCache<GuessingRelaxation, Assemblage> _cache;

    /// <param name="swapData">How the built relaxation takes another point's assemblage (the global bound takes it grouped).</param>
    private GuessingJob(string objective, string bound, BoundRank rank, Func<Assemblage, GuessingRelaxation> build,
        Func<GuessingRelaxation, Assemblage, GuessingRelaxation> swapData)
        : base(objective, bound)
    {
        Rank = rank;
        _cache = new RelaxationCache<GuessingRelaxation, Assemblage>(build, swapData);
    }

    public override BoundRank? Rank { get; }

    /// <summary>The joint guess of every untrusted party, all grouped as one party (settings: one per party).</summary>
    public static GuessingJob Global(string objective, int[] settings) =>
        new(objective, "global", new BoundRank(BoundRank.GlobalTier),
            data => SteeringRelaxations.Global(data, settings), (r, data) => r.WithData(AssemblageOperations.GroupUntrusted(data)));

    public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation) =>
        SolveGuessing(point, solver, settings, cancellation, _cache.For, r => r.Problem,
            (r, solution) => r.Evaluate(solution).GuessingProbability);

    public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point)
    {
        try { return (_cache.For(point.Assemblage).Problem, "P_g = offset − ⟨C, X⟩ (moment form)"); }
        catch (ArgumentException e) { return (null, e.Message); }
    }
}
