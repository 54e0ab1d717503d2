using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// H^NS (formulations §1) for a guess objective. When the data have a symmetry that merges Eve's guesses, the bound is
/// computed as the symmetry-reduced Q at level 0 (S = {I}), which is the same program made much smaller
/// (Relaxations.TryNoSignallingBySymmetry; GHZ with N = 4, d = 3 and three settings: a few hundred variables
/// instead of tens of thousands); otherwise by the plain no-signalling program. Built once per sweep, data swapped.
/// P_g is read from the conservative side and capped at 1.
/// </summary>
public sealed class NoSignallingJob : BoundJob
{
    private readonly RelaxationCache<Choice, Assemblage> _cache;

    /// <param name="symmetry">False: always the plain no-signalling program (`--no-symmetry`).</param>
    public NoSignallingJob(string objective, int[] parties, int[] settings, bool symmetry = true) : base(objective, "ns") =>
        _cache = new RelaxationCache<Choice, Assemblage>(data => Choice.Build(data, parties, settings, symmetry), (c, data) => c.WithData(data));

    public override BoundRank? Rank { get; } = new(BoundRank.NoSignallingTier);

    public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation) =>
        SolveGuessing(point, solver, settings, cancellation, _cache.For, c => c.Problem, (c, solution) => c.UpperBound(solution));

    public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point)
    {
        try
        {
            var c = _cache.For(point.Assemblage);
            return (c.Problem, "P_g = offset − ⟨C, X⟩ (moment form)" + (c.Reduced is { } r ? "; NS as Q at level 0, " + r.Reduction : ""));
        }
        catch (ArgumentException e) { return (null, e.Message); }
    }

    /// <summary>Either relaxation, behind one face.</summary>
    private sealed record Choice(GuessingRelaxation? Plain, SteeringRng.Relaxation.Relaxation? Reduced)
    {
        public static Choice Build(Assemblage data, int[] parties, int[] settings, bool symmetry) =>
            symmetry && SteeringRng.Relaxation.Relaxations.TryNoSignallingBySymmetry(data, parties, settings, out var reduced)
                ? new Choice(null, reduced)
                : new Choice(SteeringRelaxations.NoSignalling(data, parties, settings), null);

        public SdpProblem Problem => Plain?.Problem ?? Reduced!.Problem;

        public double UpperBound(SdpSolution solution) =>
            Plain is not null ? Plain.Evaluate(solution).GuessingProbability : Reduced!.UpperBound(solution);

        public Choice WithData(Assemblage data) =>
            Plain is not null ? new Choice(Plain.WithData(data), null) : new Choice(null, Reduced!.WithData(data));
    }
}
