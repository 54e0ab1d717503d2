using System.Diagnostics;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Gaussian.Realisation;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Quantum.Gaussian;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>
/// Runs a CV scenario (continuous-variables.md §7–§8): per sweep point the network's Gaussian state, then per objective
/// the binning periods (searched by <see cref="BinningPeriodSearch"/> where a setting says <c>period optimise</c>,
/// maximising the objective's FIRST bound), then every bound at those periods. Rows carry the chosen periods in their
/// message. Points run in parallel (<see cref="RunSettings.Parallelism"/>).
/// </summary>
public static class CvRun
{
    /// <summary>The network's output state at a point: vacuum inputs, then the operations in order.</summary>
    public static GaussianState StateAt(CvScenario s, IReadOnlyDictionary<string, double> point)
    {
        int n = s.Modes.Count;
        var state = GaussianState.Vacuum(n);
        foreach (var op in s.Operations)
            state = op switch
            {
                CvOperation.Squeeze q => state.Apply(SymplecticMap.Squeezer(n, q.Mode,
                    q.Decibels ? Squeezing.FromDecibels(q.Amount.Evaluate(point)) : q.Amount.Evaluate(point), q.Angle.Evaluate(point))),
                CvOperation.BeamSplitter b => state.Apply(SymplecticMap.BeamSplitter(n, b.First, b.Second, b.Transmission.Evaluate(point))),
                CvOperation.Phase p => state.Apply(SymplecticMap.PhaseShift(n, p.Mode, p.Angle.Evaluate(point))),
                CvOperation.Loss l => state.Loss(l.Mode, l.Transmission.Evaluate(point)),
                CvOperation.Thermal t => state.WithThermal(t.Mode, t.MeanPhotons.Evaluate(point)),
                _ => throw new InvalidOperationException("unknown CV operation"),
            };
        return state;
    }

    /// <summary>The settings at a point with the searched periods (in the order of <see cref="FreePeriods"/>).</summary>
    public static IReadOnlyList<IReadOnlyList<HomodyneSetting>> SettingsAt(CvScenario s, IReadOnlyDictionary<string, double> point, IReadOnlyList<double> free)
    {
        int next = 0;
        var result = new List<IReadOnlyList<HomodyneSetting>>();
        for (int party = 0; party < s.Settings.Count; party++)
        {
            int bins = s.Bins[party];
            var list = new List<HomodyneSetting>();
            foreach (var setting in s.Settings[party])
            {
                double period = setting.Period switch
                {
                    CvPeriod.Fixed f => f.Value.Evaluate(point),
                    CvPeriod.Optimise => free[next++],
                    _ => HomodyneSetting.UnbiasedPeriod(bins, list[0].Period),
                };
                list.Add(new HomodyneSetting(setting.Angle.Evaluate(point), bins, period));
            }
            result.Add(list);
        }
        return result;
    }

    /// <summary>The settings whose period is searched, as (party, setting) in order, with their ranges.</summary>
    public static IReadOnlyList<(int Party, int Setting, CvPeriod.Optimise Range)> FreePeriods(CvScenario s) =>
        s.Settings.SelectMany((settings, party) => settings.Select((x, k) => (party, k, x.Period)))
            .Where(t => t.Period is CvPeriod.Optimise).Select(t => (t.party, t.k, (CvPeriod.Optimise)t.Period)).ToArray();

    /// <summary>The data the bounds see at a point and periods.</summary>
    public static Assemblage DataAt(CvScenario s, GaussianState state, IReadOnlyDictionary<string, double> point, IReadOnlyList<double> free)
    {
        var g = GaussianAssemblage.Build(state, s.Trusted.Mode, s.Untrusted.Select(n => n.Mode).ToArray(), SettingsAt(s, point, free), s.Trusted.Cutoff);
        return s.Renormalise ? g.Renormalised : g.Projected;
    }

    private static GuessTarget GuessOf(CvObjective o) =>
        new(o.Targets.Select(t => t.Party).ToArray(), o.Targets.Select(t => t.Setting).ToArray());

    public static RunReport Execute(CvScenario s, ISdpSolver solver, RunSettings? settings = null, Action<string>? progress = null,
        CancellationToken cancellation = default)
    {
        settings ??= RunSettings.Default;
        var points = s.Points();
        var rows = new List<ResultRow>[points.Count];
        var free = FreePeriods(s);
        var seesaw = s.Bounds.OfType<BoundSpec.Dimension>().FirstOrDefault();
        var single = RunSettings.Default with { Parallelism = 1, Sdp = settings.Sdp, Symmetry = settings.Symmetry };
        // One set of relaxations per objective for the whole run (every point, every period tried): built once, then
        // only the data are swapped (ReusedRelaxations). The search needs only the first bound's value, uncertified.
        var partyCount = s.Untrusted.Count;
        var searchJobs = s.Objectives.ToDictionary(o => o.Name, o => new ReusedRelaxations(GuessOf(o), partyCount, [s.Bounds[0]], solver, single, certify: false));
        var rowJobs = s.Objectives.ToDictionary(o => o.Name, o => new ReusedRelaxations(GuessOf(o), partyCount, s.Bounds, solver, single, certify: true));
        // The cores left over by the points (a single point, as in a threshold run) evaluate the search's grid in parallel.
        int inner = Math.Max(1, settings.Parallelism / Math.Max(1, Math.Min(points.Count, settings.Parallelism)));
        int done = 0;
        ParameterSet ParametersOf(IReadOnlyDictionary<string, double> point) => new(s.SweptNames.Select(n => KeyValuePair.Create(n, point[n])));
        try
        {
        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellation }, i =>
        {
            var point = points[i];
            var parameters = ParametersOf(point);
            var state = StateAt(s, point);
            var list = new List<ResultRow>();
            foreach (var objective in s.Objectives)
            try
            {
                var clock = Stopwatch.StartNew();
                IReadOnlyList<double> periods = [];
                string searchNote = "";
                if (free.Count > 0)
                {
                    // The search box: every free period shares the search's grid; each keeps its own range.
                    var lower = free.Min(f => f.Range.Lower);
                    var upper = free.Max(f => f.Range.Upper);
                    var search = s.Search with { Lower = lower, Upper = upper, Parallelism = inner };
                    var optimum = search.Maximise(free.Count, t =>
                    {
                        var clamped = t.Select((x, k) => Math.Clamp(x, free[k].Range.Lower, free[k].Range.Upper)).ToArray();
                        var row = searchJobs[objective.Name].Run(DataAt(s, state, point, clamped), cancellation)[0];
                        return row.Hmin ?? double.NegativeInfinity;
                    }, cancellation);
                    periods = optimum.Periods.Select((x, k) => Math.Clamp(x, free[k].Range.Lower, free[k].Range.Upper)).ToArray();
                    searchNote = $"; {optimum.Evaluations} period evaluations, {clock.Elapsed.TotalSeconds:F1} s";
                }
                var data = DataAt(s, state, point, periods);
                // The seesaw's first start: a Fock-truncated model of the same data (Realisation/FockRealisation, §9).
                string? model = null;
                var results = rowJobs[objective.Name].Run(data, seesaw is null ? null : () =>
                {
                    var (realisation, reason) = FockRealisation.Build(state, s.Trusted.Mode, s.Trusted.Cutoff,
                        s.Untrusted.Select(n => n.Mode).ToArray(), SettingsAt(s, point, periods), data, seesaw.Options.Dimension, cancellation);
                    model = reason;
                    return realisation;
                }, cancellation);
                if (model is not null)
                    results = results.Select(r => r.Bound != seesaw!.Name ? r
                        : r.Status == RowStatus.NotApplicable ? r with { Status = RowStatus.Error, Message = model }
                        : r with { Message = $"{model}; {r.Message}" }).ToArray();
                var note = free.Count == 0 ? "" : "periods " + string.Join(", ", free.Select((f, k) =>
                    $"{s.Untrusted[f.Party].Name}.{s.Settings[f.Party][f.Setting].Label} {periods[k]:F3}")) + searchNote;
                list.AddRange(results.Select(r => r with
                {
                    Parameters = parameters, Objective = objective.Name,
                    Message = string.IsNullOrEmpty(r.Message) ? note : note.Length == 0 ? r.Message : $"{r.Message}; {note}",
                }));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or QuantumValidationException)
            {
                // A point whose data cannot be computed (e.g. a period needing too many Fourier terms) is a row with the reason.
                list.AddRange(s.Bounds.Select(b => ResultRow.Failed(parameters, objective.Name, b.Name, RowStatus.Error, e.Message)));
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C during the period search: this objective's rows are skipped, the rows already computed are kept.
                list.AddRange(s.Bounds.Select(b => ResultRow.Failed(parameters, objective.Name, b.Name, RowStatus.Skipped, "the run was interrupted during this row")));
            }
            rows[i] = list;
            var count = Interlocked.Increment(ref done);
            progress?.Invoke($"{s.Title}: point {count}/{points.Count} ({string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value:G4}"))}): "
                + string.Join("; ", list.Select(r => $"{r.Objective} {r.Bound} H = {r.Hmin:F6}")));
        });
        }
        catch (OperationCanceledException) { } // points not started are skipped rows, below
        // Points that never started (the run was interrupted first) are rows too, so the report shows what is missing.
        for (int i = 0; i < points.Count; i++)
            rows[i] ??= s.Objectives.SelectMany(o => s.Bounds.Select(b =>
                ResultRow.Failed(ParametersOf(points[i]), o.Name, b.Name, RowStatus.Skipped, "the run was interrupted before this row"))).ToList();
        return new RunReport(s.Title, rows.SelectMany(r => r).ToArray(), Interrupted: cancellation.IsCancellationRequested);
    }
}
