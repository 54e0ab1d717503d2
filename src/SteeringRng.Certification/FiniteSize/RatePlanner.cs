using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Planning from a model (docs/formulations/finite-size.md §7): with the expected statistics w_exp of the model and the
/// protocol's γ, δ and ε's, the EAT rate per round as a function of n (next to the asymptotic (1 − γ)·H_min), and the n
/// needed for m output bits. One dual (found once, <see cref="FiniteSizeAnalysis.Eat"/>'s reference search) serves every
/// n: the rate at fixed dual is a closed formula, so a curve costs no solves.
/// </summary>
public static class RatePlanner
{
    /// <summary>The largest n a plan searches (beyond it the request is refused, SR1225).</summary>
    public const double MaxRounds = 1e18;

    /// <summary>The rate curve at the given n (as data; plotting is the caller's).</summary>
    public static IReadOnlyList<PlanPoint> Curve(IGuessingProgram program, AffineGuessingBound dual, ProtocolParameters protocol,
        IReadOnlyList<double> expected, IEnumerable<double> rounds, CancellationToken cancel = default)
    {
        var points = new List<PlanPoint>();
        foreach (var n in rounds)
        {
            cancel.ThrowIfCancellationRequested();
            points.Add(PointAt(program, dual, protocol.WithRounds(n), expected));
        }
        return points;
    }

    /// <summary>n = 10^{e} for e = from, from + step, …, to (a log-spaced grid for a curve).</summary>
    public static IEnumerable<double> LogGrid(double fromExponent, double toExponent, double step)
    {
        for (var e = fromExponent; e <= toExponent + 1e-9; e += step) yield return Math.Round(Math.Pow(10, e));
    }

    public static PlanPoint PointAt(IGuessingProgram program, AffineGuessingBound dual, ProtocolParameters protocol, IReadOnlyList<double> expected)
    {
        var r = FiniteSizeAnalysis.EatWithDual(program, dual, protocol, expected);
        var entropy = r.Terms.Rate > 0 ? protocol.Rounds * r.Terms.Rate : 0;
        return new PlanPoint(protocol.Rounds, r.Terms.Rate, r.AsymptoticRate, entropy,
            EntropyAccumulation.OutputBits(entropy, protocol.EpsilonExtraction), r.CompletenessError, r.Terms.Beta);
    }

    /// <summary>
    /// The smallest n (to a relative precision of 1e-6) with at least <paramref name="outputBits"/> output bits. The
    /// output m(n) = ⌊n·rate(n) − 2 log2(1/ε_ext)⌋ is non-decreasing in n (rate(n) is: for each β the loss decreases in
    /// n, so does its minimum), so doubling to a bracket and bisecting finds the smallest such n.
    /// </summary>
    public static RoundsPlan RoundsFor(IGuessingProgram program, AffineGuessingBound dual, ProtocolParameters protocol,
        IReadOnlyList<double> expected, long outputBits, CancellationToken cancel = default)
    {
        if (outputBits <= 0) throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"the requested output must be at least 1 bit, got {outputBits}");
        bool Enough(double n) => PointAt(program, dual, protocol.WithRounds(n), expected).OutputBits >= outputBits;
        double lo = 1, hi = Math.Max(2, outputBits);
        while (!Enough(hi))
        {
            cancel.ThrowIfCancellationRequested();
            lo = hi;
            hi *= 2;
            if (hi > MaxRounds)
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.PlanInfeasible, string.Create(CultureInfo.InvariantCulture,
                    $"{outputBits} output bits need more than {MaxRounds:G3} rounds at this γ and δ (asymptotic rate {PointAt(program, dual, protocol.WithRounds(MaxRounds), expected).AsymptoticRate:G4} bits per round)"));
        }
        while (hi - lo > Math.Max(1, 1e-6 * lo))
        {
            cancel.ThrowIfCancellationRequested();
            var mid = Math.Floor((lo + hi) / 2);
            if (Enough(mid)) hi = mid; else lo = mid;
        }
        var n = Math.Ceiling(hi);
        return new RoundsPlan(outputBits, n, PointAt(program, dual, protocol.WithRounds(n), expected), dual, program.Description);
    }
}
