using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The steering guessing program (<see cref="SteeringGuessingProgram"/>, to which the affine bounds are delegated) with
/// its relaxation over a box of statistics (<see cref="TwoSidedGuessingProblem"/>), certified like every relaxation
/// row (docs/formulations/certificates.md): X̂ moved exactly onto A(X) = b and proven PSD, including its slack block,
/// so opt D ≥ ⟨C, X̂⟩ and max_box P_g ≤ offset − ⟨C, X̂⟩ (no trace bound needed).
/// </summary>
public sealed class SteeringRegionProgram : IRegionGuessingProgram
{
    private readonly ScenarioModel _model;
    private readonly Func<SteeringRng.Quantum.Assemblage, bool, IRelaxation> _build;
    private readonly ISdpSolver _solver;
    private MeasuredDataRelaxation? _relaxation;

    public SteeringRegionProgram(ScenarioModel model, GuessTarget guess, BoundSpec bound, ISdpSolver? solver = null)
    {
        Steering = new SteeringGuessingProgram(model, guess, bound, solver);
        _model = model;
        _build = GuessingRelaxationBuilder.For(guess, bound);
        _solver = solver ?? new InteriorPointSolver();
    }

    /// <summary>The program of the affine bounds (EAT, the i.i.d. cross-check).</summary>
    public SteeringGuessingProgram Steering { get; }
    public TestStatistics Statistics => Steering.Statistics;
    public int GenerationOutcomes => Steering.GenerationOutcomes;
    public string Description => Steering.Description;
    public AffineGuessingBound BoundAt(IReadOnlyList<double> reference, CancellationToken cancel = default) => Steering.BoundAt(reference, cancel);
    public AffineGuessingBound Recheck(IReadOnlyList<double> reference, IReadOnlyList<double> point, CancellationToken cancel = default) => Steering.Recheck(reference, point, cancel);

    /// <summary>Added to α of <see cref="RegionGuessingBound.Dual"/> for its floating evaluation (as DualReader.Margin).</summary>
    public const double Margin = 1e-9;

    public RegionGuessingBound MaxOverBox(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel = default)
    {
        var m = Statistics.Count;
        if (centre.Count != m || radius.Count != m)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"a box of {centre.Count} centres and {radius.Count} radii for {m} statistics");
        var form = Steering.Layout.Form;
        if (form.Rows != m)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{m} statistics for {form.Rows} observed probabilities");
        var lower = centre.Select((c, k) => c - radius[k]).ToArray();
        var upper = centre.Select((c, k) => c + radius[k]).ToArray();
        var relaxation = Relaxation();
        var box = TwoSidedGuessingProblem.Build(relaxation, form, lower, upper, cancel);
        var problem = box.Problem;
        var solution = _solver.Solve(problem, null, cancel);
        if (solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal))
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the guessing relaxation over the confidence box did not solve ({solution.Status}: {solution.Message})");
        var raw = Math.Min(1.0, box.Offset - solution.PrimalObjective);
        var real = new RealProblem(problem);
        var x = real.FlattenX(solution.X, problem.Blocks);
        var side = x is null ? SideCertificate.Failed("the solver reported no primal X") : LowerSide.Certify(real, x, traceBoundZ: null, findInterior: true);
        if (!side.Certified || side.Hint is null)
            return new RegionGuessingBound(raw, raw, false, side.Reason, Uncertified(box.Centre, raw, side.Reason));
        var certified = (Rational.FromDouble(box.Offset) - side.Exact).UpperDouble();
        var dual = AffineFromSlacks(real, side.Hint, box, centre, radius, certified) with { Method = side.Method };
        return new RegionGuessingBound(certified, raw, true, side.Method, dual with { PguessAtReference = raw });
    }

    /// <summary>
    /// The affine bound of the same X̂: its inner part is feasible for the equality relaxation at every w, so
    /// g(w) = offset(w) − ⟨C(w), X̂_inner⟩ ≥ P_g(w), and along the box program's directions e_i its constraints give
    /// g(v_c + e) − g(v_c) = λ·e with λ_j = x⁻_j − x⁺_j. g(v_c) = P − Σ_j [(v_c − lo)_j x⁺_j + (hi − v_c)_j x⁻_j] (P the
    /// certified optimum). α is the largest of the two values that make α + λ·w ≥ g(w) (α + λ·v_c ≥ g(v_c)) and
    /// max_box(α + λ·w) ≥ P (the latter is the larger in exact arithmetic, as x⁺ + x⁻ ≥ |λ|), plus <see cref="Margin"/>.
    /// </summary>
    private static AffineGuessingBound AffineFromSlacks(RealProblem real, double[] hint, TwoSidedGuessingProblem box,
        IReadOnlyList<double> centre, IReadOnlyList<double> radius, double certified)
    {
        var m = centre.Count;
        var lambda = new double[m];
        var gAtCentre = certified;
        for (var q = 0; q < box.Rows.Length; q++)
        {
            var j = box.Rows[q];
            var plus = Math.Max(0, hint[real.Position(box.SlackBlock, 2 * q, 2 * q)]);
            var minus = Math.Max(0, hint[real.Position(box.SlackBlock, 2 * q + 1, 2 * q + 1)]);
            lambda[j] = minus - plus;
            gAtCentre -= (box.Centre[j] - (centre[j] - radius[j])) * plus + (centre[j] + radius[j] - box.Centre[j]) * minus;
        }
        var overBox = certified;
        var atCentre = gAtCentre;
        for (var j = 0; j < m; j++)
        {
            overBox -= lambda[j] * centre[j] + Math.Abs(lambda[j]) * radius[j];
            atCentre -= lambda[j] * box.Centre[j];
        }
        var alpha = Math.Max(overBox, atCentre) + Margin;
        return new AffineGuessingBound(box.Centre, alpha, lambda, double.NaN, true, "", Margin);
    }

    private static AffineGuessingBound Uncertified(double[] reference, double raw, string reason) =>
        new(reference, raw, new double[reference.Length], raw, false, reason, 0);

    /// <summary>The lifted measured-data relaxation (built once; the box replaces its data).</summary>
    private MeasuredDataRelaxation Relaxation()
    {
        if (_relaxation is not null) return _relaxation;
        var form = Steering.Layout.Form;
        try
        {
            // Any valid data serve (the box replaces them): the model's own assemblage.
            return _relaxation = (MeasuredDataRelaxation)Relaxations.MeasuredData(form, _model.AssemblageAt(0), _build, true, 1e-7);
        }
        catch (ArgumentException e) { throw new FiniteSizeInputException(FiniteSizeDiagnostics.DualUnavailable, $"the relaxation could not be built: {e.Message}"); }
    }
}
