using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// A relaxation bound on a maximised quantity, built once per sweep and re-used with the data swapped
/// (<see cref="RelaxationCache"/>): H^NS, H^Glo and H^{Q_k} for guess objectives (the value is P_g), plain NPA and
/// the no-signalling LP for Bell objectives (the value is the Bell value, the same at every point). The value is
/// read from the conservative side (<see cref="RelaxationReading.Bound"/>, an upper bound by weak duality); P_g is
/// capped at 1 since P_g ≤ 1 always, so H_min is never overstated.
/// </summary>
public sealed class RelaxationJob : BoundJob
{
    private readonly RelaxationCache _cache;
    private readonly BoundRank? _rank;
    private readonly bool _bell;
    private readonly string _correlations;

    private RelaxationJob(string objective, string bound, BoundRank? rank, Func<Assemblage?, CancellationToken, IRelaxation> build, bool bell, string correlations)
        : base(objective, bound)
    {
        _rank = rank;
        _bell = bell;
        _correlations = correlations;
        _cache = new RelaxationCache(build, dataFree: bell);
    }

    /// <summary>A guessing-probability relaxation of the point's assemblage (NS, Glo, Q_k).</summary>
    public static RelaxationJob Guessing(string objective, string bound, BoundRank rank, Func<Assemblage, IRelaxation> build) =>
        new(objective, bound, rank, (data, _) => build(data!), bell: false, "");

    /// <summary>A guessing-probability relaxation whose build honours the run's cancellation (Q_k: large levels take minutes).</summary>
    public static RelaxationJob Guessing(string objective, string bound, BoundRank rank, Func<Assemblage, CancellationToken, IRelaxation> build) =>
        new(objective, bound, rank, (data, cancellation) => build(data!, cancellation), bell: false, "");

    /// <summary>A Bell bound: one problem with no data, over the named set of correlations ("quantum", "no-signalling").</summary>
    public static RelaxationJob Bell(string objective, string bound, string correlations, Func<IRelaxation> build) =>
        new(objective, bound, null, (_, _) => build(), bell: true, correlations);

    /// <summary>When set, the relaxation is built anew at every point from the point itself (device-independent
    /// guessing: the data are Bell values, not an assemblage, so nothing can be swapped in).</summary>
    private Func<PointInput, CancellationToken, IRelaxation>? _perPoint;

    /// <summary>A guessing-probability relaxation built at every point from its parameters (docs/formulations/device-independent.md).</summary>
    public static RelaxationJob GuessingPerPoint(string objective, string bound, Func<PointInput, CancellationToken, IRelaxation> build) =>
        new(objective, bound, null, (_, _) => throw new InvalidOperationException("built per point"), bell: false, "") { _perPoint = build };

    public override BoundRank? Rank => _rank;

    /// <summary>Where certificate files go (<c>steer run --certificates DIR</c>); null: rows are certified, no file is kept.</summary>
    public Certificates.ICertificateSink? Certificates { get; set; }

    /// <summary>Whether rows get a checked certificate (default); off only to measure the certificate's cost.</summary>
    public bool Certify { get; set; } = true;

    /// <summary>The row with its checked certificate (docs/formulations/certificates.md); the file too when a sink is set.</summary>
    private ResultRow Certified(ResultRow row, IRelaxation relaxation, SdpSolution solution, double raw, PointInput point)
    {
        if (!Certify && Certificates is null) return row;
        var outcome = PhaseTiming.Measure($"{Bound} certificate at point {point.Index}", () => SteeringRng.Certification.Certificates.RelaxationCertifier.Certify(relaxation, solution, raw,
            guessing: !_bell, withFile: Certificates is not null));
        if (outcome.File is { } file && Certificates is { } sink)
        {
            try { sink.Write(point.Parameters, Objective, Bound, file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return row with { Certificate = outcome.Row, Message = Join(row.Message, $"certificate file not written: {e.Message}") };
            }
        }
        return row with { Certificate = outcome.Row };
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;

    public override ResultRow Run(PointInput point, IReadOnlyList<(BoundRank? Rank, ResultRow Row)> earlier, ISdpSolver solver,
        SdpSettings settings, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        IRelaxation relaxation;
        try { relaxation = PhaseTiming.Measure($"{Bound} relaxation at point {point.Index}", () => _perPoint is { } build ? build(point, cancellation) : _cache.For(point, cancellation)); }
        catch (ArgumentException e) { return Failed(point, RowStatus.Error, e.Message, seconds: clock.Elapsed.TotalSeconds); }
        var solution = PhaseTiming.Measure($"{Bound} solve at point {point.Index}", () => ReusingSolver.SolveOnce(solver, relaxation.Problem, settings, cancellation));
        var status = SolveStatus.RowStatusOf(solution.Status, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!SolveStatus.HasValue(solution.Status))
            return Failed(point, status, solution.Message, solution.Iterations, seconds);
        var value = relaxation.Read(solution).Bound;
        if (_bell)
        {
            // The value is the row's `value` key (pguess/hmin stay null); the message repeats it for the console table.
            var message = string.Create(CultureInfo.InvariantCulture, $"Bell value {value:R} (upper bound over {_correlations} correlations)");
            return Certified(ResultRow.FromBellValue(point.Parameters, Objective, Bound, value, status, solution.Iterations, seconds, message),
                relaxation, solution, value, point);
        }
        var row = ResultRow.FromGuessingProbability(point.Parameters, Objective, Bound, Math.Min(1.0, value), status,
            solution.Iterations, seconds, solution.Message);
        return Certified(row, relaxation, solution, Math.Min(1.0, value), point);
    }

    public override (SdpProblem? Problem, string Meaning) ProblemAt(PointInput point)
    {
        try
        {
            var r = Relaxation(point);
            return (r.Problem, r.ValueFormula);
        }
        catch (ArgumentException e) { return (null, e.Message); }
    }

    private IRelaxation Relaxation(PointInput point) => _perPoint is { } build ? build(point, CancellationToken.None) : _cache.For(point);
}
