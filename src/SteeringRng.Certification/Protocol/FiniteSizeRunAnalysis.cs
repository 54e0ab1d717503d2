using SteeringRng.Certification.FiniteSize;
using SteeringRng.Extraction;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Protocol;

/// <summary>
/// The run's two analyses through the finite-size library (Certification/FiniteSize; docs/formulations/finite-size.md):
/// a thin adapter from a bound protocol and a run's observation to <see cref="FiniteSizeAnalysis.Eat"/> and
/// <see cref="FiniteSizeAnalysis.Iid"/> with the steering guessing program of the protocol's scenario, objective and
/// bound; the statistics are every conditional probability p(o | s) with the protocol's δ, expected at the model.
/// <see cref="Recompute"/> re-derives each entropy from the recorded dual with the library's closed formulas (no solve).
/// </summary>
public sealed class FiniteSizeRunAnalysis(ISdpSolver? solver = null) : IRunAnalysis
{
    public const string EatLabel = "EAT (general attacks, quantum side information)";
    public const string IidLabel = "i.i.d. (valid only against i.i.d. attacks)";

    public IReadOnlyList<AnalysisRecord> Analyse(BoundProtocol protocol, RunObservation observation, CancellationToken cancel)
    {
        var program = Program(protocol);
        var parameters = Parameters(protocol, program.Statistics.Count);
        var counts = new EventCounts(observation.Counts, observation.GenerationRounds);
        // The reference v of the min-tradeoff function is the declared one (fixed before the data, as the EAT requires).
        var reference = ReferenceSearch.At(DeclaredReference(protocol, program));
        var eat = FiniteSizeAnalysis.Eat(program, parameters, protocol.ExpectedProbabilities, counts, reference, cancel);
        var iid = FiniteSizeAnalysis.Iid(program, parameters, counts, cancel);
        return [EatRecord(eat), IidRecord(iid, observation)];
    }

    public double Recompute(BoundProtocol protocol, RunObservation observation, AnalysisRecord recorded)
    {
        if (recorded.Dual is not { } d) return 0;
        var program = Program(protocol);
        var parameters = Parameters(protocol, program.Statistics.Count);
        var dual = new AffineGuessingBound(d.Reference, d.Alpha, d.Lambda, double.NaN, d.Certified, d.Method, 0);
        var counts = new EventCounts(observation.Counts, observation.GenerationRounds);
        if (recorded.Kind == EntropyAnalysisKind.Eat)
        {
            var accepted = AcceptanceTest.Check(program.Statistics, counts, protocol.ExpectedProbabilities, parameters).Accepted;
            var eat = FiniteSizeAnalysis.EatWithDual(program, dual, parameters, protocol.ExpectedProbabilities);
            var certified = dual.Certified && eat.Terms.Rate > 0 && accepted;
            return certified ? parameters.Rounds * eat.Terms.Rate : 0;
        }
        var region = ConfidenceRegion.Hoeffding(program.Statistics, counts, parameters.EpsilonSmoothing);
        var pg = Math.Min(1.0, dual.MaxOverBox(region.Center, region.Radius));
        var h = pg > 0 ? -Math.Log2(pg) : 0;
        return IidEntropy(parameters.Rounds * (1 - parameters.TestProbability) * h, h, observation);
    }

    public string? BoxFault(BoundProtocol protocol, RunObservation observation, DualRecord dual, CancellationToken cancel)
    {
        if (!dual.Certified) return null;
        var program = Program(protocol);
        var parameters = Parameters(protocol, program.Statistics.Count);
        var region = ConfidenceRegion.Hoeffding(program.Statistics, new EventCounts(observation.Counts, observation.GenerationRounds), parameters.EpsilonSmoothing);
        return program.BoxFault(region.Center, region.Radius, dual.Alpha, dual.Lambda, dual.Point, cancel);
    }

    public string? ReferenceFault(BoundProtocol protocol, DualRecord eatDual)
    {
        var declared = DeclaredReference(protocol, Program(protocol));
        if (eatDual.Reference.Count != declared.Length)
            return $"the EAT dual has {eatDual.Reference.Count} reference values; the protocol declares {declared.Length}";
        // The analysis projects v onto the no-signalling statistics before reading the dual (the declared v is one already,
        // so only the last bits move): a recorded v within ReferenceAgreement of the declared one is the declared one;
        // anything else was chosen after the fact.
        for (var k = 0; k < declared.Length; k++)
            if (!(Math.Abs(eatDual.Reference[k] - declared[k]) <= ReferenceAgreement))
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the EAT dual's reference v[{k}] is {eatDual.Reference[k]:R}; the protocol declares {declared[k]:R} (the min-tradeoff function must be fixed before the data)");
        return null;
    }

    /// <summary>How far a recorded reference entry may sit from the declared one (rounding in the projection onto no-signalling statistics).</summary>
    public const double ReferenceAgreement = 1e-12;

    private static double[] DeclaredReference(BoundProtocol protocol, SteeringRegionProgram program) =>
        ReferenceSearch.Mixed(protocol.ExpectedProbabilities, program.Statistics, protocol.Declared.ReferenceNoise);

    public string? DualFault(BoundProtocol protocol, DualRecord dual, CancellationToken cancel)
    {
        if (!dual.Certified) return null;
        if (dual.Point is not { } point) return "the dual claims a certificate but records no point X̃ to re-prove";
        var program = Program(protocol);
        if (dual.Reference.Count != program.Statistics.Count || dual.Lambda.Count != program.Statistics.Count)
            return $"the dual has {dual.Reference.Count} reference values and {dual.Lambda.Count} λ's; the protocol has {program.Statistics.Count} statistics";
        var proven = program.Recheck(dual.Reference, point, cancel);
        if (!proven.Certified || proven.Exact is not { } exact) return $"its point X̃ does not re-prove: {proven.Method}";
        var margin = exact.Margin(dual.Alpha, dual.Lambda, ExactAffineBound.Domain(program.Statistics));
        return margin.Sign >= 0 ? null
            : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the recorded α, λ are not implied by the re-proven ones: α_recorded + λ_recorded·w falls {(-margin).UpperDouble():G3} below the proven α + λ·w somewhere on the possible statistics (proven α = {proven.Alpha:R})");
    }

    /// <summary>
    /// The library's k = n(1 − γ)·H_min counts the expected number of generation rounds; the guessed outcomes come from
    /// the G actual ones, so the smaller of the two is used (equal when T = γ n). It bounds the whole record the raw
    /// file holds as well: adding the test rounds' classical outcomes never lowers the min-entropy, H_min(AB|E) ≥ H_min(A|E).
    /// </summary>
    private static double IidEntropy(double k, double h, RunObservation observation) => 0.0 + Math.Min(k, observation.GenerationRounds * h); // + 0.0: −0 (h = −log2 1) prints as 0

    /// <summary>One program per protocol: its relaxation and anchor constants serve every analysis and re-proof of a run.</summary>
    private SteeringRegionProgram Program(BoundProtocol p)
    {
        if (!ReferenceEquals(_programFor, p)) (_programFor, _program) = (p, new SteeringRegionProgram(p.Run.Model, p.Guess, p.Spec, solver));
        return _program!;
    }

    private BoundProtocol? _programFor;
    private SteeringRegionProgram? _program;

    public static ProtocolParameters Parameters(BoundProtocol p, int statistics)
    {
        var d = p.Declared;
        return new ProtocolParameters(d.Rounds, d.TestProbability, Enumerable.Repeat(d.Tolerance, statistics).ToArray(),
            Value(d.EpsilonSmoothing), Value(d.EpsilonAccumulation), Value(d.EpsilonExtractor),
            // ε_c is computed (EatResult.CompletenessError), not required: the library only range-checks this bound.
            Math.BitDecrement(1.0));
    }

    /// <summary>ε as a double: 2^−K for an exact power of two, the number written otherwise.</summary>
    public static double Value(ExtractorError e) =>
        e.Exact ? Math.Pow(2, -(double)e.Log2InverseUpper) : double.Parse(e.Text, System.Globalization.CultureInfo.InvariantCulture);

    private static AnalysisRecord EatRecord(EatResult r) => new(
        EntropyAnalysisKind.Eat, EatLabel, r.TotalEntropy, r.Terms.Rate, r.Certified, Dual(r.Dual),
        [
            new("minTradeoffAtWorstPoint", r.Terms.MinTradeoff), new("A", r.Terms.A), new("B", r.Terms.B),
            new("lambdaSpread", r.Terms.LambdaSpread), new("beta", r.Terms.Beta), new("epsilonV", r.Terms.EpsilonV),
            new("epsilonK", r.Terms.EpsilonK), new("epsilonOmega", r.Terms.EpsilonOmega),
            new("asymptoticRate", r.AsymptoticRate), new("completenessError", r.CompletenessError),
        ],
        r.Note);

    private static AnalysisRecord IidRecord(IidResult r, RunObservation observation)
    {
        List<KeyValuePair<string, double>> terms =
        [
            new("pguessOverRegion", r.PguessOverRegion), new("hminPerGenerationRound", r.HminPerGenerationRound), new("regionEpsilon", r.Region.Epsilon),
            // Which method gave pguessOverRegion (1: the certified relaxation over the box, 0: the two-point affine bound;
            // the note names it), and the two-point bound as the cross-check.
            new("pguessByRelaxation", r.Method == IidResult.RelaxationMethod ? 1 : 0),
        ];
        if (r.TwoPointPguess is { } twoPoint) terms.Add(new("pguessTwoPoint", twoPoint));
        return new(EntropyAnalysisKind.Iid, IidLabel, IidEntropy(r.TotalEntropy, r.HminPerGenerationRound, observation), 0.0 + r.HminPerGenerationRound,
            r.Certified, Dual(r.Dual), terms, r.Note);
    }

    private static DualRecord Dual(AffineGuessingBound b) => new(b.Reference, b.Alpha, b.Lambda, b.Certified, b.Method, b.Point);
}
