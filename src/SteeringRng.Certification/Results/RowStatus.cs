namespace SteeringRng.Certification.Results;

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
    public const string TimeLimit = "time-limit";
    public const string NumericalFailure = "numerical-failure";
    public const string Error = "error";
    /// <summary>The point was not computed because the run was interrupted.</summary>
    public const string Skipped = "skipped";
    /// <summary>The bound does not apply to this objective (e.g. Glo for a guess of one party); the reason is the message.</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>Only an optimal row is a certified value; every other status is shown, but flagged.</summary>
    public static bool IsOptimal(string status) => status == Optimal;

    /// <summary>Whether a row with this status carries a number (optimal or near-optimal).</summary>
    public static bool HasValue(string status) => status is Optimal or NearOptimal;
}
