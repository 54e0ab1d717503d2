using System.Globalization;

namespace SteeringRng.Certification.Thresholds;

/// <summary>
/// The steering threshold of a white-noise family ρ(μ) = μ ρ(1) + (1 − μ) I/D in one solve: the steering test at the
/// pure end μ = 1 gives v* = max v such that v σ(1) + (1 − v) σ_white is fully LHS (docs/formulations/steering-test.md),
/// and that mixture is exactly σ(v). So σ(μ) is LHS for μ ≤ v* and steerable for μ &gt; v*: μ* = v*(σ(1)). v* is read
/// from the dual (the steering functional), an upper bound on the exact value by the solver's gap (≲ 1e-8).
/// The bracket [μ* − w/2, μ* + w/2] (clipped to the range) is then confirmed by solving at both ends, as a bisection
/// would: v*(μ) = μ*/μ, so the high end reads v* ≈ 1 − w/(2μ*) &lt; 1 − tol when w &gt; 2 μ* tol. If the ends do not
/// confirm it (a width too small for the tolerance, or numbers off), the caller falls back to bisection.
/// </summary>
public static class DirectSteeringThreshold
{
    /// <param name="pureEnd">1 (where ρ(μ) is the family's pure state).</param>
    public static Bisection.Course Run(double a, double b, double width, double pureEnd, Func<double, ThresholdEvidence> evaluate,
        CancellationToken cancellation)
    {
        var evaluations = new List<ThresholdEvidence>();
        Bisection.Course Stop(string outcome, ThresholdEvidence? lo, ThresholdEvidence? hi, string message) => new(outcome, lo, hi, evaluations, message);
        ThresholdEvidence? Solve(double at)
        {
            if (cancellation.IsCancellationRequested) return null;
            var e = evaluate(at);
            evaluations.Add(e);
            return e;
        }
        var pure = Solve(pureEnd);
        // Cut short by Ctrl-C during the solve (a skipped row): interrupted, not failed.
        if (pure is null || (!pure.Decided && cancellation.IsCancellationRequested))
            return Stop(ThresholdOutcome.Interrupted, null, null, "interrupted before the pure end was solved");
        if (!pure.Decided) return Stop(ThresholdOutcome.Failed, null, null, $"no value at the pure end {pureEnd:R} ({pure.Status}): {pure.Message}");
        var star = pure.Value!.Value * pureEnd;
        var note = string.Create(CultureInfo.InvariantCulture, $"μ* = v*(pure end) = {star:R}");
        if (star >= b) return Confirm(b, null);
        if (star < a) return Confirm(null, a);
        return Confirm(Math.Max(a, star - width / 2), Math.Min(b, star + width / 2));

        // Solve at the claimed ends; the claim stands only if "not past" at lo and "past" at hi.
        Bisection.Course Confirm(double? lo, double? hi)
        {
            var atLo = lo is { } l ? Solve(l) : null;
            var atHi = hi is { } h ? Solve(h) : null;
            if (cancellation.IsCancellationRequested || (lo is not null && atLo is null) || (hi is not null && atHi is null))
                return Stop(ThresholdOutcome.Interrupted, atLo, atHi, "interrupted while confirming the direct bracket; " + note);
            var confirmed = (atLo is null || (atLo.Decided && !atLo.Past)) && (atHi is null || (atHi.Decided && atHi.Past));
            if (!confirmed) return Stop(ThresholdOutcome.Failed, atLo, atHi, "the ends do not confirm the direct bracket; " + note);
            var outcome = (lo, hi) switch
            {
                (null, _) => ThresholdOutcome.BelowRange,
                (_, null) => ThresholdOutcome.AboveRange,
                _ => ThresholdOutcome.Bracketed,
            };
            return Stop(outcome, atLo, atHi, note);
        }
    }
}
