namespace SteeringRng.Certification.Thresholds;

/// <summary>The thresholds of one scenario: the searched parameter, its declared range, and one result per (objective, bound).</summary>
/// <param name="FamilyMismatch">Null when the state is a white-noise mixture in the parameter (monotone, direct method available); else why not.</param>
public sealed record ThresholdReport(string Scenario, string Parameter, double RangeLow, double RangeHigh, double Width,
    string? FamilyMismatch, IReadOnlyList<ThresholdResult> Results, bool Interrupted, double Seconds);
