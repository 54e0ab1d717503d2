using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// H^Dim (docs/formulations/seesaw.md) by the seesaw: explicit attacks in local dimension `dim` with block-diagonal
/// measurements, started from the point's own realisation (state and measurements, trusted nodes first), from
/// copies of it with one setting pinned, and from random feasible starts. A verified attack bounds P_g from below,
/// so H^Dim is an upper bound on H. When the same point and objective also have a relaxation bound listed before
/// the seesaw (e.g. `bounds npa 2, seesaw dim 10`) that ended optimal, its P_g (read from the conservative side, an
/// upper bound on P_g by weak duality) is the seesaw's target: an attack meeting it is optimal and the search stops
/// there. Near-optimal or failed rows are never used as targets.
/// The row's status says what the number is: <see cref="RowStatus.Optimal"/> only when the attack meets such a target
/// (proven optimal), else <see cref="RowStatus.VerifiedAttack"/> (a verified lower bound on P_g); when a target exists
/// and the attack stays below it by more than the target tolerance, the message names the bound and the gap.
/// </summary>
public sealed class SeesawJob(string objective, GuessTarget guess, SeesawOptions options)
    : BoundJob(objective, new BoundSpec.Dimension(options).Name)
{
    public override BoundRank? Rank => BoundRank.Dimension;

    public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var proven = earlier.Where(e => e.Row.Objective == Objective && e.Rank is { Tier: < BoundRank.DimensionTier }
                && e.Row.Status == RowStatus.Optimal && e.Row.Pguess is > 0)
            .Select(e => e.Row).MinBy(r => r.Pguess!.Value);
        var run = proven is null ? options : options with { Target = proven.Pguess!.Value };
        if (point.Realisation is not { } realisation)
            return Failed(point, RowStatus.NotApplicable,
                "the seesaw starts from a model of the data (a state and measurements); these data have none");
        SeesawResult result;
        try { result = new SeesawOptimizer(solver, run).Run(point.Assemblage, guess, realisation, cancellation); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, seconds: clock.Elapsed.TotalSeconds); }
        var seconds = clock.Elapsed.TotalSeconds;
        var iterations = result.Statistics.Iterations;
        if (!result.IsBound)
            return Failed(point, RowStatus.Error, $"{result.Status}: {result.Message}", iterations, seconds);
        var message = (result.Status == SeesawStatus.RoundLimit ? "round limit reached (the attack is verified, so still a bound); " + result.Message : result.Message)
                      + "; " + result.Statistics;
        // Optimal only when proven so: the attack meets a relaxation's upper bound on P_g (SeesawStatus.Optimal).
        var optimal = result.Status == SeesawStatus.Optimal;
        if (!optimal && proven is not null)
        {
            // gap = P_g[relaxation] − P_g[attack] > tolerance: the relaxation leaves room the seesaw did not reach.
            var gap = proven.Pguess!.Value - result.GuessingProbability;
            message = string.Create(CultureInfo.InvariantCulture,
                $"not proven optimal: {proven.Bound} proves P_g <= {proven.Pguess!.Value:G10}, {gap:G6} above this attack's P_g; ") + message;
        }
        return ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, result.GuessingProbability,
            optimal ? RowStatus.Optimal : RowStatus.VerifiedAttack, iterations, seconds, message);
    }
}
