namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The smallest n (found by <see cref="RatePlanner.RoundsFor"/>) whose EAT analysis gives at least the requested output
/// bits m = ⌊n·rate(n) − 2 log2(1/ε_ext)⌋, with the point there (rate, completeness) and the dual used.
/// </summary>
public sealed record RoundsPlan(long RequestedBits, double Rounds, PlanPoint Point, AffineGuessingBound Dual, string Description);
