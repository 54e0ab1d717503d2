using System.Globalization;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Quantum;
using SteeringRng.Relaxation.Steering;
using SteeringRng.Scenario;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Data;

/// <summary>
/// An observed steering-functional value, <c>inequality = file("F.json") value beta</c> or <c>inequality =
/// steering(mu = 0.7) value beta</c> (docs/formulations/measured-probabilities.md, "An observed value"): at every sweep
/// point the data are the number β, not a state. The relaxations keep Σ Tr[F σ] ≤ β and normalisation; the engine
/// carries β as σ(Λ⁺(−β, 1)), the least-norm no-signalling assemblage with that observation (the form observes −F).
/// </summary>
public sealed class ObservedInequality
{
    private readonly ScenarioModel _model;
    private readonly Checked.ObservedValue _given;
    private readonly MeasuredDataForm _form;

    private ObservedInequality(ScenarioModel model, Checked.ObservedValue given, MeasuredDataForm form) =>
        (_model, _given, _form) = (model, given, form);

    /// <summary>The observed value of a scenario, checked at every grid point against what F can take on any assemblage.</summary>
    /// <param name="form">The form "Σ Tr[(−F) σ] ≥ −β" the relaxations use.</param>
    /// <param name="functional">F in the assemblage's layout.</param>
    /// <exception cref="ScenarioInputException">β outside F's range at some point (SR1213, located at the value).</exception>
    public static ObservedInequality Of(ScenarioModel model, Checked.ObservedValue given, MeasuredDataForm form, Assemblage functional)
    {
        var observed = new ObservedInequality(model, given, form);
        var range = FunctionalRange.ofFunctional(functional);
        var sweep = model.Scenario.Sweep;
        for (var k = 0; k < sweep.Points.Length; k++)
        {
            var beta = observed.ValueAt(sweep.Points[k]);
            if (!FunctionalRange.contains(range.Item1, range.Item2, beta))
                throw new ScenarioInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{given.Range}: error SR1213: inequality ... value: the value {beta:R} at {sweep.Describe(k)} is outside [{range.Item1:R}, {range.Item2:R}], what Σ Tr[F σ] can take on any assemblage"));
        }
        return observed;
    }

    /// <summary>β at given values of every parameter.</summary>
    public double ValueAt(double[] values) =>
        ScenarioLanguage.ObservedValue(_model.Scenario, values) ?? throw new InvalidOperationException("the scenario gives no observed value");

    /// <summary>The data of a point: σ(Λ⁺(−β, 1)), whose observation by the form is (−β, 1) (not a positive assemblage in general:
    /// the relaxations use only its observation).</summary>
    /// <exception cref="ScenarioInputException">No no-signalling assemblage has this value (F a multiple of the normalisation).</exception>
    public Assemblage CarrierAt(double[] values)
    {
        var beta = ValueAt(values);
        try { return _form.AssemblageOf([-beta, 1.0], 1e-7); }
        catch (ArgumentException e) { throw new ScenarioInputException($"{_given.Range}: inequality ... value {beta.ToString("R", CultureInfo.InvariantCulture)}: {e.Message}"); }
    }

    /// <summary>
    /// The assemblage layout of a scenario without a state (all blocks zero): the trusted nodes as one system of the product
    /// dimension, each untrusted node's settings and outcomes (the no-click outcome included) from the checked scenario.
    /// </summary>
    /// <exception cref="ScenarioInputException">A node's settings have different numbers of outcomes.</exception>
    public static Assemblage ShapeOf(ScenarioModel model)
    {
        var trusted = model.TrustedPositions.Aggregate(1, (p, t) => p * model.Dimensions[t]);
        var settings = model.Untrusted.Select(n => n.Settings.Length).ToArray();
        var outcomes = model.Untrusted.Select(n =>
        {
            var counts = n.Settings.Select(s => s.Outcomes).Distinct().ToArray();
            if (counts.Length != 1)
                throw new ScenarioInputException($"{model.Scenario.Range}: node '{n.Name}': a steering functional needs the same number of outcomes at every setting; its settings have {string.Join(", ", counts)}");
            return counts[0];
        }).ToArray();
        return new Assemblage(trusted, settings, outcomes, (_, _) => new System.Numerics.Complex[trusted, trusted]);
    }
}
