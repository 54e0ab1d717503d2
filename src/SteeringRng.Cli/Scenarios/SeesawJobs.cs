using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Reporting;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// H^Dim (formulations §4) by the seesaw of SteeringRng.Certification: explicit attacks in local dimension
/// `dim` with block-diagonal measurements (blocks of size `block`, default the node's own dimension), started from
/// the scenario's own state and measurements (trusted nodes first), from copies of them with one setting pinned, and
/// from `restarts` random feasible starts. A verified attack bounds P_g from below, so H^Dim is an upper bound on H.
/// When the same point and objective also have a relaxation bound listed before the seesaw (e.g. `bounds npa 2,
/// seesaw dim 10`) that ended optimal, the seesaw stops as soon as an attack meets it (then provably optimal).
/// </summary>
public static class SeesawJobs
{
    public static BoundJob Create(LoweredScenario s, string objective, int[] parties, int[] settings, Checked.SeesawOptions options) =>
        new SeesawJob(s, objective, $"seesaw dim {options.Dim}", new GuessTarget(parties, settings),
            SeesawOptions.Default with
            {
                Dimension = options.Dim, RandomStarts = options.Restarts, Seed = options.Seed,
                BlockSize = Microsoft.FSharp.Core.FSharpOption<int>.get_IsSome(options.Block) ? options.Block!.Value : null,
            });

    private sealed class SeesawJob(LoweredScenario scenario, string objective, string bound, GuessTarget guess, SeesawOptions options)
        : BoundJob(objective, bound)
    {
        public override BoundRank? Rank => new(BoundRank.DimensionTier);

        public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation) =>
            Run(point, [], solver, settings, cancellation);

        /// <summary>
        /// With an earlier relaxation row of the same objective at this point that ended optimal, its P_g (read from the
        /// conservative side, an upper bound on P_g by weak duality) is the seesaw's target: an attack meeting it is
        /// optimal and the search stops there. Near-optimal or failed rows are never used.
        /// </summary>
        public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
            SdpSettings settings, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            var bounds = earlier.Where(e => e.Row.Objective == Objective && e.Rank is { Tier: < BoundRank.DimensionTier }
                    && e.Row.Status == RowStatus.Optimal && e.Row.Pguess is > 0)
                .Select(e => e.Row.Pguess!.Value).ToArray();
            var run = bounds.Length == 0 ? options : options with { Target = bounds.Min() };
            SeesawResult result;
            try { result = new SeesawOptimizer(solver, run).Run(point.Assemblage, guess, Realisation(point.State), cancellation); }
            catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, clock.Elapsed.TotalSeconds); }
            var seconds = clock.Elapsed.TotalSeconds;
            var iterations = result.Statistics.Iterations;
            if (!result.IsBound)
                return ResultRow.Failed(point.Parameters, Objective, Bound, RowStatus.Error, $"{result.Status}: {result.Message}", iterations, seconds);
            var message = result.Status == SeesawStatus.RoundLimit ? "round limit reached (the attack is verified, so still a bound); " + result.Message : result.Message;
            return ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, result.GuessingProbability, RowStatus.Optimal, iterations, seconds, message);
        }

        /// <summary>The scenario's state with the trusted nodes first (as one system) and the untrusted POVMs.</summary>
        private QuantumRealisation Realisation(DensityMatrix state)
        {
            var trusted = scenario.TrustedPositions.ToArray();
            var untrusted = scenario.Untrusted.Select(n => n.Index).ToArray();
            var reordered = state.Reorder([.. trusted, .. untrusted]);
            var dT = trusted.Aggregate(1, (p, t) => p * state.Dimensions[t]);
            var povms = scenario.Measurements
                .Select(party => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)party
                    .Select(p => (IReadOnlyList<Matrix<Complex>>)Enumerable.Range(0, p.OutcomeCount).Select(p.Element).ToArray()).ToArray())
                .ToArray();
            return new QuantumRealisation(reordered.Matrix, dT, untrusted.Select(u => state.Dimensions[u]).ToArray(), povms);
        }
    }
}
