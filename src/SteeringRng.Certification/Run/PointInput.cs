using SteeringRng.Certification.Results;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Run;

/// <summary>
/// One sweep point as the jobs see it: its parameters, its assemblage σ_{a|x} (the data every relaxation
/// constrains), and, where the data come from a model, a realisation (state and measurements) for the seesaw.
/// Data are computed once, on first use, and shared by the point's jobs.
/// </summary>
public sealed class PointInput
{
    private readonly Lazy<Assemblage> _assemblage;
    private readonly Lazy<QuantumRealisation?> _realisation;

    /// <param name="sweepStart">The sweep's first point (null: this one), where every relaxation of the sweep is built.</param>
    public PointInput(int index, ParameterSet parameters, Func<Assemblage> assemblage, Func<QuantumRealisation?>? realisation = null,
        PointInput? sweepStart = null)
    {
        Index = index;
        SweepStart = sweepStart ?? this;
        Parameters = parameters;
        _assemblage = new Lazy<Assemblage>(assemblage);
        _realisation = new Lazy<QuantumRealisation?>(realisation ?? (() => null));
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
