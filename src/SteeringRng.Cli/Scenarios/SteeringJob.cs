using System.Diagnostics;
using System.Globalization;
using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Reporting;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// The multipartite steering test (formulations §5) at each point: the critical visibility of the point's
/// assemblage σ against white noise, v* = max v such that v σ + (1 − v) σ_white has a fully-LHS model (σ_white:
/// the same measurements on I/D, which is LHS). σ is steerable iff v* &lt; 1. For a family μ|ψ⟩⟨ψ| + (1 − μ) I/D the
/// point μ = 1 gives the family's threshold directly, and any point μ gives it as μ · v*.
/// When σ and σ_white share outcome-relabelling symmetries the SDP has one block per orbit of deterministic strategies
/// (the same optimum); `--no-symmetry` builds one block per strategy.
/// </summary>
public sealed class SteeringJob(LoweredScenario scenario, bool symmetry = true) : BoundJob("steering test", "steering")
{
    // Built at the first point, then WithData: the data's symmetry group is searched once per sweep (at the first
    // point that has one) and only checked at the other points.
    private readonly RelaxationCache<VisibilityRelaxation, Assemblage> _cache = CacheFor(new Lazy<Assemblage>(scenario.WhiteNoiseAssemblage), symmetry);

    private static RelaxationCache<VisibilityRelaxation, Assemblage> CacheFor(Lazy<Assemblage> white, bool symmetry) =>
        new(d => SteeringRelaxations.CriticalVisibility(d, white.Value, 2.0, RelaxationOptions.Default, symmetry),
            (r, d) => r.WithData(d, white.Value));

    public override ResultRow Run(PointInput point, ISdpSolver solver, SdpSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        VisibilityRelaxation relaxation;
        try { relaxation = _cache.For(point.Assemblage); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, clock.Elapsed.TotalSeconds); }
        var solution = solver.Solve(relaxation.Problem, settings, cancellation);
        var status = SolveRows.StatusWord(solution.Status, cancellation);
        if (!SolveRows.HasValue(solution.Status))
            return ResultRow.Failed(point.Parameters, Objective, Bound, status, solution.Message, solution.Iterations, clock.Elapsed.TotalSeconds);
        var v = relaxation.Evaluate(solution).CriticalVisibility;
        var verdict = v < 1 - 1e-6 ? "steerable" : "no steering detected (fully LHS within the tolerance)";
        var message = string.Create(CultureInfo.InvariantCulture, $"{verdict}; visibility against white noise v* = {v:G8}");
        return ResultRow.FromCriticalVisibility(point.Parameters, Objective, Bound, v, status, solution.Iterations, clock.Elapsed.TotalSeconds, message);
    }

    public override (SdpProblem? Problem, string Message) ProblemAt(PointInput point)
    {
        try { return (_cache.For(point.Assemblage).Problem, "v* = objective"); }
        catch (ArgumentException e) { return (null, e.Message); }
    }
}
