using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// The multipartite steering test (docs/formulations/steering-test.md) at each point: the critical visibility of
/// the point's assemblage σ against white noise, v* = max v such that v σ + (1 − v) σ_white has a fully-LHS model
/// (σ_white: the same measurements on I/D, which is LHS). σ is steerable iff v* &lt; 1. For a family
/// μ|ψ⟩⟨ψ| + (1 − μ) I/D the point μ = 1 gives the family's threshold directly, and any point μ gives it as μ · v*.
/// When σ and σ_white share outcome-relabelling symmetries the SDP has one block per orbit of deterministic
/// strategies (the same optimum); without symmetry it has one block per strategy.
/// </summary>
/// <param name="whiteNoise">σ_white: the assemblage of I/D under the same measurements.</param>
public sealed class SteeringJob(Func<Assemblage> whiteNoise, bool symmetry = true) : BoundJob("steering test", "steering")
{
    // Built at the first point, then WithData (the noise is kept): the data's symmetry group is searched once per
    // sweep (at the first point that has one) and only checked at the other points.
    private readonly RelaxationCache _cache = new(data =>
        Relaxations.CriticalVisibility(data!, whiteNoise(), 2.0, RelaxationOptions.Default, symmetry));

    public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        IRelaxation relaxation;
        try { relaxation = _cache.For(point); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, seconds: clock.Elapsed.TotalSeconds); }
        var solution = solver.Solve(relaxation.Problem, settings, cancellation);
        var status = SolveStatus.RowStatusOf(solution.Status, cancellation);
        if (!SolveStatus.HasValue(solution.Status))
            return Failed(point, status, solution.Message, solution.Iterations, clock.Elapsed.TotalSeconds);
        var v = relaxation.Read(solution).Bound;
        var verdict = v < 1 - 1e-6 ? "steerable" : "no steering detected (fully LHS within the tolerance)";
        var message = string.Create(CultureInfo.InvariantCulture, $"{verdict}; visibility against white noise v* = {v:G8}");
        return ResultRow.FromCriticalVisibility(point.Parameters, Objective, Bound, v, status, solution.Iterations, clock.Elapsed.TotalSeconds, message);
    }

    public override (SdpProblem? Problem, string Meaning) ProblemAt(PointInput point)
    {
        try
        {
            var r = _cache.For(point);
            return (r.Problem, r.ValueFormula);
        }
        catch (ArgumentException e) { return (null, e.Message); }
    }
}
