using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The guessing relaxation of a steering test round from the trusted node's statistics (docs/formulations/finite-size.md
/// §2, docs/formulations/measured-probabilities.md): event classes are (trusted tomography setting and outcome,
/// untrusted settings and outcomes), one per row of the scenario's <see cref="ProbabilityLayout"/>, with every setting
/// tuple equally likely in a test round; the statistics are their conditional probabilities p(a b c | x y z)
/// (<see cref="TestStatistics.ConditionalProbabilities"/>). The relaxation (NS, Glo or Q_k) is always the lifted
/// <see cref="MeasuredDataRelaxation"/> (unobserved directions free, no reconstruction or symmetry reduction), whose data
/// enter only its constants, so one dual gives an affine bound for every statistic.
/// </summary>
public sealed class SteeringGuessingProgram : IGuessingProgram
{
    private readonly ProbabilityLayout _layout;
    private readonly Func<Assemblage, bool, IRelaxation> _build;
    private readonly ISdpSolver _solver;
    private MeasuredDataRelaxation? _relaxation;
    private readonly double[] _white;
    private readonly Assemblage _whiteAssemblage;
    private readonly double[] _domain;
    private readonly AnchorPlan _anchors;

    /// <param name="model">A scenario with a trusted node and a <c>measure</c> line (its <c>data = probabilities</c> layout).</param>
    /// <param name="guess">Whose outcomes Eve guesses, at which settings.</param>
    /// <param name="bound">NS, Glo or an NPA level.</param>
    public SteeringGuessingProgram(ScenarioModel model, GuessTarget guess, BoundSpec bound, ISdpSolver? solver = null)
    {
        if (!model.HasTrustedNode)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, "a steering test needs a trusted node; use DeviceIndependentGuessingProgram without one");
        _layout = model.MeasuredData?.Layout ?? new ProbabilityLayout(model);
        var (parties, settings) = (guess.Parties.ToArray(), guess.Settings.ToArray());
        _build = GuessingRelaxationBuilder.For(guess, bound);
        _solver = solver ?? new InteriorPointSolver();
        _whiteAssemblage = model.WhiteNoiseAssemblage();
        _white = _layout.Form.Observe(_whiteAssemblage);
        var events = _layout.Events().OrderBy(e => e.Row).ToArray();
        if (events.Length > MaxEventClasses)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.TooLarge, $"{events.Length} event classes (more than {MaxEventClasses}): one affine bound needs one evaluation per class");
        var tuples = events.Select(e => string.Join(",", e.Settings)).Distinct().Count();
        Statistics = TestStatistics.ConditionalProbabilities(events
            .Select(e => new EventClass(_layout.DescribeEvent(e.Settings, e.Outcomes), string.Join(",", e.Settings), 1.0 / tuples)).ToArray());
        var generation = 1;
        for (var k = 0; k < parties.Length; k++) generation *= model.Untrusted[parties[k]].Settings[settings[k]].Outcomes;
        GenerationOutcomes = generation;
        _domain = ExactAffineBound.Domain(Statistics);
        _anchors = AnchorPlan.PerSettingTuple(Statistics.Events.Select(e => e.SettingsKey).ToArray());
        Description = $"P_g of untrusted parties [{string.Join(", ", parties)}] at settings [{string.Join(", ", settings)}] under {bound.Name}, from the trusted node's statistics ({events.Length} event classes)";
    }

    /// <summary>Most event classes accepted (each costs one evaluation of the relaxation's constants per dual).</summary>
    public const int MaxEventClasses = 4096;

    public TestStatistics Statistics { get; }
    public int GenerationOutcomes { get; }

    /// <summary>The trusted node's event layout (row c is event class c; the counts of a CSV or of CountSimulation are in this order).</summary>
    public ProbabilityLayout Layout => _layout;
    public string Description { get; }

    /// <summary>The model's statistics p(a b c | x y z) of an assemblage (e.g. the expected statistics of a model point).</summary>
    public double[] StatisticsOf(Assemblage assemblage) => _layout.Form.Observe(assemblage);

    /// <summary>The test-round event distribution q(s)·p(o|s) of statistics in this program's order (for simulations).</summary>
    public double[] EventProbabilities(IReadOnlyList<double> statistics) =>
        statistics.Select((p, c) => p * Statistics.Events[c].SettingProbability).ToArray();

    /// <summary>Mixtures with white noise tried when the relaxation does not solve at v itself.</summary>
    private static readonly double[] NoiseMixtures = [1e-4, 1e-3, 1e-2];

    /// <summary>
    /// The dual at v; when the relaxation does not solve there (data on the boundary, e.g. a pure state with zero
    /// probabilities, leave the SDP no interior), at (1 − η)v + η·w_white for η = 1e-4, 1e-3, 1e-2. Every reference gives
    /// a bound valid for all w, so this only changes which tangent is read (its value at v is slightly above P_g(v)).
    /// </summary>
    public AffineGuessingBound BoundAt(IReadOnlyList<double> reference, CancellationToken cancel = default)
    {
        try { return BoundAtExactly(reference, cancel); }
        catch (FiniteSizeInputException first) when (first.Code == FiniteSizeDiagnostics.DualUnavailable)
        {
            foreach (var eta in NoiseMixtures)
            {
                try { return BoundAtExactly(reference.Select((x, k) => (1 - eta) * x + eta * _white[k]).ToArray(), cancel); }
                catch (FiniteSizeInputException e) when (e.Code == FiniteSizeDiagnostics.DualUnavailable) { }
            }
            throw;
        }
    }

    private AffineGuessingBound BoundAtExactly(IReadOnlyList<double> reference, CancellationToken cancel)
    {
        if (reference.Count != Statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{reference.Count} statistics for {Statistics.Count} event classes");
        // A reference must be a no-signalling statistic (observed frequencies are not quite): the nearest one is used
        // (any reference gives a valid bound; it only changes which tangent is read).
        var v = _layout.Form.Nearest(reference.ToArray(), Enumerable.Repeat(1.0, reference.Count).ToArray());
        try { _ = _layout.Form.AssemblageOf(v, 1e-7); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the reference statistic is not a possible statistic: {e.Message}"); }
        MeasuredDataRelaxation relaxation;
        try { relaxation = Relaxation().WithObserved(v); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation does not accept the reference statistic: {e.Message}"); }
        var bound = DualReader.Read(relaxation, v, Constants(relaxation), _anchors, _domain, _solver, cancel) with { Reference = v };
        return bound.Exact is null ? bound : CentreSettings(bound, bound.Exact);
    }

    /// <summary>
    /// <c>steer verify</c>: the recorded point X̃ re-checked in exact arithmetic on the relaxation rebuilt from the scenario
    /// (A, b and the anchored constants do not depend on the reference), α and λ recomputed and centred as
    /// <see cref="BoundAt"/> does. Uncertified, with the reason, when X̃ does not give a feasible PSD X̂.
    /// </summary>
    public AffineGuessingBound Recheck(IReadOnlyList<double> reference, IReadOnlyList<double> point, CancellationToken cancel = default)
    {
        if (reference.Count != Statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{reference.Count} statistics for {Statistics.Count} event classes");
        var relaxation = Relaxation();
        var bound = DualReader.Recheck(relaxation.Problem, reference, point, Constants(relaxation), _anchors, _domain, cancel);
        return bound.Exact is null ? bound : CentreSettings(bound, bound.Exact);
    }

    /// <summary>
    /// (C(w), offset(w)) through the lift, kept per anchor: the anchors are the same for every dual of this program (one
    /// relaxation), so a run's several duals and a verifier's two analyses build each anchor's constants once. An anchor
    /// the relaxation refuses (data it cannot build) is SR1224.
    /// </summary>
    private Func<double[], (SdpMatrix C, double Offset)> Constants(MeasuredDataRelaxation relaxation) => w =>
    {
        var key = string.Join(",", w.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        lock (_anchorConstants)
            if (_anchorConstants.TryGetValue(key, out var known)) return known;
        (SdpMatrix, double) built;
        try { built = relaxation.ConstantsOfObserved(w).ToValueTuple(); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation's constants could not be built at an anchor of the exact α, λ: {e.Message}"); }
        lock (_anchorConstants) _anchorConstants[key] = built;
        return built;
    };

    private readonly Dictionary<string, (SdpMatrix, double)> _anchorConstants = [];

    /// <summary>The relaxation's (A, b, blocks) and its constants as a function of the data (for tests of the exact path).</summary>
    internal (SdpProblem Problem, Func<double[], (SdpMatrix C, double Offset)> ConstantsAt) Family()
    {
        var relaxation = Relaxation();
        return (relaxation.Problem, Constants(relaxation));
    }

    /// <summary>The lifted relaxation (its A, b, blocks and the map from data to constants are built at the maximally mixed
    /// assemblage, whatever the carrier: the white-noise model's statistics serve).</summary>
    private MeasuredDataRelaxation Relaxation()
    {
        try { return _relaxation ??= (MeasuredDataRelaxation)Relaxations.MeasuredData(_layout.Form, _whiteAssemblage, _build, true, 1e-7); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation could not be built: {e.Message}"); }
    }

    /// <summary>
    /// Σ_o p(o|s) = 1 for every setting tuple s, so adding κ_s to λ_c for the events c of s and subtracting κ_s from α
    /// changes nothing on the statistics a strategy can produce. κ_s is chosen to centre the per-event coefficients
    /// λ_c/q(s) of each setting tuple at 0, which makes their spread max_c − min_c (the EAT's λ_max − λ_min) the largest
    /// spread within one setting tuple: the smallest such shifts can give. κ_s is a double (chosen in floating point) and
    /// applied exactly to the exact α, λ; the result is rounded outward once.
    /// </summary>
    private AffineGuessingBound CentreSettings(AffineGuessingBound bound, ExactAffineBound exact)
    {
        var lambda = bound.Lambda;
        foreach (var group in Enumerable.Range(0, lambda.Count).GroupBy(c => Statistics.Events[c].SettingsKey))
        {
            var q = Statistics.Events[group.First()].SettingProbability;
            var max = group.Max(c => lambda[c] / q);
            var min = group.Min(c => lambda[c] / q);
            exact = exact.Shift(group, SteeringRng.Sdp.Certificates.Rational.FromDouble(-q * (max + min) / 2));
        }
        return DualReader.Rounded(bound.Reference, exact, _domain, bound.PguessAtReference, bound.Method, bound.Point!.ToArray());
    }
}
