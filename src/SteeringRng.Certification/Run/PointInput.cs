using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Run;

/// <summary>
/// One sweep point as the jobs see it: its parameters, its assemblage σ_{a|x} (the data every relaxation
/// constrains), and, where the data come from a model, a realisation (state and measurements) for the seesaw.
/// Data are computed once, on first use, and shared by the point's jobs; <see cref="Release"/> drops them when the
/// point is done (a later use computes them again), so a long sweep of large states does not keep every point's ρ and σ.
/// </summary>
public sealed class PointInput
{
    private readonly Func<DensityMatrix?> _stateOf;
    private readonly Func<DensityMatrix?, Assemblage> _assemblageOf;
    private readonly Func<DensityMatrix?, QuantumRealisation?> _realisationOf;
    private Lazy<DensityMatrix?> _state = null!;
    private Lazy<Assemblage> _assemblage = null!;
    private Lazy<QuantumRealisation?> _realisation = null!;

    /// <param name="sweepStart">The sweep's first point (null: this one), where every relaxation of the sweep is built.</param>
    public PointInput(int index, ParameterSet parameters, Func<Assemblage> assemblage, Func<QuantumRealisation?>? realisation = null,
        PointInput? sweepStart = null)
        : this(index, parameters, () => null, _ => assemblage(), _ => realisation?.Invoke(), sweepStart)
    {
    }

    private PointInput(int index, ParameterSet parameters, Func<DensityMatrix?> state, Func<DensityMatrix?, Assemblage> assemblage,
        Func<DensityMatrix?, QuantumRealisation?> realisation, PointInput? sweepStart)
    {
        Index = index;
        SweepStart = sweepStart ?? this;
        Parameters = parameters;
        (_stateOf, _assemblageOf, _realisationOf) = (state, assemblage, realisation);
        Release();
    }

    /// <summary>A point of a model: ρ computed on first use and shared by the assemblage and the realisation.</summary>
    public static PointInput OfState(int index, ParameterSet parameters, Func<DensityMatrix> state, Func<DensityMatrix, Assemblage> assemblage,
        Func<DensityMatrix, QuantumRealisation?> realisation, PointInput? sweepStart = null) =>
        new(index, parameters, state, rho => assemblage(rho!), rho => realisation(rho!), sweepStart);

    /// <summary>Drops the computed state, assemblage and realisation (they are computed again if used again).</summary>
    public void Release()
    {
        _state = new Lazy<DensityMatrix?>(_stateOf);
        _assemblage = new Lazy<Assemblage>(() => _assemblageOf(_state.Value));
        _realisation = new Lazy<QuantumRealisation?>(() => _realisationOf(_state.Value));
    }

    /// <summary>A point of given data (no model: the seesaw cannot start from it).</summary>
    public static PointInput Of(Assemblage data, ParameterSet? parameters = null, QuantumRealisation? realisation = null) =>
        new(0, parameters ?? ParameterSet.Empty, () => data, () => realisation);

    public int Index { get; }

    /// <summary>
    /// The sweep's first point. Relaxations are built there, whichever point asks first, so that a sweep's rows do
    /// not depend on the order parallel points happen to start in (the structure found at the build point, e.g. its
    /// symmetry group or facial reduction, is kept for the whole sweep).
    /// </summary>
    public PointInput SweepStart { get; }

    /// <summary>
    /// On the sweep's first point: the sweep's second point (null otherwise, and for a sweep of one point). A relaxation
    /// built at degenerate data (white noise) takes its symmetry reduction from the first later point it is given
    /// (QLevel's upgrade); <see cref="Jobs.RelaxationCache"/> gives it this point first, so that the reduction does not
    /// depend on the order points run in (--parallel, or a shard starting later in the sweep).
    /// </summary>
    public PointInput? SweepSecond { get; internal set; }
    public ParameterSet Parameters { get; }
    public Assemblage Assemblage => _assemblage.Value;

    /// <summary>The state and measurements that produce the data (trusted nodes first), or null for data without a model.</summary>
    public QuantumRealisation? Realisation => _realisation.Value;
}
