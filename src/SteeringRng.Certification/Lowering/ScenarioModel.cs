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
    /// <exception cref="Input.ScenarioInputException">A probabilities file is not valid, or its data signal and no repair was asked for.</exception>
    public ScenarioModel(Checked.Scenario scenario)
    {
        Scenario = scenario;
        TrustedPositions = scenario.Nodes.Where(n => n.Role.IsTrusted).Select(n => n.Index).ToArray();
        Untrusted = scenario.Nodes.Where(n => n.Role.IsUntrusted).ToArray();
        _partyOfNode = Untrusted.Select((n, j) => (n.Index, j)).ToDictionary(p => p.Index, p => p.j);
        _ideal = Untrusted
            .Select(n => (IReadOnlyList<Povm>)n.Settings
                .Select(s => s.Elements.Length == 0 ? null! : Povm.Create(s.Elements, $"{n.Name}.{s.Label}"))
                .ToArray())
            .ToArray();
        HasDetectionLoss = scenario.Efficiencies.Length > 0;
        Measurements = PointCount > 0 ? MeasurementsWith(scenario.Sweep.Points[0]) : _ideal;
        SweptNames = scenario.Sweep.Parameters.Where(p => !p.Kind.IsConstant).Select(p => p.Name).ToArray();
        MeasuredData = Data.MeasuredData.Of(this);
    }

    /// <summary>The trusted node's probabilities the bounds constrain instead of the assemblage (null: the assemblage).</summary>
    public Data.MeasuredData? MeasuredData { get; }

    public Checked.Scenario Scenario { get; }
    public IReadOnlyList<int> TrustedPositions { get; }
    public IReadOnlyList<Checked.Node> Untrusted { get; }

    private readonly IReadOnlyList<IReadOnlyList<Povm>> _ideal;

    /// <summary>Measurements[j][x]: the POVM of untrusted party j at setting x (null for abstract settings), at the
    /// sweep's first point (with detection loss the POVMs may change along the sweep: <see cref="MeasurementsWith"/>).</summary>
    public IReadOnlyList<IReadOnlyList<Povm>> Measurements { get; }

    /// <summary>Whether some untrusted node has a detection efficiency (`efficiency` statements).</summary>
    public bool HasDetectionLoss { get; }

    /// <summary>
    /// The POVMs at given parameter values: each node's ideal POVMs seen through its detector of efficiency η at these
    /// values (<see cref="DetectionLoss"/>: η M_b, plus (1 − η) I as outcome n or added to the no-click bin), so that the
    /// assemblage, the white noise and the seesaw's start all see the lossy measurements.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Povm>> MeasurementsWith(double[] values)
    {
        if (!HasDetectionLoss) return _ideal;
        return Untrusted.Select((n, j) =>
        {
            if (!ScenarioLanguage.HasEfficiency(Scenario, n.Index)) return _ideal[j];
            var eta = ScenarioLanguage.Efficiency(Scenario, n.Index, values);
            var bin = ScenarioLanguage.NoClickBin(Scenario, n.Index);
            int? noClick = bin is null ? null : bin.Value;
            return (IReadOnlyList<Povm>)_ideal[j].Select(p => p is null ? null! : DetectionLoss.Apply(p, eta, noClick)).ToArray();
        }).ToArray();
    }

    /// <summary>The parameters that change over the sweep (swept and derived), in declaration order.</summary>
    public IReadOnlyList<string> SweptNames { get; }

    public int PointCount => Scenario.Sweep.Points.Length;
    public bool HasTrustedNode => TrustedPositions.Count > 0;
    public bool HasState => Scenario.State is not null;

    /// <summary>Measured data (an assemblage file) given instead of a state, or null.</summary>
    public Checked.MeasuredData? MeasuredAssemblage => Scenario.Measured?.Value;
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
        // Probabilities from a file are one point without a model.
        if (MeasuredData?.FileData is { } measured) return [PointInput.Of(measured, ParametersAt(0))];
        var points = new PointInput[PointCount];
        for (var index = 0; index < points.Length; index++)
        {
            var i = index;
            if (MeasuredData?.Observed is { } observed)
            {
                // An observed inequality value: β at the point is the data (no state, so no realisation for the seesaw).
                points[i] = new PointInput(i, ParametersAt(i), () => observed.CarrierAt(Scenario.Sweep.Points[i]), null, i == 0 ? null : points[0]);
                continue;
            }
            if (MeasuredAssemblage is { } data)
            {
                // Measured data: the same assemblage at every point, no state, so no realisation (the seesaw has no start).
                points[i] = new PointInput(i, ParametersAt(i), () => data.Assemblage, null, i == 0 ? null : points[0]);
                continue;
            }
            var values = Scenario.Sweep.Points[i];
            points[i] = HasDetectionLoss
                ? PointInput.OfState(i, ParametersAt(i), () => StateAt(i), s => AssemblageWith(s, values), s => RealisationWith(s, values), i == 0 ? null : points[0])
                : PointInput.OfState(i, ParametersAt(i), () => StateAt(i), AssemblageOf, Realisation, i == 0 ? null : points[0]);
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
        if (MeasuredAssemblage is { } data) return new PointInput(-1, parameters, () => data.Assemblage, null, buildPoint);
        if (MeasuredData?.Observed is { } observed) return new PointInput(-1, parameters, () => observed.CarrierAt(values), null, buildPoint);
        return PointInput.OfState(-1, parameters, () => StateWith(values), s => AssemblageWith(s, values), s => RealisationWith(s, values), buildPoint);
    }

    /// <summary>ρ at given values of every parameter (off the grid as well).</summary>
    /// <exception cref="ArgumentException">The values do not give a state (QuantumValidationException says why).</exception>
    public DensityMatrix StateWith(double[] values) => ScenarioLanguage.State(Scenario, values);

    /// <summary>ρ at a point, validated as a density matrix.</summary>
    public DensityMatrix StateAt(int point) =>
        DensityMatrix.Create(ScenarioLanguage.DensityMatrix(Scenario, point), Dimensions);

    public Assemblage AssemblageOf(DensityMatrix state) => AssemblageBuilder.Build(state, TrustedPositions, Measurements);

    /// <summary>The assemblage of a state under the measurements at given parameter values (detection loss at those values).</summary>
    public Assemblage AssemblageWith(DensityMatrix state, double[] values) => AssemblageBuilder.Build(state, TrustedPositions, MeasurementsWith(values));

    public Assemblage AssemblageAt(int point) => AssemblageOf(StateAt(point));

    /// <summary>
    /// The assemblage of the maximally mixed state I/D with the same measurements (fully LHS). For measured data, which
    /// have no state or measurements, the data's own trivially LHS assemblage ρ_A / |A| at every (a, x) (Measured.NoiseAssemblage).
    /// </summary>
    public Assemblage WhiteNoiseAssemblage() =>
        MeasuredAssemblage is { } data ? SteeringRng.Certification.Data.MeasuredNoise.Of(data.Assemblage) : AssemblageOf(States.WhiteNoise(Dimensions));

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
    public QuantumRealisation Realisation(DensityMatrix state) => RealisationOf(state, Measurements);

    /// <summary>The realisation with the measurements at given parameter values (detection loss at those values).</summary>
    public QuantumRealisation RealisationWith(DensityMatrix state, double[] values) => RealisationOf(state, MeasurementsWith(values));

    private QuantumRealisation RealisationOf(DensityMatrix state, IReadOnlyList<IReadOnlyList<Povm>> measurements)
    {
        var trusted = TrustedPositions.ToArray();
        var untrusted = Untrusted.Select(n => n.Index).ToArray();
        var reordered = state.Reorder([.. trusted, .. untrusted]);
        var dT = trusted.Aggregate(1, (p, t) => p * state.Dimensions[t]);
        var povms = measurements
            .Select(party => (IReadOnlyList<IReadOnlyList<Matrix<Complex>>>)party
                .Select(p => (IReadOnlyList<Matrix<Complex>>)Enumerable.Range(0, p.OutcomeCount).Select(p.Element).ToArray()).ToArray())
            .ToArray();
        return new QuantumRealisation(reordered.Matrix, dT, untrusted.Select(u => state.Dimensions[u]).ToArray(), povms);
    }
}
