using SteeringRng.Certification.FiniteSize;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// The plan of a declared protocol from its model (docs/formulations/finite-protocol.md §3): the EAT rate per round
/// against n (next to the asymptotic (1 − γ)·H_min of the same dual) on a log grid, the point at the declared n, and the
/// smallest n for the declared output length (RatePlanner of the finite-size library), all with the declared reference
/// v = (1 − η)·w_exp + η·u of the min-tradeoff function, as the run will use it. With <c>optimiseReference</c>, also the η
/// that maximises the rate at the declared n (<see cref="BestReference"/>), to be declared before the data.
/// </summary>
public sealed record ProtocolPlan(BoundProtocol Protocol, IReadOnlyList<PlanPoint> Curve, PlanPoint AtDeclared, RoundsPlan? ForOutput, string Description,
    ReferenceAdvice? BestReference = null)
{
    /// <summary>n = 10^3 … 10^14 in steps of 10^0.25: the curve's grid.</summary>
    public static IEnumerable<double> Grid => RatePlanner.LogGrid(3, 14, 0.25);

    /// <summary>The largest η searched (a reference deeper inside the set has smaller slopes but a looser tangent).</summary>
    public const double MaxReferenceNoise = 0.4;

    public static ProtocolPlan Make(BoundProtocol protocol, long? outputBits, ISdpSolver? solver, CancellationToken cancel, bool optimiseReference = false)
    {
        var program = new SteeringGuessingProgram(protocol.Run.Model, protocol.Guess, protocol.Spec, solver);
        var parameters = FiniteSizeRunAnalysis.Parameters(protocol, program.Statistics.Count);
        var expected = protocol.ExpectedProbabilities;
        var declaredReference = ReferenceSearch.Mixed(expected, program.Statistics, protocol.Declared.ReferenceNoise);
        var eat = FiniteSizeAnalysis.Eat(program, parameters, expected, search: ReferenceSearch.At(declaredReference), cancel: cancel);
        // m as `steer finite` will compute it: the published counts' cost comes off k first (PublishedCounts).
        var events = protocol.Layout.Rows;
        var curve = RatePlanner.Curve(program, eat.Dual, parameters, expected, Grid, cancel).Select(p => AfterPublishing(p, events)).ToList();
        var at = AfterPublishing(RatePlanner.PointAt(program, eat.Dual, parameters, expected), events);
        var bits = outputBits ?? protocol.Declared.OutputBits;
        var rounds = bits is { } m ? RoundsFor(program, eat.Dual, parameters.WithRounds, expected, m, events, cancel) : null; // at the declared δ
        ReferenceAdvice? advice = null;
        if (optimiseReference)
        {
            // Grid and golden section over η ∈ [0, MaxReferenceNoise] at the declared n (FiniteSizeAnalysis.BestReference);
            // the η found is reported as a number to declare, and rounded to 3 decimals so the line is short.
            var best = FiniteSizeAnalysis.Eat(program, parameters, expected, search: ReferenceSearch.TowardsUniform(expected, program.Statistics, MaxReferenceNoise), cancel: cancel);
            var eta = Math.Round(NoiseOf(best.Dual.Reference, expected, program.Statistics), 3);
            var atEta = FiniteSizeAnalysis.Eat(program, parameters, expected, search: ReferenceSearch.At(ReferenceSearch.Mixed(expected, program.Statistics, eta)), cancel: cancel);
            advice = new ReferenceAdvice(eta, atEta.Terms.Rate, eat.Terms.Rate);
        }
        return new ProtocolPlan(protocol, curve, at, rounds, program.Description + (eat.Dual.Certified ? "; dual certified: " + eat.Dual.Method : "; dual NOT certified: " + eat.Dual.Method), advice);
    }

    /// <summary>The point with m lowered by the published counts' ⌈E log2(n + 1)⌉ bits (an integer, so ⌊k − 2 log2(1/ε_ext)⌋
    /// less it is ⌊k − published − 2 log2(1/ε_ext)⌋, the run's m).</summary>
    private static PlanPoint AfterPublishing(PlanPoint p, int events) =>
        p with { OutputBits = Math.Max(0, p.OutputBits - PublishedCounts.Bits(events, (long)Math.Ceiling(p.Rounds))) };

    /// <summary>
    /// The smallest n whose m, after the published counts, reaches <paramref name="bits"/>: RatePlanner.RoundsFor for
    /// m + ⌈E log2(n' + 1)⌉ at the n' of the previous pass, until n stops growing (the cost grows with n, so each pass
    /// asks at least as much as the last; at the fixed point the request is exactly the run's cost at that n).
    /// </summary>
    private static RoundsPlan RoundsFor(IGuessingProgram program, AffineGuessingBound dual, Func<double, ProtocolParameters> at,
        IReadOnlyList<double> expected, long bits, int events, CancellationToken cancel)
    {
        var plan = RatePlanner.RoundsFor(program, dual, at, expected, bits + PublishedCounts.Bits(events, 1), cancel);
        for (var pass = 0; pass < 8; pass++)
        {
            var next = RatePlanner.RoundsFor(program, dual, at, expected, bits + PublishedCounts.Bits(events, (long)Math.Ceiling(plan.Rounds)), cancel);
            if (next.Rounds <= plan.Rounds) return next with { RequestedBits = bits, Point = AfterPublishing(next.Point, events) };
            plan = next;
        }
        // Not settled (never seen): ask for the cost at twice the last n, which bounds every later pass's request.
        var safe = RatePlanner.RoundsFor(program, dual, at, expected, bits + PublishedCounts.Bits(events, 2 * (long)Math.Ceiling(plan.Rounds)), cancel);
        return safe with { RequestedBits = bits, Point = AfterPublishing(safe.Point, events) };
    }

    /// <summary>η of a reference on the path (the dual's reference is the path point projected onto possible statistics,
    /// which leaves it unchanged up to rounding): the least-squares η of v − w = η (u − w).</summary>
    private static double NoiseOf(IReadOnlyList<double> v, IReadOnlyList<double> expected, TestStatistics statistics)
    {
        var u = ReferenceSearch.Mixed(expected, statistics, 1);
        double num = 0, den = 0;
        for (var c = 0; c < v.Count; c++) { num += (v[c] - expected[c]) * (u[c] - expected[c]); den += (u[c] - expected[c]) * (u[c] - expected[c]); }
        return den > 0 ? Math.Clamp(num / den, 0, MaxReferenceNoise) : 0;
    }
}

/// <summary>The best reference noise η at the declared n and the EAT rates there with it and with the declared η.</summary>
public sealed record ReferenceAdvice(double Noise, double Rate, double DeclaredRate);
