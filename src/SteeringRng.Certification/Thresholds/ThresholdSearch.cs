using System.Diagnostics;
using System.Globalization;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// The threshold of every requested (objective, bound) of one scenario in one parameter, over the parameter's declared
/// range (the span of its grid values): randomness bounds (NS, Glo, Q_k) by bisection, the steering test directly
/// where the state is a white-noise mixture (<see cref="DirectSteeringThreshold"/>) and by bisection otherwise. The
/// jobs are the sweep's (JobPlanner), probed off the grid (<see cref="JobProbe"/>); searches run in parallel.
/// </summary>
public sealed class ThresholdSearch
{
    private readonly ScenarioModel _model;
    private readonly ThresholdRequest _request;
    private readonly RunSettings _settings;
    private readonly IReadOnlyList<BoundJob> _jobs;
    private readonly string? _familyMismatch;

    private ThresholdSearch(ScenarioModel model, ThresholdRequest request, RunSettings settings, IReadOnlyList<BoundJob> jobs, double low, double high)
    {
        (_model, _request, _settings, _jobs, RangeLow, RangeHigh) = (model, request, settings, jobs, low, high);
        _familyMismatch = WhiteNoiseFamily.Mismatch(model, request.Parameter, low, high);
    }

    public double RangeLow { get; }
    public double RangeHigh { get; }
    public IReadOnlyList<BoundJob> Jobs => _jobs;

    /// <exception cref="ScenarioInputException">The parameter is unknown or not the one swept parameter, the width is not
    /// positive, a bound or objective filter names nothing (usage errors), or the scenario cannot be lowered.</exception>
    public static ThresholdSearch Plan(Checked.Scenario scenario, ThresholdRequest request, RunSettings? settings = null)
    {
        settings ??= RunSettings.Default;
        var title = $"scenario '{scenario.Title}'";
        if (!(request.Width > 0) || double.IsInfinity(request.Width))
            throw Usage($"--width must be a positive number, got {request.Width.ToString("R", CultureInfo.InvariantCulture)}.");
        var parameters = scenario.Sweep.Parameters;
        var parameter = parameters.FirstOrDefault(p => p.Name == request.Parameter)
            ?? throw Usage($"--over {request.Parameter}: {title} has no parameter '{request.Parameter}'" +
                           (parameters.Length == 0 ? "." : $"; its parameters are {string.Join(", ", parameters.Select(p => p.Name))}."));
        if (parameter.Kind.IsConstant)
            throw Usage($"--over {parameter.Name}: the parameter is a constant in {title}, not swept; the search range is the declared range, " +
                        $"so declare one (param {parameter.Name} = a .. b step s) or give it with --set \"{parameter.Name}=a .. b step s\".");
        if (parameter.Kind.IsDerived)
            throw Usage($"--over {parameter.Name}: the parameter is derived from others in {title}; search over the parameter it is computed from.");
        var others = parameters.Where(p => p.Name != parameter.Name && !p.Kind.IsConstant).ToList();
        if (others.FirstOrDefault(p => p.Kind.IsDerived) is { } derived)
            throw Usage($"--over {parameter.Name}: {title} has the derived parameter '{derived.Name}', which cannot be recomputed between grid points; " +
                        "write it out in the state instead.");
        if (others.FirstOrDefault() is { } other)
            throw Usage($"--over {parameter.Name}: '{other.Name}' is swept too in {title}; fix it with --set {other.Name}=VALUE.");
        var values = scenario.Sweep.Points.Select(p => p[parameter.Index]).ToArray();
        var (low, high) = (values.Min(), values.Max());
        if (!(low < high))
            throw Usage($"--over {parameter.Name}: the parameter has the single value {low.ToString("R", CultureInfo.InvariantCulture)} in {title}; " +
                        "the search range is the declared range, so give a range.");
        if (scenario.State is null)
            throw new ScenarioInputException($"{title} has no state, so no parameter moves the data; thresholds need a state.");

        ScenarioModel model;
        try { model = new ScenarioModel(scenario); }
        catch (QuantumValidationException e) { throw new ScenarioInputException($"{scenario.Range}: {title}: {e.Message}"); }
        var jobs = JobPlanner.Plan(model, settings.Symmetry);
        if (request.Objective is { } objective)
        {
            if (!jobs.Any(j => j.Objective == objective && j is not SteeringJob))
                throw Usage($"--objective {objective}: {title} has no objective '{objective}'; its objectives are " +
                            $"{string.Join(", ", scenario.Objectives.Select(o => o.Name))}.");
            jobs = jobs.Where(j => j.Objective == objective || j is SteeringJob).ToList();
        }
        if (request.Bounds is { } only)
        {
            var unknown = only.Where(b => !jobs.Any(j => j.Bound == b)).ToList();
            if (unknown.Count > 0)
                throw Usage($"--bounds: {title} requests no bound {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                            $"its bounds are {string.Join(", ", jobs.Select(j => j.Bound).Distinct())}.");
            jobs = jobs.Where(j => only.Contains(j.Bound)).ToList();
        }
        return new ThresholdSearch(model, request, settings, jobs, low, high);
    }

    /// <summary>Every search; Ctrl-C through <paramref name="cancellation"/> ends each one with the bracket it had.</summary>
    public ThresholdReport Execute(ISdpSolver solver, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var buildPoint = _model.Points()[0];
        var results = new ThresholdResult[_jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = _settings.Parallelism };
        // Not cancelled through the options: every search returns its own (interrupted) result instead.
        Parallel.For(0, _jobs.Count, options, i => results[i] = SearchOne(_jobs[i], buildPoint, solver, cancellation));
        return new ThresholdReport(_model.Scenario.Title, _request.Parameter, RangeLow, RangeHigh, _request.Width, _familyMismatch, results,
            cancellation.IsCancellationRequested, clock.Elapsed.TotalSeconds);
    }

    private ThresholdResult SearchOne(BoundJob job, PointInput buildPoint, ISdpSolver solver, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var quantity = QuantityOf(job, out var reason);
        var criterion = new ThresholdCriterion(quantity ?? ThresholdQuantity.Randomness, _request.Tolerance);
        var result = new ThresholdResult
        {
            Objective = job.Objective, Bound = job.Bound, Criterion = criterion, Method = ThresholdMethod.None,
            Outcome = ThresholdOutcome.NotApplicable, Message = reason,
        };
        if (quantity is null) return result;

        var probe = new JobProbe(_model, _request.Parameter, job, buildPoint, criterion, solver, _settings.Sdp);
        ThresholdEvidence Evaluate(double at) => probe.At(at, cancellation);
        var (a, b, w) = (RangeLow, RangeHigh, _request.Width);
        var evaluations = new List<ThresholdEvidence>();
        var notes = new List<string>();
        Bisection.Course course;
        var method = ThresholdMethod.Bisection;
        if (quantity == ThresholdQuantity.Steering && _request.Method == ThresholdMethodChoice.Auto && _familyMismatch is null)
        {
            course = DirectSteeringThreshold.Run(a, b, w, 1.0, Evaluate, cancellation);
            evaluations.AddRange(course.Evaluations);
            method = ThresholdMethod.Direct;
            if (course.Outcome == ThresholdOutcome.Failed && !cancellation.IsCancellationRequested)
            {
                notes.Add("direct method not confirmed (" + course.Message + "); fell back to bisection");
                course = Bisection.Run(a, b, w, Evaluate, cancellation);
                evaluations.AddRange(course.Evaluations);
                method = ThresholdMethod.Bisection;
            }
        }
        else
        {
            course = Bisection.Run(a, b, w, Evaluate, cancellation);
            evaluations.AddRange(course.Evaluations);
        }
        if (course.Message.Length > 0) notes.Add(course.Message);

        var monotonicity = _familyMismatch is null
            ? $"monotone in {_request.Parameter} for a white-noise mixture (concavity, MonotonicityCheck)"
            : $"assumed: the state is not a white-noise mixture in {_request.Parameter} ({_familyMismatch})";
        var outcome = course.Outcome;
        var (atLo, atHi) = (course.AtLo, course.AtHi);
        if (MonotonicityCheck.Violation(evaluations, criterion) is { } violation)
        {
            notes.Add(violation);
            outcome = ThresholdOutcome.NotMonotone;
            monotonicity += "; violated by the evaluated points";
        }
        else monotonicity += $"; checked on the {evaluations.Count(e => e.Decided)} evaluated points";

        var extrapolated = outcome == ThresholdOutcome.Bracketed && quantity == ThresholdQuantity.Randomness && _familyMismatch is null
            ? ChordExtrapolation.ExactThresholdAtMost(atLo!, atHi!) : null;
        var claims = outcome is ThresholdOutcome.Bracketed or ThresholdOutcome.AboveRange or ThresholdOutcome.BelowRange or ThresholdOutcome.Interrupted;
        return result with
        {
            Method = method, Outcome = outcome, Evaluations = evaluations, Monotonicity = monotonicity,
            AtLo = atLo, AtHi = atHi, ExactAtMost = extrapolated,
            // An end is claimed only with its evidence: decided, not past at lo, past at hi (an interrupted search may
            // hold an unconfirmed end, e.g. the direct bracket's high end skipped by Ctrl-C).
            Lo = claims && atLo is { Decided: true, Past: false } ? atLo.At : null,
            Hi = claims && atHi is { Decided: true, Past: true } ? atHi.At : null,
            Message = string.Join("; ", notes), Seconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>What a job's threshold is about, or null (with the reason) when it has none.</summary>
    private static ThresholdQuantity? QuantityOf(BoundJob job, out string reason)
    {
        reason = "";
        switch (job)
        {
            case SteeringJob: return ThresholdQuantity.Steering;
            case RelaxationJob when job.Rank is not null: return ThresholdQuantity.Randomness;
            case RelaxationJob:
                reason = "a Bell objective has no guessing probability, so no randomness threshold";
                return null;
            case SeesawJob:
                reason = "the seesaw bounds H_min from above (explicit attacks); a threshold from it would not certify randomness";
                return null;
            case UnavailableJob u:
                reason = u.Reason;
                return null;
            default:
                reason = $"no threshold for bound '{job.Bound}'";
                return null;
        }
    }

    private static ScenarioInputException Usage(string message) => new(message, isUsage: true);
}
