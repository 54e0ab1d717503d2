using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// One evaluation of a search: the parameter value, the bound's value there (P_g or v*) with its solver status, and
/// whether it is past the threshold. A point without a value (failed solve, interrupted) decides nothing.
/// </summary>
public sealed record ThresholdEvidence(double At, double? Value, string Status, bool Past, string Message, int? Iterations, double? Seconds)
{
    /// <summary>Whether the point has a value (optimal or near-optimal), so <see cref="Past"/> means something.</summary>
    public bool Decided => Value is not null && RowStatus.HasValue(Status);

    public static ThresholdEvidence Of(double at, ResultRow row, ThresholdCriterion criterion)
    {
        var value = RowStatus.HasValue(row.Status) ? criterion.ValueOf(row) : null;
        return new ThresholdEvidence(at, value, row.Status, value is { } v && criterion.IsPast(v), row.Message, row.Iterations, row.Seconds);
    }
}
