using SteeringRng.Quantum;
using SteeringRng.Relaxation;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// A relaxation built once (at the first point that needs it) and re-used at every other point with the data
/// swapped (<see cref="IRelaxation.WithData"/>: only the constants change when the data keep their supports), so a
/// sweep does not rebuild the SDP structure at each point. Data-free relaxations (Bell) are the same at every
/// point. Thread-safe: points run in parallel.
/// </summary>
public sealed class RelaxationCache(Func<Assemblage?, IRelaxation> build)
{
    private readonly object _gate = new();
    private IRelaxation? _prototype;

    public IRelaxation For(Assemblage? data)
    {
        lock (_gate)
        {
            if (_prototype is null)
            {
                _prototype = build(data);
                return _prototype;
            }
        }
        return data is null ? _prototype : _prototype.WithData(data);
    }
}
