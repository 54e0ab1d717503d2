using SteeringRng.Certification.Results;

namespace SteeringRng.Certification.Run;

/// <summary>How a sweep point ended, for progress displays (<see cref="IPointProgress"/>).</summary>
public enum PointOutcome
{
    /// <summary>Every row has a value (or is not applicable).</summary>
    Succeeded,

    /// <summary>A row that was computed has no value (infeasible, numerical failure, error, ...).</summary>
    Failed,

    /// <summary>Cut short by an interruption: some rows were skipped, and no computed row failed.</summary>
    Interrupted,
}

/// <summary>The one classification of a point's rows as a <see cref="PointOutcome"/>.</summary>
public static class PointOutcomes
{
    /// <summary>
    /// A failure among the rows computed is news and wins; rows skipped because the run was interrupted are not a
    /// failure of the point (they were never tried), so a point with only those is <see cref="PointOutcome.Interrupted"/>.
    /// </summary>
    public static PointOutcome Of(IEnumerable<ResultRow> rows)
    {
        var statuses = rows.Select(r => r.Status).ToList();
        if (statuses.Any(s => s != RowStatus.Skipped && s != RowStatus.NotApplicable && !RowStatus.HasValue(s))) return PointOutcome.Failed;
        return statuses.Contains(RowStatus.Skipped) ? PointOutcome.Interrupted : PointOutcome.Succeeded;
    }
}
