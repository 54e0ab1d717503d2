using SteeringRng.Algebra;
using AlgebraScenario = SteeringRng.Algebra.Scenario;
using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Lowering;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.DeviceIndependent;
using SteeringRng.Sdp;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The device-independent guessing relaxation (no trusted node; docs/formulations/device-independent.md) as a function
/// of Bell values: the scenario's Bell objectives, in declaration order, are the statistics, each with its score G_k(c)
/// over the test round's event classes given by the caller (e.g. <see cref="TestStatistics.Chsh"/> for the CHSH value
/// with uniform settings). The relaxation's data enter its constants only (y = y_p(v) + N t with y_p linear in v), so
/// one dual gives an affine bound in the Bell values. Over a box of Bell values the same relaxation with the values as
/// free variables between their bounds (<see cref="TwoSidedGuessingProblem"/>, along the unit vectors: every value is
/// allowed, no normalisation) gives the i.i.d. analysis's P_g (docs/formulations/finite-size.md §4.1).
/// </summary>
public sealed class DeviceIndependentGuessingProgram : IRegionGuessingProgram
{
    private readonly AlgebraScenario _scenario;
    private readonly Tuple<int, int>[] _guessed;
    private readonly (string Name, Polynomial Expression)[] _expressions;
    private readonly BoundSpec _bound;
    private readonly ISdpSolver _solver;
    private readonly double[] _domain;

    /// <param name="statistics">One statistic per Bell objective of the scenario (same order), with its score over event classes.</param>
    public DeviceIndependentGuessingProgram(ScenarioModel model, string guessObjective, BoundSpec bound, TestStatistics statistics, ISdpSolver? solver = null)
    {
        if (model.HasTrustedNode)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, "the scenario has a trusted node; use SteeringGuessingProgram");
        var objective = model.Scenario.Objectives.FirstOrDefault(o => o.Name == guessObjective)
            ?? throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"the scenario has no objective '{guessObjective}'");
        if (objective.Kind is not Checked.ObjectiveKind.Guess g)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"objective '{guessObjective}' is not a guess");
        if (bound is not (BoundSpec.Npa or BoundSpec.NoSignalling))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"bound '{bound.Name}' is not a device-independent bound (use ns or npa)");
        _scenario = BellScenarios.Of(model);
        _guessed = g.targets.Select(t => Tuple.Create(model.PartyOf(t.Node), t.Setting)).ToArray();
        _expressions = model.Scenario.Objectives
            .Where(o => o.Kind is Checked.ObjectiveKind.Bell)
            .Select(o => (o.Name, BellPolynomial.Of(model, _scenario, ((Checked.ObjectiveKind.Bell)o.Kind).expression))).ToArray();
        if (_expressions.Length != statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{statistics.Count} statistics for the scenario's {_expressions.Length} Bell objectives");
        _bound = bound;
        _solver = solver ?? new InteriorPointSolver();
        Statistics = statistics;
        _domain = ExactAffineBound.Domain(statistics);
        var outcomes = 1;
        foreach (var t in g.targets) outcomes *= model.Scenario.Nodes[t.Node].Settings[t.Setting].Outcomes;
        GenerationOutcomes = outcomes;
        Description = $"device-independent P_g of '{guessObjective}' under {bound.Name} from {string.Join(", ", _expressions.Select(e => e.Name))}";
    }

    public TestStatistics Statistics { get; }
    public int GenerationOutcomes { get; }
    public string Description { get; }

    private IRelaxation Build(IReadOnlyList<double> values)
    {
        var data = _expressions.Select((e, k) => new DeviceIndependentDatum(e.Name, e.Expression, values[k])).ToArray();
        return _bound is BoundSpec.Npa npa
            ? Relaxations.DeviceIndependentGuess(_scenario, _guessed, data, NpaGeneratingSet.Of(npa))
            : Relaxations.DeviceIndependentGuessNoSignalling(_scenario, _guessed, data);
    }

    public AffineGuessingBound BoundAt(IReadOnlyList<double> reference, CancellationToken cancel = default)
    {
        var relaxation = BuildAt(reference);
        return DualReader.Read(relaxation, reference, ConstantsAt(relaxation.Problem), AnchorPlan.UnitVectors(Statistics.Count), _domain, _solver, cancel);
    }

    public RegionGuessingBound MaxOverBox(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel = default) =>
        BoxRecord.Solve(BoxProblem(centre, radius, cancel), _solver, centre, radius, cancel);

    /// <summary>The recorded box point re-proven and its record checked (as <see cref="SteeringRegionProgram.BoxFault"/>).</summary>
    public string? BoxFault(IReadOnlyList<double> centre, IReadOnlyList<double> radius, double alpha, IReadOnlyList<double> lambda,
        IReadOnlyList<double>? point, CancellationToken cancel = default) =>
        lambda.Count != Statistics.Count ? $"the dual has {lambda.Count} λ's for {Statistics.Count} statistics"
        : BoxRecord.Fault(BoxProblem(centre, radius, cancel), alpha, lambda, point, centre, radius, cancel);

    /// <summary>The box problem around the box centre (the relaxation built there; its constraints do not depend on the values).</summary>
    private TwoSidedGuessingProblem BoxProblem(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel)
    {
        var m = Statistics.Count;
        if (centre.Count != m || radius.Count != m)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"a box of {centre.Count} centres and {radius.Count} radii for {m} statistics");
        var middle = centre.ToArray();
        var problem = BuildAt(middle).Problem;
        var basis = Enumerable.Range(0, m).Select(k => Enumerable.Range(0, m).Select(j => j == k ? 1.0 : 0.0).ToArray()).ToArray();
        var lower = centre.Select((c, k) => c - radius[k]).ToArray();
        var upper = centre.Select((c, k) => c + radius[k]).ToArray();
        return TwoSidedGuessingProblem.Build(problem, ConstantsAt(problem), middle, basis, lower, upper, cancel);
    }

    /// <summary><c>steer verify</c>: the recorded point X̃ re-checked exactly on the relaxation rebuilt at the reference, α and λ recomputed.</summary>
    public AffineGuessingBound Recheck(IReadOnlyList<double> reference, IReadOnlyList<double> point, CancellationToken cancel = default)
    {
        var problem = BuildAt(reference).Problem;
        return DualReader.Recheck(problem, reference, point, ConstantsAt(problem), AnchorPlan.UnitVectors(Statistics.Count), _domain, cancel);
    }

    /// <summary>The relaxation's (A, b, blocks) at the reference and its constants as a function of the data (for tests of the exact path).</summary>
    internal (SdpProblem Problem, Func<double[], (SdpMatrix C, double Offset)> ConstantsAt) Family(IReadOnlyList<double> reference)
    {
        var problem = BuildAt(reference).Problem;
        return (problem, ConstantsAt(problem));
    }

    private IRelaxation BuildAt(IReadOnlyList<double> reference)
    {
        if (reference.Count != Statistics.Count)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{reference.Count} values for {Statistics.Count} statistics");
        try { return Build(reference); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation does not accept the reference values: {e.Message}"); }
    }

    /// <summary>(C(w), offset(w)) of the relaxation rebuilt at w: the same layout (the equalities' rows do not depend on the values), checked by shape.</summary>
    private Func<double[], (SdpMatrix, double)> ConstantsAt(SdpProblem a) => w =>
    {
        IRelaxation r;
        try { r = Build(w); }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation could not be built at the anchor ({string.Join(", ", w)}): {e.Message}"); }
        if (r.Problem.A.Count != a.A.Count || r.Problem.Blocks.Count != a.Blocks.Count || !r.Problem.B.AsSpan().SequenceEqual(a.B))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, "the relaxation's constraints change with the data: no affine bound");
        var offset = r.Read(new SdpSolution { Status = SdpStatus.Optimal, PrimalObjective = 0, DualObjective = 0, Y = [], Dimacs = [], Iterations = 0, Seconds = 0, Solver = "" }).Bound;
        return (r.Problem.C, offset);
    };
}
