using System.Globalization;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The two analyses of a run's counts (docs/formulations/finite-size.md): <see cref="Iid"/> (label "i.i.d.") and
/// <see cref="Eat"/> (label "EAT", entropy accumulation against general attacks). Both read the dual of the guessing
/// relaxation through <see cref="IGuessingProgram.BoundAt"/>.
/// </summary>
public static class FiniteSizeAnalysis
{
    /// <summary>
    /// i.i.d. mode: the Hoeffding confidence region of the test statistics at ε_s (<see cref="ConfidenceRegion"/>); the
    /// largest P_g over it; H_min per generation round and k = n(1 − γ)·H_min. The largest P_g comes from the guessing
    /// relaxation over the box (data equalities as two-sided inequalities, certified: <see cref="IRegionGuessingProgram"/>)
    /// when the program has one and every radius is finite; the two-point affine bound (the certified dual at ŵ and at
    /// the box's worst corner, max over the box of α + λ·w = α + λ·ŵ + Σ|λ_k| t_k) is always computed as a cross-check
    /// and used when the relaxation is unavailable, uncertified or (never, up to rounding) larger. The method used is in
    /// <see cref="IidResult.Method"/>.
    /// </summary>
    public static IidResult Iid(IGuessingProgram program, ProtocolParameters protocol, EventCounts counts, CancellationToken cancel = default)
    {
        var statistics = program.Statistics;
        protocol.Validate(statistics.Count);
        var region = ConfidenceRegion.Hoeffding(statistics, counts, protocol.EpsilonSmoothing);
        var (twoPoint, twoPointValue) = TwoPointBound(program, region, cancel);
        RegionGuessingBound? relaxation = null;
        var relaxationNote = "";
        if (program is IRegionGuessingProgram regional && region.Radius.All(double.IsFinite))
        {
            try
            {
                relaxation = regional.MaxOverBox(region.Center, region.Radius, cancel);
                if (!relaxation.Certified) relaxationNote = $"; the relaxation over the box is not certified ({relaxation.Method})";
            }
            catch (FiniteSizeInputException e) { relaxationNote = $"; the relaxation over the box is unavailable ({e.Message})"; }
        }
        var useRelaxation = relaxation is { Certified: true } r
            && (!twoPoint.Certified || r.Dual.MaxOverBox(region.Center, region.Radius) <= twoPointValue);
        var best = useRelaxation ? relaxation!.Dual : twoPoint;
        var bestValue = useRelaxation ? relaxation!.Dual.MaxOverBox(region.Center, region.Radius) : twoPointValue;
        var pg = Math.Min(1.0, bestValue);
        var h = pg > 0 ? -Math.Log2(pg) : 0;
        var k = protocol.Rounds * (1 - protocol.TestProbability) * h;
        var certified = best.Certified && h > 0;
        var method = useRelaxation ? IidResult.RelaxationMethod : IidResult.TwoPointMethod;
        return new IidResult
        {
            Region = region, Dual = best, PguessOverRegion = pg, HminPerGenerationRound = h, TotalEntropy = k,
            OutputBits = certified ? EntropyAccumulation.OutputBits(k, protocol.EpsilonExtraction) : 0,
            Certified = certified, Method = method,
            RelaxationPguess = relaxation is { Certified: true } ? relaxation.Pguess : null,
            TwoPointPguess = twoPoint.Certified ? twoPointValue : null,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"i.i.d. analysis (valid only if every round is independent and identically distributed): region {ConfidenceRegion.Inequality}, ε = ε_s = {protocol.EpsilonSmoothing:G3}, N = {counts.TestRounds} test rounds; P_g over the region by {method}")
                + relaxationNote + (best.Certified ? "" : $"; the dual is not certified: {best.Method}"),
        };
    }

    /// <summary>The affine bound of the dual at ŵ and at the box's worst corner (the tangent there), whichever has the
    /// smaller maximum over the box.</summary>
    private static (AffineGuessingBound Dual, double MaxOverBox) TwoPointBound(IGuessingProgram program, ConfidenceRegion region, CancellationToken cancel)
    {
        var dual = program.BoundAt(region.Center, cancel);
        var best = dual;
        var bestValue = dual.MaxOverBox(region.Center, region.Radius);
        try
        {
            var corner = program.BoundAt(dual.WorstCorner(region.Center, region.Radius), cancel);
            var value = corner.MaxOverBox(region.Center, region.Radius);
            if (corner.Certified && value < bestValue) { best = corner; bestValue = value; }
        }
        catch (FiniteSizeInputException) { /* the corner is not a possible statistic: keep the first dual */ }
        return (best, bestValue);
    }

    /// <summary>
    /// EAT mode: for each reference statistic v along <paramref name="search"/> (default: v = w_exp) the dual gives
    /// f_v, and the rate at the acceptance box's worst point with β optimised (<see cref="EntropyAccumulation.Rate"/>);
    /// the best certified v is kept. With <paramref name="counts"/> the acceptance test is applied first (a failed test
    /// is an aborted run: no entropy).
    /// </summary>
    public static EatResult Eat(IGuessingProgram program, ProtocolParameters protocol, IReadOnlyList<double> expected,
        EventCounts? counts = null, ReferenceSearch? search = null, CancellationToken cancel = default)
    {
        var statistics = program.Statistics;
        protocol.Validate(statistics.Count);
        AcceptanceTest.Outcome? acceptance = counts is null ? null : AcceptanceTest.Check(statistics, counts, expected, protocol);
        var (dual, terms) = BestReference(program, protocol, expected, search ?? ReferenceSearch.At(expected), cancel);
        return Result(program, protocol, expected, dual, terms, acceptance);
    }

    /// <summary>The EAT result of a given dual (no solve): planning reuses one dual for many n.</summary>
    public static EatResult EatWithDual(IGuessingProgram program, AffineGuessingBound dual, ProtocolParameters protocol, IReadOnlyList<double> expected)
    {
        var terms = EntropyAccumulation.Rate(program.Statistics, dual, protocol, program.GenerationOutcomes, expected);
        return Result(program, protocol, expected, dual, terms, null);
    }

    private static EatResult Result(IGuessingProgram program, ProtocolParameters protocol, IReadOnlyList<double> expected,
        AffineGuessingBound dual, EatTerms terms, AcceptanceTest.Outcome? acceptance)
    {
        var pgExpected = Math.Min(1.0, dual.Evaluate(expected));
        var asymptotic = (1 - protocol.TestProbability) * -Math.Log2(pgExpected);
        var accepted = acceptance?.Accepted;
        var k = accepted == false || !(terms.Rate > 0) ? 0 : protocol.Rounds * terms.Rate;
        var certified = dual.Certified && terms.Rate > 0 && accepted != false;
        var note = accepted == false ? acceptance!.Reason
            : !dual.Certified ? $"the dual is not certified: {dual.Method}"
            : !(terms.Rate > 0) ? "the EAT rate is not positive at this n: no certified entropy"
            : "entropy accumulation (Brown–Ragy–Colbeck second-order terms); assumptions in docs/formulations/finite-size.md §5.1";
        return new EatResult
        {
            Dual = dual, Terms = terms, AsymptoticRate = asymptotic, TotalEntropy = certified ? k : 0,
            OutputBits = certified ? EntropyAccumulation.OutputBits(k, protocol.EpsilonExtraction) : 0,
            CompletenessError = Completeness.Error(program.Statistics, expected, protocol),
            Accepted = accepted, Certified = certified, Note = note,
        };
    }

    /// <summary>Grid over t, then golden section around the best grid point (ReferenceSearch).</summary>
    internal static (AffineGuessingBound Dual, EatTerms Terms) BestReference(IGuessingProgram program, ProtocolParameters protocol,
        IReadOnlyList<double> expected, ReferenceSearch search, CancellationToken cancel)
    {
        var cache = new Dictionary<double, (AffineGuessingBound, EatTerms)?>();
        (AffineGuessingBound, EatTerms)? uncertified = null;
        (AffineGuessingBound, EatTerms)? At(double t)
        {
            if (cache.TryGetValue(t, out var hit)) return hit;
            cancel.ThrowIfCancellationRequested();
            (AffineGuessingBound, EatTerms)? r = null;
            try
            {
                var dual = program.BoundAt(search.Path(t), cancel);
                var terms = EntropyAccumulation.Rate(program.Statistics, dual, protocol, program.GenerationOutcomes, expected);
                if (dual.Certified) r = (dual, terms);
                else uncertified ??= (dual, terms); // reported (not certified) only when no candidate is certified
            }
            catch (FiniteSizeInputException) when (search.GridPoints > 1) { /* v(t) is not a possible statistic: skip it */ }
            cache[t] = r;
            return r;
        }
        static double Rate((AffineGuessingBound, EatTerms)? r) => r is { } x ? x.Item2.Rate : double.NegativeInfinity;
        var grid = Math.Max(1, search.GridPoints);
        var ts = grid == 1 ? [0.0] : Enumerable.Range(0, grid).Select(i => i / (double)(grid - 1)).ToArray();
        var bestT = ts.MaxBy(t => Rate(At(t)));
        if (grid > 1 && search.RefineSteps > 0)
        {
            var h = 1.0 / (grid - 1);
            double lo = Math.Max(0, bestT - h), hi = Math.Min(1, bestT + h);
            var phi = (Math.Sqrt(5) - 1) / 2;
            for (var i = 0; i < search.RefineSteps; i++)
            {
                double x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo);
                if (Rate(At(x1)) >= Rate(At(x2))) hi = x2; else lo = x1;
            }
            foreach (var t in cache.Keys.ToArray())
                if (Rate(cache[t]) > Rate(At(bestT))) bestT = t;
        }
        if (At(bestT) is { } best) return best;
        if (uncertified is { } fallback) return fallback;
        throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, "no reference statistic on the search path gave a certified dual");
    }
}
