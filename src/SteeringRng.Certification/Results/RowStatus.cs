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
    /// <summary>
    /// A seesaw row whose attack passed the independent check but meets no proven relaxation bound: its P_g is a
    /// verified lower bound on Eve's optimal P_g (H^Dim an upper bound on H), not a proven optimum. A verified attack
    /// that meets a relaxation bound of the same run within the target tolerance is <see cref="Optimal"/> instead.
    /// </summary>
    public const string VerifiedAttack = "verified-attack";

    /// <summary>Only an optimal row is a certified value; every other status is shown, but flagged.</summary>
    public static bool IsOptimal(string status) => status == Optimal;

    /// <summary>Whether a row with this status carries a number (optimal, near-optimal or a verified attack).</summary>
    public static bool HasValue(string status) => status is Optimal or NearOptimal or VerifiedAttack;

    /// <summary>
    /// Whether the row is a success for <c>steer run</c>'s exit code: its number is exactly what it claims to be. A
    /// verified attack counts (a seesaw proves optimality only when a relaxation in the same run meets it, so treating
    /// it as a failure would fail every seesaw-only run); near-optimal rows are handled separately (exit code 1).
    /// </summary>
    public static bool IsSuccess(string status) => status is Optimal or VerifiedAttack;
}
