using System.Numerics;
using SteeringRng.Certification.Lowering;
using SteeringRng.Relaxation.Steering;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Data;

/// <summary>
/// The trusted node's statistics p(a b c | x y z) of a scenario (docs/formulations/measured-probabilities.md): the
/// trusted nodes' POVMs as one trusted system (tensor product in declaration order, as the assemblage's trusted
/// system), the observation form the relaxations take, and where each event (one setting and one outcome per node)
/// sits in the form's row order: untrusted tuple (assemblage order) outer, trusted event (setting, then outcome) inner.
/// </summary>
public sealed class ProbabilityLayout
{
    private readonly Checked.Node[] _trusted;
    private readonly Checked.Node[] _untrusted;
    private readonly int[] _trustedEventStart; // first event index of each combined trusted setting
    private readonly int _trustedEvents;

    public ProbabilityLayout(ScenarioModel model)
    {
        Nodes = model.Scenario.Nodes;
        _trusted = Nodes.Where(n => n.Role.IsTrusted).ToArray();
        _untrusted = model.Untrusted.ToArray();
        var trustedSettings = _trusted.Select(n => n.Settings.Length).ToArray();
        var combined = SteeringRng.Quantum.Assemblage.Tuples(trustedSettings).ToArray();
        var elements = new Complex[combined.Length][][,];
        _trustedEventStart = new int[combined.Length];
        var events = 0;
        for (var x = 0; x < combined.Length; x++)
        {
            var settings = combined[x].Select((s, k) => _trusted[k].Settings[s]).ToArray();
            var outcomeTuples = SteeringRng.Quantum.Assemblage.Tuples(settings.Select(s => s.Outcomes).ToArray()).ToArray();
            elements[x] = outcomeTuples.Select(a => Kron(a.Select((o, k) => settings[k].Elements[o]).ToArray())).ToArray();
            _trustedEventStart[x] = events;
            events += outcomeTuples.Length;
        }
        _trustedEvents = events;
        var dimension = _trusted.Aggregate(1, (p, n) => p * n.Dim);
        Form = MeasuredDataForm.Probabilities(dimension, _untrusted.Select(n => n.Settings.Length).ToArray(),
            _untrusted.Select(n => n.Settings[0].Outcomes).ToArray(), elements);
    }

    /// <summary>Every node in declaration order (the CSV's columns are named after them).</summary>
    public IReadOnlyList<Checked.Node> Nodes { get; }

    public MeasuredDataForm Form { get; }

    /// <summary>Number of events (rows of the form): one per setting and outcome of every node.</summary>
    public int Rows => Form.Rows;

    /// <summary>The form's row of an event, settings and outcomes given per node in declaration order.</summary>
    public int RowOf(IReadOnlyList<int> settings, IReadOnlyList<int> outcomes)
    {
        int x = 0, a = 0, ty = 0, tb = 0, tuples = 1;
        foreach (var n in _trusted)
        {
            x = x * n.Settings.Length + settings[n.Index];
            a = a * n.Settings[settings[n.Index]].Outcomes + outcomes[n.Index];
        }
        foreach (var n in _untrusted)
        {
            ty = ty * n.Settings.Length + settings[n.Index];
            tb = tb * n.Settings[0].Outcomes + outcomes[n.Index];
            tuples *= n.Settings[0].Outcomes;
        }
        return (ty * tuples + tb) * _trustedEvents + _trustedEventStart[x] + a;
    }

    /// <summary>Every event as (settings, outcomes) per node in declaration order, with its row.</summary>
    public IEnumerable<(int[] Settings, int[] Outcomes, int Row)> Events()
    {
        foreach (var settings in SteeringRng.Quantum.Assemblage.Tuples(Nodes.Select(n => n.Settings.Length).ToArray()))
            foreach (var outcomes in SteeringRng.Quantum.Assemblage.Tuples(Nodes.Select(n => n.Settings[settings[n.Index]].Outcomes).ToArray()))
                yield return (settings, outcomes, RowOf(settings, outcomes));
    }

    /// <summary>"Alice=X:0 Bob=Y:1 Charlie=X:0" for messages.</summary>
    public string DescribeEvent(IReadOnlyList<int> settings, IReadOnlyList<int> outcomes) =>
        string.Join(" ", Nodes.Select(n => $"{n.Name}={n.Settings[settings[n.Index]].Label}:{outcomes[n.Index]}"));

    private static Complex[,] Kron(Complex[][,] factors)
    {
        var m = new Complex[1, 1];
        m[0, 0] = Complex.One;
        foreach (var f in factors)
        {
            int r = m.GetLength(0), s = f.GetLength(0);
            var k = new Complex[r * s, r * s];
            for (var i = 0; i < r; i++)
                for (var j = 0; j < r; j++)
                    for (var p = 0; p < s; p++)
                        for (var q = 0; q < s; q++)
                            k[i * s + p, j * s + q] = m[i, j] * f[p, q];
            m = k;
        }
        return m;
    }
}
