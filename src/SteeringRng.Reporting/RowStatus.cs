namespace SteeringRng.Reporting;

/// <summary>
/// The status words a row can carry. Rows hold the status as a plain string so that a solver or a later
/// stage may add words without a change here; these are the ones the renderers know.
/// </summary>
public static class RowStatus
{
    public const string Optimal = "optimal";
    public const string NearOptimal = "near-optimal";
    public const string Infeasible = "infeasible";
    public const string IterationLimit = "iteration-limit";
    public const string NumericalFailure = "numerical-failure";
    public const string Error = "error";
    /// <summary>The point was not computed because the run was interrupted.</summary>
    public const string Skipped = "skipped";

    /// <summary>Only an optimal row is a certified value; every other status is shown, but flagged.</summary>
    public static bool IsOptimal(string status) => status == Optimal;
}
