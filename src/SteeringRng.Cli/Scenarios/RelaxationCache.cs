namespace SteeringRng.Cli.Scenarios;

/// <summary>
/// A relaxation built once (at the first point that needs it) and re-used at every other point with the data
/// swapped (the builders' <c>WithData</c>: only the constants change when the data keep their supports), so a
/// sweep does not rebuild the SDP structure at each point. Thread-safe: points run in parallel.
/// </summary>
public sealed class RelaxationCache<TRelaxation, TData>(Func<TData, TRelaxation> build, Func<TRelaxation, TData, TRelaxation> withData)
    where TRelaxation : class
{
    private readonly object _gate = new();
    private TRelaxation? _prototype;

    public TRelaxation For(TData data)
    {
        lock (_gate)
        {
            if (_prototype is null)
            {
                _prototype = build(data);
                return _prototype;
            }
        }
        return withData(_prototype, data);
    }
}
