using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// The multipartite steering test (docs/formulations/steering-test.md) at each point: the critical visibility of
/// the point's assemblage σ against white noise, v* = max v such that v σ + (1 − v) σ_white has a fully-LHS model
/// (σ_white: the same measurements on I/D, which is LHS). σ is steerable iff v* &lt; 1. For a family
/// μ|ψ⟩⟨ψ| + (1 − μ) I/D the point μ = 1 gives the family's threshold directly, and any point μ gives it as μ · v*
/// (v* is relative to the point's state, not to the pure state): given the family, the row carries that critical
/// value too (<see cref="CriticalParameter"/>: "critical mu = 0.3536" for GHZ at μ = 0.5, where v* = 1/√2).
/// When σ and σ_white share outcome-relabelling symmetries the SDP has one block per orbit of deterministic
/// strategies (the same optimum); without symmetry it has one block per strategy.
/// </summary>
/// <param name="whiteNoise">σ_white: the assemblage of I/D under the same measurements.</param>
/// <param name="family">The state as w(p) ρ₁ + (1 − w(p)) I/D along a swept parameter p, when it is one (null: not).</param>
public sealed class SteeringJob(Func<Assemblage> whiteNoise, bool symmetry = true, SteeringRng.Scenario.NoiseFamily.WhiteNoiseFamily? family = null)
    : BoundJob("steering test", "steering")
{
    private const double Cap = 2.0;

    // Built at the first point, then WithData (the noise is kept): the data's symmetry group is searched once per
    // sweep (at the first point that has one) and only checked at the other points.
    private readonly RelaxationCache _cache = new((data, cancellation) =>
        Relaxations.CriticalVisibility(data!, whiteNoise(), Cap, RelaxationOptions.Default, symmetry, cancellation));

    /// <summary>Whether rows get a checked steering witness (default); off only to measure its cost (--no-certify).</summary>
    public bool Certify { get; set; } = true;

    /// <summary>Where each certified row's witness certificate goes (<c>steer run --certificates DIR</c>), or null.</summary>
    public Certificates.ICertificateSink? Certificates { get; set; }

    public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        IRelaxation relaxation;
        try { relaxation = _cache.For(point, cancellation); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, seconds: clock.Elapsed.TotalSeconds); }
        var solution = ReusingSolver.SolveOnce(solver, relaxation.Problem, settings, cancellation);
        string? embedded = null;
        if (!SolveStatus.HasValue(solution.Status) && !cancellation.IsCancellationRequested && HermitianEmbedding.HasHermitianBlocks(relaxation.Problem))
            (solution, embedded) = InRealEmbedding(solver, relaxation.Problem, settings, solution, cancellation);
        var status = SolveStatus.RowStatusOf(solution.Status, cancellation);
        if (!SolveStatus.HasValue(solution.Status))
            return Failed(point, status, solution.Message, solution.Iterations, clock.Elapsed.TotalSeconds);
        var v = relaxation.Read(solution).Bound;
        var verdict = v < 1 - 1e-6 ? "steerable" : "no steering detected (fully LHS within the tolerance)";
        var message = string.Create(CultureInfo.InvariantCulture, $"{verdict}; visibility against white noise v* = {v:G8} (relative to this point's state)");
        var critical = CriticalParameter.Of(family, point.Parameters, v, Cap);
        if (critical is { Count: 1 })
            message += string.Create(CultureInfo.InvariantCulture, $"; critical {critical[0].Key} = {critical[0].Value:G4}");
        string? fileError = null;
        var certificate = Certify || Certificates is not null ? Witness(relaxation, solution, point, v, out fileError, cancellation) : null;
        if (certificate is { IsCertified: true, Visibility: { } proven })
            message += string.Create(CultureInfo.InvariantCulture,
                $"; certified: {(certificate.Steerable == true ? "steerable, " : "")}v* ≤ {proven:G8} (exact steering witness)");
        if (embedded is not null) message += "; " + embedded;
        if (fileError is not null) message += "; " + fileError;
        return ResultRow.FromCriticalVisibility(point.Parameters, Objective, Bound, v, status, solution.Iterations, clock.Elapsed.TotalSeconds, message)
            with { Critical = critical, Certificate = certificate };
    }

    /// <summary>
    /// The same SDP in its real embedding (<see cref="HermitianEmbedding.ToReal"/>: Hermitian n → real 2n, y and the
    /// optimum unchanged), solved when the Hermitian form ended without a value, and mapped back. The built-in solver
    /// stalls on the Hermitian form of the four-qutrit steering test below its pure end (samples/fig3-thresholds.scn,
    /// last scenario: "no progress in 10 iterations", DIMACS 0.25) and solves the embedded one in 21 iterations, as
    /// CSDP solves either; the row says which form gave its value.
    /// </summary>
    private static (SdpSolution Solution, string? Note) InRealEmbedding(ISdpSolver solver, SdpProblem problem, SdpSettings settings, SdpSolution failed,
        CancellationToken cancellation)
    {
        var real = HermitianEmbedding.FromReal(problem, ReusingSolver.SolveOnce(solver, HermitianEmbedding.ToReal(problem), settings, cancellation));
        return SolveStatus.HasValue(real.Status)
            ? (real, $"solved in the real embedding (the Hermitian form ended {failed.Status}: {failed.Message})")
            : (failed, null);
    }

    /// <summary>The dual functional checked as a steering witness (Certificates/SteeringWitnessCertifier).</summary>
    private RowCertificate Witness(IRelaxation relaxation, SdpSolution solution, PointInput point, double raw, out string? fileError,
        CancellationToken cancellation)
    {
        fileError = null;
        if (relaxation is not VisibilityRelaxation visibility)
            return RowCertificate.Uncertified("not a fully-LHS visibility problem");
        if (solution.Y.Length == 0)
            return RowCertificate.Uncertified($"the solver ({solution.Solver}) reported no dual y");
        var notes = new List<string> { $"objective {Objective}, bound {Bound}, point {point.Parameters}" };
        var outcome = SteeringRng.Certification.Certificates.SteeringWitnessCertifier.CertifyWithFile(visibility.SteeringFunctional(solution),
            point.Assemblage, whiteNoise(), raw, CriticalParameter.LineAt(family, point.Parameters), notes, cancellation);
        if (outcome.File is { } file && Certificates is { } sink)
        {
            try { sink.Write(point.Parameters, Objective, Bound, file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { fileError = $"certificate file not written: {e.Message}"; }
        }
        return outcome.Row;
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
