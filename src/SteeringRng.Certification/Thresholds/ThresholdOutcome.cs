namespace SteeringRng.Certification.Thresholds;

/// <summary>How a search ended. Plain strings (like RowStatus) so that the JSON and the table carry the same words.</summary>
public static class ThresholdOutcome
{
    /// <summary>A bracket [lo, hi] of at most the requested width: not past at lo, past at hi.</summary>
    public const string Bracketed = "bracketed";

    /// <summary>Already past at the range's low end: the threshold is at or below it.</summary>
    public const string BelowRange = "below-range";

    /// <summary>Not past even at the range's high end: no threshold in the range.</summary>
    public const string AboveRange = "above-range";

    /// <summary>The evaluated values are not monotone in the parameter: no bracket is claimed.</summary>
    public const string NotMonotone = "not-monotone";

    /// <summary>A solve gave no value, so the search could not go on (the message says where and why).</summary>
    public const string Failed = "failed";

    /// <summary>Ctrl-C: the bracket so far (wider than requested) is kept.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>No threshold for this bound (e.g. a Bell objective, the seesaw, Glo for a single-party guess).</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>Whether the outcome is an answer (a bracket, or a statement about the whole range).</summary>
    public static bool IsAnswer(string outcome) => outcome is Bracketed or BelowRange or AboveRange;
}
