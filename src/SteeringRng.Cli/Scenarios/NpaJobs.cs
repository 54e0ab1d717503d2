using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using SteeringRng.Algebra;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Reporting;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;
using AlgebraScenario = SteeringRng.Algebra.Scenario;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// Q_k for guess objectives (formulations §3), plain NPA for Bell objectives, and the no-signalling bound of a
/// Bell objective (a linear program over Collins–Gisin correlations): the builders of SteeringRng.Relaxation. Parties get one-letter names (B, C, … for the untrusted nodes of a steering
/// scenario; A, B, … in a Bell scenario) so that the level's extra words ("1+BC") become the builder's level string.
/// </summary>
public static class NpaJobs
{
    /// <param name="symmetry">Reduce Q_k by the data's symmetries (exact; false builds the full problem).</param>
    public static BoundJob Steering(LoweredScenario s, string objective, int[] parties, int[] settings, Checked.NpaLevel level, bool symmetry = true)
    {
        var names = Names(s.Untrusted.Count, 'B');
        var spec = GeneratingSetSpec.NewTerms(LevelString(s, level, names));
        return new QLevelJob(objective, JobPlanner.BoundName(Checked.Bound.NewNpa(level)), Rank(s, level),
            data => Relaxations.QLevel(data, names, parties, settings, spec, symmetry));
    }

    public static BoundJob Bell(LoweredScenario s, string objective, Checked.BellExpression expression, Checked.NpaLevel level)
    {
        var names = Names(s.Untrusted.Count, 'A');
        var scenario = BellScenario(s, names);
        var levelString = LevelString(s, level, names);
        return new BellJob(objective, JobPlanner.BoundName(Checked.Bound.NewNpa(level)), "quantum",
            () => Relaxations.NpaBell(scenario, BellPolynomial.Of(s, scenario, expression), levelString));
    }

    /// <summary>The no-signalling bound of a Bell objective: one LP, the same at every point.</summary>
    public static BoundJob BellNoSignalling(LoweredScenario s, string objective, Checked.BellExpression expression, string bound)
    {
        var scenario = BellScenario(s, Names(s.Untrusted.Count, 'A'));
        return new BellJob(objective, bound, "no-signalling",
            () => Relaxations.NoSignallingBell(scenario, BellPolynomial.Of(s, scenario, expression)));
    }

    /// <summary>The untrusted nodes as Collins–Gisin parties named A, B, … with their settings' outcome counts.</summary>
    private static AlgebraScenario BellScenario(LoweredScenario s, string[] names) =>
        new(s.Untrusted.Select((n, j) => new Party(names[j], n.Settings.Select(x => x.Outcomes).ToArray())));

    /// <summary>"2+BC": the base level, then each extra word as the letters of its parties.</summary>
    public static string LevelString(LoweredScenario s, Checked.NpaLevel level, string[] names) =>
        string.Join("+", new[] { level.Base.ToString(CultureInfo.InvariantCulture) }
            .Concat(level.Extra.Select(word => string.Concat(word.Select(node => names[s.PartyOf(node)])))));

    private static BoundRank Rank(LoweredScenario s, Checked.NpaLevel level) =>
        new(BoundRank.NpaTier, level.Base, level.Extra.Select(w => w.Select(s.PartyOf).ToArray()).ToArray());

    /// <summary>One-letter party names from <paramref name="first"/> on (B, C, … for steering; A, B, … for Bell).</summary>
    public static string[] Names(int count, char first) =>
        Enumerable.Range(0, count).Select(j => ((char)(first + j)).ToString()).ToArray();

    /// <summary>Q_k at each point, built once and re-used with the data swapped.</summary>
    private sealed class QLevelJob(string objective, string bound, BoundRank rank, Func<Assemblage, SteeringRng.Relaxation.Relaxation> build)
        : BoundJob(objective, bound)
    {
        private readonly RelaxationCache<SteeringRng.Relaxation.Relaxation, Assemblage> _cache = new(build, (r, data) => r.WithData(data));

        public override BoundRank? Rank => rank;

        // The (P) side bounds P_g from above (weak duality): the conservative number.
        public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation) =>
            SolveGuessing(point, solver, settings, cancellation, _cache.For, r => r.Problem, (r, solution) => r.UpperBound(solution));

        public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point)
        {
            try
            {
                var r = _cache.For(point.Assemblage);
                var reduction = r.Reduction.Length > 0 ? "; " + r.Reduction : "";
                return (r.Problem, string.Create(CultureInfo.InvariantCulture, $"P_g = {r.ObjectiveOffset:R} − ⟨C, X⟩ (moment form){reduction}"));
            }
            catch (ArgumentException e) { return (null, e.Message); }
        }
    }

    /// <summary>
    /// A Bell bound (plain NPA or the no-signalling LP): one problem (no state, no data), solved at every point
    /// (the value does not depend on it). <paramref name="correlations"/> names the set maximised over.
    /// </summary>
    private sealed class BellJob(string objective, string bound, string correlations, Func<SteeringRng.Relaxation.Relaxation> build)
        : BoundJob(objective, bound)
    {
        private readonly Lazy<SteeringRng.Relaxation.Relaxation> _relaxation = new(build);

        public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            SteeringRng.Relaxation.Relaxation relaxation;
            try { relaxation = _relaxation.Value; }
            catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, clock.Elapsed.TotalSeconds); }
            var solution = solver.Solve(relaxation.Problem, settings, cancellation);
            var status = SolveRows.StatusWord(solution.Status, cancellation);
            if (!SolveRows.HasValue(solution.Status))
                return ResultRow.Failed(point.Parameters, Objective, Bound, status, solution.Message, solution.Iterations, clock.Elapsed.TotalSeconds);
            var value = relaxation.UpperBound(solution);
            // The value is the row's `value` key (pguess/hmin stay null); the message repeats it for the console table.
            var message = string.Create(CultureInfo.InvariantCulture, $"Bell value {value:R} (upper bound over {correlations} correlations)");
            return ResultRow.FromBellValue(point.Parameters, Objective, Bound, value, status, solution.Iterations, clock.Elapsed.TotalSeconds, message);
        }

        public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point)
        {
            try
            {
                var r = _relaxation.Value;
                return (r.Problem, string.Create(CultureInfo.InvariantCulture, $"Bell value = {r.ObjectiveOffset:R} − ⟨C, X⟩ (moment form)"));
            }
            catch (ArgumentException e) { return (null, e.Message); }
        }
    }
}
