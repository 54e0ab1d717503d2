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

    public RegionGuessingBound MaxOverBox(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel = default) =>
        BoxRecord.Solve(BoxProblem(centre, radius, cancel), _solver, centre, radius, cancel);

    /// <summary>
    /// <c>steer verify</c>: the recorded box point X̃ re-proven on the box problem rebuilt here (same relaxation, same box)
    /// and the recorded (α, λ) required to cover the proven optimum over the box (<see cref="BoxRecord.Fault"/>).
    /// </summary>
    public string? BoxFault(IReadOnlyList<double> centre, IReadOnlyList<double> radius, double alpha, IReadOnlyList<double> lambda,
        IReadOnlyList<double>? point, CancellationToken cancel = default)
    {
        if (lambda.Count != Statistics.Count) return $"the dual has {lambda.Count} λ's; the protocol has {Statistics.Count} statistics";
        if (!radius.All(double.IsFinite)) return "the confidence box has an infinite radius (a setting tuple never tested): no box relaxation";
        return BoxRecord.Fault(BoxProblem(centre, radius, cancel), alpha, lambda, point, centre, radius, cancel);
    }

    /// <summary>The two-sided problem over |w − centre| ≤ radius (shapes checked).</summary>
    private TwoSidedGuessingProblem BoxProblem(IReadOnlyList<double> centre, IReadOnlyList<double> radius, CancellationToken cancel)
    {
        var m = Statistics.Count;
        if (centre.Count != m || radius.Count != m)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"a box of {centre.Count} centres and {radius.Count} radii for {m} statistics");
        var form = Steering.Layout.Form;
        if (form.Rows != m)
            throw new FiniteSizeInputException(FiniteSizeDiagnostics.ShapeMismatch, $"{m} statistics for {form.Rows} observed probabilities");
        var lower = centre.Select((c, k) => c - radius[k]).ToArray();
        var upper = centre.Select((c, k) => c + radius[k]).ToArray();
        return TwoSidedGuessingProblem.Build(Relaxation(), form, lower, upper, cancel);
    }

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
