using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Input;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;

namespace SteeringRng.Certification.Data;

/// <summary>
/// Measured frequencies are never exactly no-signalling (docs/formulations/measured-probabilities.md, "Repair"). By
/// default they are refused, naming the worst violation; with <c>repair = nearest</c> they are projected onto the
/// nearest no-signalling, normalised data in the weighted norm Σ_i (Δp_i / s_i)², s_i² = (p̂_i (1 − p̂_i) + 1/N_i)/N_i
/// the multinomial variance of the frequency p̂_i of a setting tuple with N_i counts (the 1/N_i keeps zero-count cells
/// from having zero variance), so the distance is in standard deviations; probabilities without counts use s_i = 1.
/// </summary>
public static class ProbabilityRepair
{
    /// <summary>Violations of no-signalling up to this size are round-off (data computed from a model).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>The data to certify from, and what was done to them ("" when nothing).</summary>
    /// <exception cref="ScenarioInputException">The data signal and no repair was asked for.</exception>
    /// <param name="npa">The scenario's npa bounds: the repaired data lie in every one of their Q_k sets (none: positive data).</param>
    public static (double[] Values, string Note) Apply(string file, ProbabilityTable table, ProbabilityLayout layout, bool repair,
        IReadOnlyList<BoundSpec.Npa>? npa = null)
    {
        var worst = WorstSignalling(table, layout);
        if (worst.Size <= Tolerance) return (table.Values, "");
        if (!repair)
            throw new ScenarioInputException($"{file}: the data are not no-signalling: {worst.Text}; add 'repair = nearest' to project them onto the nearest no-signalling data (the distance is reported in every row)");
        var sigma = StandardDeviations(table);
        var weights = sigma.Select(s => 1 / (s * s)).ToArray();
        var nearest = layout.Form.Nearest(table.Values, weights);
        var positivity = ValidityStep(file, layout, table, weights, npa ?? [], ref nearest);
        var delta = nearest.Select((q, i) => q - table.Values[i]).ToArray();
        var largest = Enumerable.Range(0, delta.Length).MaxBy(i => Math.Abs(delta[i]));
        var chi = Math.Sqrt(delta.Select((d, i) => d * d / (sigma[i] * sigma[i])).Sum());
        var where = layout.Events().First(e => e.Row == largest);
        var note = table.FromCounts
            ? string.Create(CultureInfo.InvariantCulture,
                $"repaired (repair = nearest): {(positivity.Contains("projected onto") ? "valid" : "no-signalling")} data at {chi:0.###} standard deviations (weighted norm over {delta.Length} frequencies); {RepairStatistic.Describe(table, layout, nearest, Dof(table, layout))}; largest change {delta[largest]:+0.###e+0;-0.###e+0} at {layout.DescribeEvent(where.Settings, where.Outcomes)}; worst violation before: {worst.Text}")
            : string.Create(CultureInfo.InvariantCulture,
                $"repaired (repair = nearest): {(positivity.Contains("projected onto") ? "valid" : "no-signalling")} data at Euclidean distance {chi:0.###e+0} over {delta.Length} probabilities, largest change {delta[largest]:+0.###e+0;-0.###e+0} at {layout.DescribeEvent(where.Settings, where.Outcomes)}; worst violation before: {worst.Text}");
        note += positivity + StatisticalScale(table, layout, chi);
        var negative = nearest.Min();
        if (negative < -Tolerance)
            note += string.Create(CultureInfo.InvariantCulture, $"; the repaired data have a negative probability ({negative:0.###e+0}), so no assemblage may fit them (rows infeasible)");
        return (nearest, note);
    }

    /// <summary>
    /// Validity (docs/formulations/measured-probabilities.md, "Repair"): when the no-signalling repair
    /// <paramref name="nearest"/> has no positive assemblage (its least-norm σ has a negative eigenvalue), or when the
    /// scenario has npa bounds, replace it by the nearest positive, no-signalling, normalised data in the same weighted
    /// norm that lie in every declared Q_k set (one SDP, PositiveDataRepair.nearestWithin, with the Q_k relaxations'
    /// moment variables; DataFeasibility), mixed toward the maximally mixed data so that every bound is strictly
    /// feasible; say so. "" when the no-signalling repair is kept.
    /// </summary>
    private static string ValidityStep(string file, ProbabilityLayout layout, ProbabilityTable table, double[] weights,
        IReadOnlyList<BoundSpec.Npa> npa, ref double[] nearest)
    {
        var least = PositiveDataRepair.carrierLeastEigenvalue(layout.Form, nearest);
        if (least >= -PositivityTolerance && npa.Count == 0) return "";
        var chiNs = WeightedDistance(nearest, table.Values, weights);
        var sets = npa.Select(n => QuantumSet(layout, n)).ToArray();
        var mixingDistance = table.FromCounts ? InteriorMixingDistance : 0;
        // Counts: a mix of weight ≥ SolverMargin/√N (it shrinks with the statistics, so H keeps approaching the ideal value),
        // plus the move in standard deviations. Probabilities carry no statistical scale: the fixed interior margin.
        var interior = table.Totals is { } totals ? SolverMargin / Math.Sqrt(totals.Min()) : PositiveDataRepair.interiorWeight;
        PositiveDataRepair.Result repaired;
        var positive = least >= -PositivityTolerance;
        try { repaired = PositiveDataRepair.nearestWithin(layout.Form, table.Values, weights, sets, interior, mixingDistance, CancellationToken.None); }
        catch (InvalidOperationException e) when (positive)
        {
            return $"; the repair onto {string.Join(" and ", sets.Select(q => q.Name))} did not solve ({e.Message}): the positive no-signalling repair is kept, and the Q_k rows say whether it is in their set";
        }
        catch (InvalidOperationException e) { throw new ScenarioInputException($"{file}: {e.Message}"); }
        // A positive no-signalling repair that the projection onto Q_k does not move (no further than the solver's accuracy)
        // is already in every Q_k set: kept as it is, without a mix (its relaxations have an interior unless it is pure).
        if (positive && WeightedDistance(repaired.Projected, table.Values, weights) <= chiNs + 1e-6 * Math.Max(1, chiNs))
            return string.Create(CultureInfo.InvariantCulture, $"; the no-signalling repair is positive and in {string.Join(" and ", sets.Select(q => q.Name))} (the projection onto it moves the data no further), kept");
        nearest = repaired.Values;
        var target = sets.Length == 0 ? "positive, no-signalling, normalised data" : $"positive, no-signalling, normalised data in {string.Join(" and ", sets.Select(q => q.Name))}";
        var before = least < -PositivityTolerance
            ? string.Create(CultureInfo.InvariantCulture, $"the least-norm σ of the no-signalling repair (at {chiNs:0.###}) had a negative eigenvalue ({least:0.###e+0})")
            : string.Create(CultureInfo.InvariantCulture, $"the no-signalling repair (at {chiNs:0.###}) is positive but need not be quantum");
        return string.Create(CultureInfo.InvariantCulture,
            $"; validity: {before}, so the data were projected onto {target} (an SDP in the same norm; {repaired.SolverStatus}, at {WeightedDistance(repaired.Projected, table.Values, weights):0.###}) and mixed with the maximally mixed data (weight {repaired.MixingWeight:0.###e+0}, a move of {repaired.MixingDistance:0.###} {(mixingDistance > 0 ? "sd" : "in the Euclidean norm")}) to lie strictly inside (least eigenvalue now {repaired.LeastEigenvalue:0.###e+0})");
    }

    /// <summary>s_i: the multinomial standard deviation of each frequency, √((p̂_i (1 − p̂_i) + 1/N_i)/N_i); 1 without counts.</summary>
    public static double[] StandardDeviations(ProbabilityTable table) =>
        table.Values.Select((p, i) => table.Totals is { } n ? Math.Sqrt((p * (1 - p) + 1 / n[i]) / n[i]) : 1.0).ToArray();

    /// <summary>The Q_k set of an npa bound as a constraint on the data: the Q_k relaxation of a guess of the first
    /// untrusted party's first setting (any guess has the same feasible set: σ ∈ Q_k), built in full.</summary>
    public static DataFeasibility QuantumSet(ProbabilityLayout layout, BoundSpec.Npa npa) =>
        DataFeasibility.Of(layout.Form, a => Relaxations.QLevel(a, [0], [0], NpaGeneratingSet.Of(npa), false), "Q" + (npa.Text ?? npa.Level.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// For counts: how far (in standard deviations, the weighted norm χ; so no frequency moves by more than this many
    /// of its own standard deviations) the repair's result is mixed toward the maximally mixed data, so that it lies
    /// strictly inside every relaxation's set (docs/formulations/measured-probabilities.md, "Repair": at a quarter of one
    /// standard deviation the W-like counts solve at N = 10³ … 10⁷). The weight is κ/‖Λm − p‖_W ∝ 1/√N: it vanishes with
    /// the statistics. P_g is concave in the data and 1 at the maximally mixed data, so the mix can only lower H.
    /// </summary>
    public const double InteriorMixingDistance = 0.25;

    /// <summary>
    /// For counts: the least mixing weight is SolverMargin/√N (N the smallest setting-tuple total): 10⁻⁶ at N = 10⁷, the
    /// weight at which the relaxations of the W-like counts were measured to solve there, falling as N^(−1/2) — so its
    /// cost in H falls as N^(−1/4), the statistics' own rate (docs/formulations/measured-probabilities.md, "Repair"). With
    /// a weight ∝ 1/N (one event per setting tuple) several rows at N = 10⁶, 10⁷ ended in numerical failure (measured).
    /// </summary>
    public const double SolverMargin = 3.2e-3;

    /// <summary>Least eigenvalues of a repaired σ down to this are round-off (the relaxations' own tolerance is larger).</summary>
    public const double PositivityTolerance = 1e-12;

    private static double WeightedDistance(double[] a, double[] b, double[] weights) =>
        Math.Sqrt(a.Select((x, i) => (x - b[i]) * (x - b[i]) * weights[i]).Sum());

    /// <summary>
    /// The repair's size against pure sampling noise: frequencies of T setting tuples have m − T free values (each
    /// tuple sums to 1), valid data rank(Λ) − 1 (normalised), so χ² of the no-signalling repair of unbiased
    /// frequencies is about χ² with m − T − (rank Λ − 1) degrees of freedom: mean √dof for χ.
    /// </summary>
    private static string StatisticalScale(ProbabilityTable table, ProbabilityLayout layout, double chi)
    {
        if (!table.FromCounts) return "";
        var dof = Dof(table, layout);
        return dof <= 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"; sampling noise alone gives about √{dof} = {Math.Sqrt(dof):0.#} sd ({chi / Math.Sqrt(dof):0.##}× that)");
    }

    /// <summary>Degrees of freedom of a repair of frequencies: m − T free frequencies (T setting tuples) less rank Λ − 1 of valid data.</summary>
    private static int Dof(ProbabilityTable table, ProbabilityLayout layout)
    {
        var tuples = layout.Events().Select(e => string.Join(",", e.Settings)).Distinct().Count();
        return layout.Rows - tuples - (PositiveDataRepair.rank(layout.Form) - 1);
    }

    /// <summary>
    /// The largest no-signalling violation: for a node k, the others' joint distribution at fixed settings
    /// p(others | settings of others, s_k) = Σ_{a_k} p must not depend on s_k. Returns its size and a description.
    /// </summary>
    public static (double Size, string Text) WorstSignalling(ProbabilityTable table, ProbabilityLayout layout)
    {
        var nodes = layout.Nodes;
        var events = layout.Events().ToArray();
        (double Size, string Text) worst = (0, "");
        foreach (var k in nodes)
        {
            // Marginal of the others, keyed by (others' settings and outcomes), per setting of k.
            var marginals = new Dictionary<string, Dictionary<int, (double P, double N)>>();
            foreach (var e in events)
            {
                var key = string.Join(" ", nodes.Where(n => n.Index != k.Index).Select(n => $"{n.Name}={n.Settings[e.Settings[n.Index]].Label}:{e.Outcomes[n.Index]}"));
                if (!marginals.TryGetValue(key, out var bySetting)) marginals[key] = bySetting = [];
                var s = e.Settings[k.Index];
                var (p, n) = bySetting.GetValueOrDefault(s);
                bySetting[s] = (p + table.Values[e.Row], table.Totals?[e.Row] ?? 0);
            }
            foreach (var (key, bySetting) in marginals)
            {
                var lo = bySetting.MinBy(p => p.Value.P);
                var hi = bySetting.MaxBy(p => p.Value.P);
                var size = hi.Value.P - lo.Value.P;
                if (size <= worst.Size) continue;
                var sd = table.FromCounts
                    ? Math.Sqrt(hi.Value.P * (1 - hi.Value.P) / hi.Value.N + lo.Value.P * (1 - lo.Value.P) / lo.Value.N)
                    : 0;
                var inSd = sd > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({size / sd:0.##} standard deviations)") : "";
                worst = (size, string.Create(CultureInfo.InvariantCulture,
                    $"p({key}) changes by {size:0.###e+0}{inSd} between {k.Name}.{k.Settings[lo.Key].Label} and {k.Name}.{k.Settings[hi.Key].Label} (signalling from {k.Name})"));
            }
        }
        return worst;
    }
}
