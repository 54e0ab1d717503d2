using SteeringRng.Quantum;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Scenarios;

/// <summary>One sweep point: its parameters, and its state and assemblage computed once on first use.</summary>
public sealed class PointInput
{
    private readonly Lazy<DensityMatrix> _state;
    private readonly Lazy<Assemblage> _assemblage;

    public PointInput(LoweredScenario scenario, int index)
    {
        Index = index;
        Parameters = scenario.ParametersAt(index);
        _state = new Lazy<DensityMatrix>(() => scenario.StateAt(index));
        _assemblage = new Lazy<Assemblage>(() => scenario.AssemblageOf(_state.Value));
    }

    public int Index { get; }
    public ParameterSet Parameters { get; }
    public DensityMatrix State => _state.Value;
    public Assemblage Assemblage => _assemblage.Value;
}
