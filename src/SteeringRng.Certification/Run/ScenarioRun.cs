using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Jobs;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Results;
using SteeringRng.Quantum;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Run;

/// <summary>
/// One checked scenario, lowered and planned: its model (parties, measurements, state per point), its jobs
/// (objective × bound) and its sweep points. <see cref="Execute"/> computes every row; <see cref="Problems"/>
/// gives the SDPs without solving them (for export).
/// </summary>
public sealed class ScenarioRun
{
    private ScenarioRun(ScenarioModel model, IReadOnlyList<BoundJob> jobs, RunSettings settings)
    {
        Model = model;
        Jobs = jobs;
        Settings = settings;
        Points = model.Points();
        _dataNotes = new Data.DataRowNotes(model.MeasuredAssemblage, settings.Symmetry, model.MeasuredData?.Form);
    }

    private readonly Data.DataRowNotes _dataNotes;

    public ScenarioModel Model { get; }
    public IReadOnlyList<BoundJob> Jobs { get; }
    public IReadOnlyList<PointInput> Points { get; }
    public RunSettings Settings { get; }
    public string Title => Model.Scenario.Title;

    /// <exception cref="ScenarioInputException">A measurement fails the physical check, or <see cref="RunSettings.Bounds"/> names a bound the scenario does not request.</exception>
    public static ScenarioRun Plan(Checked.Scenario scenario, RunSettings? settings = null)
    {
        settings ??= RunSettings.Default;
        ScenarioModel model;
        try { model = new ScenarioModel(scenario); }
        catch (QuantumValidationException e) { throw new ScenarioInputException($"{scenario.Range}: scenario '{scenario.Title}': {e.Message}"); }
        var jobs = JobPlanner.Plan(model, settings.Symmetry);
        if (settings.Bounds is { } only)
        {
            var unknown = only.Where(b => !jobs.Any(j => j.Bound == b)).ToList();
            if (unknown.Count > 0)
                throw new ScenarioInputException($"--bounds: scenario '{scenario.Title}' requests no bound {string.Join(", ", unknown.Select(u => $"'{u}'"))}; " +
                                                 $"its bounds are {string.Join(", ", jobs.Select(j => j.Bound).Distinct())}.", isUsage: true);
            jobs = jobs.Where(j => only.Contains(j.Bound)).ToList();
        }
        if (!settings.Certify)
        {
            foreach (var job in jobs.OfType<RelaxationJob>()) job.Certify = false;
            foreach (var job in jobs.OfType<SteeringJob>()) job.Certify = false;
        }
        if (settings.CertificateDirectory is { } directory)
        {
            var sink = new Certificates.DirectoryCertificateSink(directory);
            foreach (var job in jobs.OfType<RelaxationJob>()) job.Certificates = sink;
            foreach (var job in jobs.OfType<SteeringJob>()) job.Certificates = sink;
        }
        return new ScenarioRun(model, jobs, settings);
    }

    /// <summary>Every job at every point (points in parallel); Ctrl-C through <paramref name="cancellation"/> keeps the rows computed so far.</summary>
    /// <exception cref="ScenarioInputException">A relaxation's estimated memory exceeds the limit (<see cref="MemoryRefusal"/>) and <see cref="RunSettings.Force"/> is not set.</exception>
    public RunReport Execute(ISdpSolver solver, IPointProgress? progress = null, CancellationToken cancellation = default) =>
        ExecutePoints(solver, null, progress, cancellation).Report;

    /// <summary>
    /// Every job at the points <paramref name="only"/> names (indices into <see cref="Points"/>, in order; null: all), and
    /// the point of each row. The points keep the full sweep's first point as <see cref="PointInput.SweepStart"/>, so the
    /// relaxations are built where a run of the whole sweep builds them and a shard's rows equal that run's, bit for bit.
    /// </summary>
    /// <exception cref="ScenarioInputException">A relaxation's estimated memory exceeds the limit and <see cref="RunSettings.Force"/> is not set,
    /// or a relaxation cannot be represented at all (<see cref="Representability"/>; --force or not).</exception>
    public (RunReport Report, IReadOnlyList<int> RowPoints) ExecutePoints(ISdpSolver solver, IReadOnlyList<int>? only,
        IPointProgress? progress = null, CancellationToken cancellation = default)
    {
        if (Refusal() is { } refusal)
            throw new ScenarioInputException($"scenario '{Title}': {refusal}");
        var points = only is null ? Points : only.Select(i => Points[i]).ToList();
        var runner = new SweepRunner(solver, Settings.Sdp) { Parallelism = Settings.Parallelism };
        var (byPoint, interrupted) = runner.RunByPoint(points, Jobs, progress, cancellation);
        var rows = byPoint.SelectMany(p => p.Rows).Select(_dataNotes.Annotate).ToList();
        // Measured data that were repaired say so, with the distance, in every row (never silently).
        if (Model.MeasuredData is { Note.Length: > 0 } measured)
            rows = rows.Select(r => r with { Message = r.Message.Length == 0 ? measured.Note : r.Message + "; " + measured.Note }).ToList();
        var rowPoints = byPoint.SelectMany(p => p.Rows.Select(_ => p.Point.Index)).ToList();
        var dataNote = Model.MeasuredData is { Note.Length: > 0 } data ? data.Note : null;
        return (new RunReport(Title, rows, interrupted) { DataNote = dataNote }, rowPoints);
    }

    /// <summary>
    /// Why the relaxations must not be built (from the jobs' estimates, before anything is built), or null: a size that
    /// cannot be represented (always), or an estimate over the memory limit unless <see cref="RunSettings.Force"/>. Every
    /// command that builds relaxations (run, export) asks this first.
    /// </summary>
    public string? Refusal() => Representability.Refusal(Jobs) ?? (Settings.Force ? null : MemoryRefusal());

    /// <summary>Why the run would not fit in memory (from the jobs' estimates, before anything is built), or null when it fits.</summary>
    public string? MemoryRefusal()
    {
        var (limit, source) = Settings.MemoryLimit is { } set ? (set, "--memory-limit") : (MemoryBudget.Available, "the memory available to this process");
        var concurrent = Math.Min(Settings.Parallelism, Points.Count);
        return MemoryBudget.Refusal(Jobs, limit, concurrent, source, job => ReducedEstimate(job, e => MemoryBudget.Needed(e, concurrent) <= limit));
    }

    /// <summary>The job's estimate with the data's symmetry at the sweep's first point (where the relaxation is built), or
    /// null: symmetry off, measured data (another relaxation), or data that cannot be evaluated (the run reports that).</summary>
    private RelaxationEstimate? ReducedEstimate(BoundJob job, Func<RelaxationEstimate, bool> fits)
    {
        if (!Settings.Symmetry || Model.MeasuredData is not null || Points.Count == 0) return null;
        try { return SymmetricEstimate.Of(Model, job.Objective, job.Bound, Points[0].SweepStart.Assemblage, fits); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or QuantumValidationException) { return null; }
    }

    /// <summary>Each job's SDP at each point (or the reason it has none), in point order, without solving.</summary>
    public IEnumerable<(BoundJob Job, PointInput Point, SdpProblem? Problem, string Meaning)> Problems()
    {
        foreach (var point in Points)
            foreach (var job in Jobs)
            {
                var (problem, meaning) = job.ProblemAt(point);
                yield return (job, point, problem, meaning);
            }
    }
}
