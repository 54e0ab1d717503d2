using SteeringRng.Certification.Run;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// A relaxation built once, at the sweep's first point (<see cref="PointInput.SweepStart"/>, whichever point asks
/// first, so the rows do not depend on thread timing), and re-used at every other point with the data swapped
/// (<see cref="IRelaxation.WithData"/>: only the constants change when the data keep their supports), so a sweep does
/// not rebuild the SDP structure at each point. Data-free relaxations (Bell) are the same at every point.
/// Thread-safe: points run in parallel.
/// </summary>
/// <param name="build">Builds the relaxation; it may honour the token (OperationCanceledException: nothing is cached).</param>
/// <param name="dataFree">The relaxation takes no data (Bell): built once, used as it is at every point.</param>
public sealed class RelaxationCache(Func<Assemblage?, CancellationToken, IRelaxation> build, bool dataFree = false)
{
    public RelaxationCache(Func<Assemblage?, IRelaxation> build, bool dataFree = false) : this((data, _) => build(data), dataFree) { }

    private readonly object _gate = new();
    private IRelaxation? _prototype;

    public IRelaxation For(PointInput point, CancellationToken cancellation = default)
    {
        IRelaxation prototype;
        lock (_gate)
        {
            _prototype ??= Build(point, cancellation);
            prototype = _prototype;
        }
        return dataFree || ReferenceEquals(point, point.SweepStart) ? prototype : WithData(prototype, point.Assemblage, cancellation);
    }

    /// <summary>The prototype for other data; through the cancellable form when it has one (a rebuild or symmetry
    /// search takes minutes for large scenarios, and Ctrl-C must answer within a second).</summary>
    private static IRelaxation WithData(IRelaxation prototype, Assemblage data, CancellationToken cancellation) =>
        prototype is ICancellableData cancellable ? cancellable.WithData(data, cancellation) : prototype.WithData(data);

    /// <summary>At the sweep's first point; if its data are refused there (ArgumentException), at this point's data.</summary>
    private IRelaxation Build(PointInput point, CancellationToken cancellation)
    {
        if (dataFree) return build(null, cancellation);
        IRelaxation prototype;
        try { prototype = build(point.SweepStart.Assemblage, cancellation); }
        catch (ArgumentException) when (!ReferenceEquals(point, point.SweepStart)) { return build(point.Assemblage, cancellation); }
        // Built at degenerate data, the relaxation takes its symmetry reduction from the first later point it is given:
        // the sweep's second point, now, rather than whichever point asks first (thread timing, or a shard's first point).
        if (point.SweepStart.SweepSecond is { } second)
        {
            try { WithData(prototype, second.Assemblage, cancellation); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException) { } // that point reports its own problem when it runs
        }
        return prototype;
    }
}
