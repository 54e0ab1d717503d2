namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// Bisection on the parameter for the smallest value past the threshold, given that "past" is monotone (false below,
/// true above; see <see cref="MonotonicityCheck"/> for why this holds for white-noise mixtures). Invariant: not past at
/// lo, past at hi; each step halves hi − lo, so ⌈log2((b − a) / width)⌉ solves after the two ends.
/// </summary>
public static class Bisection
{
    /// <summary>The raw course of a search: its outcome, the bracket and every evaluation.</summary>
    public sealed record Course(string Outcome, ThresholdEvidence? AtLo, ThresholdEvidence? AtHi, IReadOnlyList<ThresholdEvidence> Evaluations, string Message);

    /// <param name="a">The range's low end.</param>
    /// <param name="b">The range's high end (a &lt; b).</param>
    /// <param name="width">Stop when hi − lo ≤ width.</param>
    /// <param name="evaluate">Solves the bound at a parameter value (cancellation ends in an undecided, skipped point).</param>
    public static Course Run(double a, double b, double width, Func<double, ThresholdEvidence> evaluate, CancellationToken cancellation)
    {
        if (!(a < b)) throw new ArgumentException($"the range [{a}, {b}] is empty", nameof(b));
        if (!(width > 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "the width must be positive");
        var evaluations = new List<ThresholdEvidence>();
        ThresholdEvidence? Solve(double at)
        {
            if (cancellation.IsCancellationRequested) return null;
            var e = evaluate(at);
            evaluations.Add(e);
            return e;
        }
        Course Stop(string outcome, ThresholdEvidence? lo, ThresholdEvidence? hi, string message) => new(outcome, lo, hi, evaluations, message);
        Course? Undecided(ThresholdEvidence? e, ThresholdEvidence? lo, ThresholdEvidence? hi)
        {
            if (e is null || cancellation.IsCancellationRequested)
                return Stop(ThresholdOutcome.Interrupted, lo, hi, "interrupted; the bracket so far is wider than requested");
            if (!e.Decided)
                return Stop(ThresholdOutcome.Failed, lo, hi, $"no value at {e.At:R} ({e.Status}): {e.Message}");
            return null;
        }

        var high = Solve(b);
        if (Undecided(high, null, null) is { } stopHigh) return stopHigh;
        if (!high!.Past) return Stop(ThresholdOutcome.AboveRange, high, null, "not past the threshold even at the range's high end");
        var low = Solve(a);
        if (Undecided(low, null, high) is { } stopLow) return stopLow;
        if (low!.Past) return Stop(ThresholdOutcome.BelowRange, null, low, "past the threshold already at the range's low end");

        var (lo, hi) = (low, high);
        while (hi.At - lo.At > width)
        {
            var mid = Solve(lo.At + (hi.At - lo.At) / 2);
            if (Undecided(mid, lo, hi) is { } stopMid) return stopMid;
            if (mid!.Past) hi = mid;
            else lo = mid;
        }
        return Stop(ThresholdOutcome.Bracketed, lo, hi, "");
    }
}
