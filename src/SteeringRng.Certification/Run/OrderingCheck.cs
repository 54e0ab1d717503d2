using System.Globalization;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Run;

/// <summary>
/// The ordering H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ … ≤ H^Dim (docs/formulations/bound-ordering.md) at one point and objective: a looser
/// bound allows Eve at least as much, so its P_g must not be below a tighter one's by more than the tolerance.
/// A violated pair means one of the two numbers is wrong: both rows become errors that say so (never a silent
/// number). Only optimal and near-optimal rows take part.
/// </summary>
public static class OrderingCheck
{
    public const double Tolerance = 1e-6;

    public static IReadOnlyList<ResultRow> Apply(IReadOnlyList<(BoundRank? Rank, ResultRow Row)> rows, double tolerance = Tolerance)
    {
        var result = rows.Select(r => r.Row).ToArray();
        var notes = new Dictionary<int, List<string>>();
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < rows.Count; j++)
            {
                var (ri, a) = rows[i];
                var (rj, b) = rows[j];
                if (i == j || ri is null || rj is null || a.Objective != b.Objective || !ri.IsLooserThan(rj)) continue;
                if (a.Pguess is not { } looser || b.Pguess is not { } tighter || !HasValue(a) || !HasValue(b)) continue;
                var excess = tighter - looser;
                if (excess <= tolerance) continue;
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"ordering violated: H^[{a.Bound}] <= H^[{b.Bound}] must hold, but P_g[{b.Bound}] = {tighter:G10} exceeds P_g[{a.Bound}] = {looser:G10} by {excess:E2} (tolerance {tolerance:E1}); neither number is reliable");
                foreach (var k in new[] { i, j })
                {
                    if (!notes.TryGetValue(k, out var list)) notes[k] = list = [];
                    list.Add(text);
                }
            }
        foreach (var (k, list) in notes)
        {
            var row = result[k];
            var message = string.Join("; ", new[] { row.Message }.Concat(list.Distinct()).Where(m => m.Length > 0));
            result[k] = ResultRow.Failed(row.Parameters, row.Objective, row.Bound, RowStatus.Error, message, row.Iterations, row.Seconds);
        }
        return result;
    }

    private static bool HasValue(ResultRow row) => RowStatus.HasValue(row.Status);
}
