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
        return new PlanPoint(protocol.Rounds, protocol.TestProbability, protocol.Tolerances, r.Terms.Rate, r.AsymptoticRate, entropy,
            EntropyAccumulation.OutputBits(entropy, protocol.EpsilonExtraction), r.CompletenessError, r.Terms.Beta);
    }

    /// <summary>
    /// The smallest tolerances δ_k that keep the completeness error at most ε_c (split evenly over the K statistics), the
    /// inverse of <see cref="Completeness.Error"/>: Chernoff δ = √(3 g w ln(2K/ε_c) / (γ n)) while δ ≤ w, else
    /// δ = max(w, 3 g ln(K/ε_c)/(γ n)) (upper tail only); Hoeffding δ = R' √(ln(2K/ε_c) / (2 n γ²)). A statistic the honest
    /// devices never produce (w = 0 of an event count) gets δ = 0.
    /// </summary>
    public static double[] TolerancesFor(TestStatistics statistics, IReadOnlyList<double> expected, double n, double gamma, double epsilonCompleteness)
    {
        var k = statistics.Count;
        var delta = new double[k];
        for (var i = 0; i < k; i++)
        {
            var g = statistics.Coefficients[i];
            var positive = g.Where(x => x != 0).Distinct().ToArray();
            if (positive.Length == 1 && positive[0] > 0)
            {
                var w = expected[i];
                if (w <= 0) continue;
                var d = Math.Sqrt(3 * positive[0] * w * Math.Log(2 * k / epsilonCompleteness) / (gamma * n));
                delta[i] = d <= w ? d : Math.Max(w * (1 + 1e-12), 3 * positive[0] * Math.Log(k / epsilonCompleteness) / (gamma * n));
            }
            else
            {
                var range = Math.Max(g.Max(), 0) - Math.Min(g.Min(), 0);
                delta[i] = range * Math.Sqrt(Math.Log(2 * k / epsilonCompleteness) / (2 * n * gamma * gamma));
            }
        }
        return delta;
    }

    /// <summary>The protocol at n with the tolerances of <see cref="TolerancesFor"/> (δ shrinks as n^{-1/2}).</summary>
    public static Func<double, ProtocolParameters> CompleteAt(ProtocolParameters protocol, TestStatistics statistics, IReadOnlyList<double> expected) =>
        n => protocol with { Rounds = n, Tolerances = TolerancesFor(statistics, expected, n, protocol.TestProbability, protocol.EpsilonCompleteness) };

    /// <summary>
    /// The smallest n (to a relative precision of 1e-6) with at least <paramref name="outputBits"/> output bits, the
    /// protocol at each n given by <paramref name="protocolAt"/> (fixed δ: <c>p.WithRounds</c>; δ from the completeness
    /// target: <see cref="CompleteAt"/>). m(n) = ⌊n·rate(n) − 2 log2(1/ε_ext)⌋ is non-decreasing in n when δ does not grow
    /// with n (for each β the loss falls with n, so does its minimum, and the worst point moves towards w_exp), so
    /// doubling to a bracket and bisecting finds the smallest such n.
    /// </summary>
    public static RoundsPlan RoundsFor(IGuessingProgram program, AffineGuessingBound dual, Func<double, ProtocolParameters> protocolAt,
        IReadOnlyList<double> expected, long outputBits, CancellationToken cancel = default)
    {
        if (outputBits <= 0) throw new FiniteSizeInputException(FiniteSizeDiagnostics.ParameterRange, $"the requested output must be at least 1 bit, got {outputBits}");
        bool Enough(double n) => PointAt(program, dual, protocolAt(n), expected).OutputBits >= outputBits;
        double lo = 1, hi = Math.Max(2, outputBits);
        while (!Enough(hi))
        {
            cancel.ThrowIfCancellationRequested();
            lo = hi;
            hi *= 2;
            if (hi > MaxRounds)
                throw new FiniteSizeInputException(FiniteSizeDiagnostics.PlanInfeasible, string.Create(CultureInfo.InvariantCulture,
                    $"{outputBits} output bits need more than {MaxRounds:G3} rounds (asymptotic rate {PointAt(program, dual, protocolAt(MaxRounds), expected).AsymptoticRate:G4} bits per round)"));
        }
        while (hi - lo > Math.Max(1, 1e-6 * lo))
        {
            cancel.ThrowIfCancellationRequested();
            var mid = Math.Floor((lo + hi) / 2);
            if (Enough(mid)) hi = mid; else lo = mid;
        }
        var n = Math.Ceiling(hi);
        return new RoundsPlan(outputBits, n, PointAt(program, dual, protocolAt(n), expected), dual, program.Description);
    }

    /// <summary>
    /// <see cref="RoundsFor"/> with δ from the completeness target (<see cref="CompleteAt"/>) at each γ of
    /// <paramref name="gammas"/>, keeping the smallest n (γ trades test rounds against the variance term ∝ 1/γ).
    /// </summary>
    public static RoundsPlan RoundsForBestGamma(IGuessingProgram program, AffineGuessingBound dual, ProtocolParameters protocol,
        IReadOnlyList<double> expected, long outputBits, IEnumerable<double> gammas, CancellationToken cancel = default) =>
        RoundsForBest(program, [dual], protocol, expected, outputBits, gammas, cancel);

    /// <summary>
    /// The smallest n over every dual (reference statistic) and γ given: the reference search of planning. A dual read
    /// at a reference a little inside the set (e.g. mixed with white noise) has smaller slopes λ, so smaller
    /// second-order terms, at the price of a larger P_g at w_exp; which wins depends on n.
    /// </summary>
    public static RoundsPlan RoundsForBest(IGuessingProgram program, IEnumerable<AffineGuessingBound> duals, ProtocolParameters protocol,
        IReadOnlyList<double> expected, long outputBits, IEnumerable<double> gammas, CancellationToken cancel = default)
    {
        RoundsPlan? best = null;
        foreach (var dual in duals.Where(d => d.Certified))
        foreach (var gamma in gammas)
        {
            var p = protocol with { TestProbability = gamma };
            p.Validate(program.Statistics.Count);
            RoundsPlan plan;
            try { plan = RoundsFor(program, dual, CompleteAt(p, program.Statistics, expected), expected, outputBits, cancel); }
            catch (FiniteSizeInputException e) when (e.Code == FiniteSizeDiagnostics.PlanInfeasible) { continue; }
            if (best is null || plan.Rounds < best.Rounds) best = plan;
        }
        return best ?? throw new FiniteSizeInputException(FiniteSizeDiagnostics.PlanInfeasible, $"{outputBits} output bits need more than {MaxRounds:G3} rounds with every certified dual and γ tried");
    }
}
