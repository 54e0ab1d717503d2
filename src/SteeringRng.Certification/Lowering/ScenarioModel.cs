using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Quantum;
using SteeringRng.Scenario;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Lowering;

/// <summary>
/// A checked scenario in the engine's terms: the trusted node(s) as one trusted system, the untrusted nodes (in
/// declaration order) as parties 0..k−1 with validated POVMs, and per sweep point the density matrix, the
/// assemblage σ_{a|x} = Tr_U[(I_T ⊗ M_{a_1|x_1} ⊗ … ⊗ M_{a_k|x_k}) ρ] and the realisation the seesaw starts from.
/// </summary>
public sealed class ScenarioModel
{
    private readonly Dictionary<int, int> _partyOfNode;

    /// <exception cref="QuantumValidationException">A measurement fails the physical check (the checker should have caught it).</exception>
    public ScenarioModel(Checked.Scenario scenario)
    {
        Scenario = scenario;
        TrustedPositions = scenario.Nodes.Where(n => n.Role.IsTrusted).Select(n => n.Index).ToArray();
        Untrusted = scenario.Nodes.Where(n => n.Role.IsUntrusted).ToArray();
        _partyOfNode = Untrusted.Select((n, j) => (n.Index, j)).ToDictionary(p => p.Index, p => p.j);
        Measurements = Untrusted
            .Select(n => (IReadOnlyList<Povm>)n.Settings
                .Select(s => s.Elements.Length == 0 ? null! : Povm.Create(s.Elements, $"{n.Name}.{s.Label}"))
                .ToArray())
            .ToArray();
        SweptNames = scenario.Sweep.Parameters.Where(p => !p.Kind.IsConstant).Select(p => p.Name).ToArray();
    }

    public Checked.Scenario Scenario { get; }
    public IReadOnlyList<int> TrustedPositions { get; }
    public IReadOnlyList<Checked.Node> Untrusted { get; }

    /// <summary>Measurements[j][x]: the POVM of untrusted party j at setting x (null for abstract settings).</summary>
    public IReadOnlyList<IReadOnlyList<Povm>> Measurements { get; }

    /// <summary>The parameters that change over the sweep (swept and derived), in declaration order.</summary>
    public IReadOnlyList<string> SweptNames { get; }

    public int PointCount => Scenario.Sweep.Points.Length;
    public bool HasTrustedNode => TrustedPositions.Count > 0;
    public bool HasState => Scenario.State is not null;

    /// <summary>Measured data (an assemblage file) given instead of a state, or null.</summary>
    public Checked.MeasuredData? Data => Scenario.Data?.Value;
    public int[] Dimensions => Scenario.Nodes.Select(n => n.Dim).ToArray();

    /// <summary>The parameters that vary over the sweep at one point (the row's "parameters").</summary>
    public ParameterSet ParametersAt(int point)
    {
        var values = Scenario.Sweep.Points[point];
        return new ParameterSet(Scenario.Sweep.Parameters
            .Where(p => !p.Kind.IsConstant)
            .Select(p => KeyValuePair.Create(p.Name, values[p.Index])));
    }

    /// <summary>The sweep's points: parameters, and (computed on first use) each state's assemblage and realisation.</summary>
    public IReadOnlyList<PointInput> Points()
    {
        var points = new PointInput[PointCount];
        for (var index = 0; index < points.Length; index++)
        {
            var i = index;
            if (Data is { } data)
            {
                // Measured data: the same assemblage at every point, no state, so no realisation (the seesaw has no start).
                points[i] = new PointInput(i, ParametersAt(i), () => data.Assemblage, null, i == 0 ? null : points[0]);
                continue;
            }
            points[i] = PointInput.OfState(i, ParametersAt(i), () => StateAt(i), AssemblageOf, Realisation, i == 0 ? null : points[0]);
        }
        if (points.Length > 1) points[0].SweepSecond = points[1];
        return points;
    }

    /// <summary>
    /// Every parameter's value at the grid's first point with <paramref name="name"/> set to <paramref name="value"/>
    /// (indexed like the sweep's parameters): a point between grid points, for threshold searches.
    /// </summary>
    /// <exception cref="ArgumentException">The scenario has no parameter of that name.</exception>
    public double[] ValuesWith(string name, double value)
    {
        var parameter = Scenario.Sweep.Parameters.FirstOrDefault(p => p.Name == name)
                        ?? throw new ArgumentException($"the scenario has no parameter '{name}'", nameof(name));
        var values = (double[])Scenario.Sweep.Points[0].Clone();
        values[parameter.Index] = value;
        return values;
    }

    /// <summary>
    /// A point off the grid: <paramref name="name"/> = <paramref name="value"/>, the other parameters as at the grid's
    /// first point; its relaxations are built at <paramref name="buildPoint"/> (as a sweep builds them at its first point).
    /// The state is evaluated on first use; an expression or a state that fails there surfaces as an ArgumentException
    /// from the job (only the grid points were checked).
    /// </summary>
    public PointInput PointWith(string name, double value, PointInput buildPoint)
    {
        var values = ValuesWith(name, value);
        var parameters = new ParameterSet(Scenario.Sweep.Parameters
            .Where(p => !p.Kind.IsConstant)
            .Select(p => KeyValuePair.Create(p.Name, values[p.Index])));
        if (Data is { } data) return new PointInput(-1, parameters, () => data.Assemblage, null, buildPoint);
        return PointInput.OfState(-1, parameters, () => StateWith(values), AssemblageOf, Realisation, buildPoint);
    }

    /// <summary>ρ at given values of every parameter (off the grid as well).</summary>
    /// <exception cref="ArgumentException">The values do not give a state (QuantumValidationException says why).</exception>
    public DensityMatrix StateWith(double[] values) => ScenarioLanguage.State(Scenario, values);

    /// <summary>ρ at a point, validated as a density matrix.</summary>
    public DensityMatrix StateAt(int point) =>
        DensityMatrix.Create(ScenarioLanguage.DensityMatrix(Scenario, point), Dimensions);

    public Assemblage AssemblageOf(DensityMatrix state) => AssemblageBuilder.Build(state, TrustedPositions, Measurements);

    public Assemblage AssemblageAt(int point) => AssemblageOf(StateAt(point));

    /// <summary>
    /// The assemblage of the maximally mixed state I/D with the same measurements (fully LHS). For measured data, which
    /// have no state or measurements, the data's own trivially LHS assemblage ρ_A / |A| at every (a, x) (Measured.NoiseAssemblage).
    /// </summary>
    public Assemblage WhiteNoiseAssemblage() =>
        Data is { } data ? SteeringRng.Certification.Data.MeasuredNoise.Of(data.Assemblage) : AssemblageOf(States.WhiteNoise(Dimensions));

    /// <summary>The untrusted party index (0..k−1) of a node.</summary>
    public int PartyOf(int nodeIndex) => _partyOfNode[nodeIndex];

    /// <summary>Guessed parties (ascending) and their settings for a guess objective.</summary>
    public GuessTarget GuessOf(Checked.Target[] targets)
    {
        var pairs = targets.Select(t => (Party: PartyOf(t.Node), t.Setting)).OrderBy(p => p.Party).ToArray();
        return new GuessTarget(pairs.Select(p => p.Party).ToArray(), pairs.Select(p => p.Setting).ToArray());
    }

    /// <summary>Whether a guess names every untrusted party (a joint guess).</summary>
    public bool IsJointGuess(Checked.Target[] targets) => targets.Select(t => t.Node).Distinct().Count() == Untrusted.Count;

    /// <summary>The state with the trusted nodes first (as one system) and the untrusted POVMs: the seesaw's first start.</summary>
    public QuantumRealisation Realisation(DensityMatrix state)
    {
        var trusted = TrustedPositions.ToArray();
        var untrusted = Untrusted.Select(n => n.Index).ToArray();
        var reordered = state.Reorder([.. trusted, .. untrusted]);
        var dT = trusted.Aggregate(1, (p, t) => p * state.Dimensions[t]);
        var povms = Measurements
            .Select(party => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)party
                .Select(p => (IReadOnlyList<Matrix<Complex>>)Enumerable.Range(0, p.OutcomeCount).Select(p.Element).ToArray()).ToArray())
            .ToArray();
        return new QuantumRealisation(reordered.Matrix, dT, untrusted.Select(u => state.Dimensions[u]).ToArray(), povms);
    }
}
