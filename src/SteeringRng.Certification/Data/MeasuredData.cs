using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Data;

/// <summary>
/// A scenario's measured-data form (docs/formulations/measured-probabilities.md): the trusted node's probabilities,
/// computed from the model state at each point, or read (and, if asked, repaired) from a CSV file as one data point.
/// The relaxations see only these probabilities (<see cref="Relaxations.MeasuredData(SteeringRng.Relaxation.Steering.MeasuredDataForm, Assemblage, Func{Assemblage, bool, IRelaxation})"/>).
/// </summary>
public sealed class MeasuredData
{
    private MeasuredData(ProbabilityLayout? layout, MeasuredDataForm form, Assemblage? fileData, string note, ObservedInequality? observed = null)
    {
        Layout = layout;
        Form = form;
        FileData = fileData;
        Note = note;
        Observed = observed;
    }

    /// <summary>For <c>inequality = ... value beta</c>: the observed value β at every point (it, not the state, is the data);
    /// null when the value is computed from the state.</summary>
    public ObservedInequality? Observed { get; }

    /// <summary>The probabilities' layout (null for an inequality value).</summary>
    public ProbabilityLayout? Layout { get; }

    /// <summary>What the relaxations observe of the assemblage.</summary>
    public MeasuredDataForm Form { get; }

    /// <summary>For a file: σ(Λ⁺p), the least-norm no-signalling assemblage with the (repaired) probabilities p — a carrier
    /// of p for the engine (the relaxations use only its probabilities); null for data computed from the state.</summary>
    public Assemblage? FileData { get; }

    /// <summary>What was done to the data (the repair and its distance), for every result row; "" when nothing.</summary>
    public string Note { get; }

    /// <summary>The scenario's measured data, or null when it certifies from the assemblage.</summary>
    /// <exception cref="ScenarioInputException">The file is not valid (located), or its data signal and no repair was asked for.</exception>
    public static MeasuredData? Of(ScenarioModel model)
    {
        var spec = model.Scenario.Data;
        if (spec.Source.IsAssemblage) return null;
        if (spec.Source is Checked.DataSource.SteeringInequality inequality) return SteeringInequality(model, inequality.parameter, inequality.value);
        if (spec.Source is Checked.DataSource.FunctionalFile functional) return FunctionalFile(model, functional.file, functional.functional);
        var layout = new ProbabilityLayout(model);
        if (spec.Source is not Checked.DataSource.ProbabilitiesFile file) return new MeasuredData(layout, layout.Form, null, "");
        var table = ProbabilitiesCsv.Read(file.file, file.text, layout);
        // The repair lands in every declared npa bound's Q_k set (docs/formulations/measured-probabilities.md, "Repair").
        var npa = model.Scenario.Bounds.Select(b => Lowering.BoundSpecs.Of(model, b)).OfType<Bounds.BoundSpec.Npa>().ToArray();
        // The repair builds each level's relaxation while the model loads, before any bound's estimate is asked: work
        // that cannot fit is refused here, before it starts, as the bounds' own estimates would refuse it.
        if (spec.Repair.IsNearest)
            foreach (var level in npa)
                if (Estimates.JobEstimates.RepairSet(model, level) is var e && Estimates.MemoryBudget.Needed(e, 1) > Estimates.MemoryBudget.Available)
                    throw new ScenarioInputException($"{file.file}: repair = nearest would project the counts onto {e.What}, an estimated {Estimates.RelaxationEstimate.Bytes(Estimates.MemoryBudget.Needed(e, 1))}, over the {Estimates.RelaxationEstimate.Bytes(Estimates.MemoryBudget.Available)} available to this process; declare a lower npa level (the repair lands in every declared level's set)");
        var (values, note) = ProbabilityRepair.Apply(file.file, table, layout, spec.Repair.IsNearest, npa);
        Assemblage carrier;
        try { carrier = layout.Form.AssemblageOf(values, 1e-7); }
        catch (ArgumentException e) { throw new ScenarioInputException($"{file.file}: {e.Message}"); }
        return new MeasuredData(layout, layout.Form, carrier, note);
    }

    /// <summary>
    /// One inequality value: the steering test's optimal functional F at <paramref name="parameter"/> =
    /// <paramref name="value"/> (critical visibility against white noise, docs/formulations/steering-test.md), for which
    /// β(σ) = Σ Re Tr[F σ] ≥ 0 on every fully-LHS assemblage (steering shows as β &lt; 0). The relaxations keep
    /// Σ Tr[F σ] ≤ β(σ(point)) — as "≥" of −F, see the formulation — and normalisation, nothing else.
    /// </summary>
    private static MeasuredData SteeringInequality(ScenarioModel model, string parameter, double value)
    {
        var (target, functional, critical) = SteeringTestFunctional(model, parameter, value);
        var note = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"data: one steering-inequality value only (the steering test's functional F at {parameter} = {value}, critical visibility {critical:0.####}; Σ Tr[F σ] ≤ {ValueSource(model)}, and normalisation)");
        return OneValue(model, target, functional, note);
    }

    /// <summary>Where β comes from, for the row note.</summary>
    private static string ValueSource(ScenarioModel model) =>
        model.Scenario.Data.Observed is null ? "its value for the state" : "the observed value β given by 'value'";

    /// <summary>
    /// The steering test's optimal functional F (assemblage order, <see cref="FunctionalFiles.Blocks"/>) at
    /// <paramref name="parameter"/> = <paramref name="value"/>, the other parameters as at the grid's first point: what
    /// <c>inequality = steering(...)</c> uses, and what <see cref="FunctionalFiles.Write"/> saves for <c>inequality = file(...)</c>.
    /// </summary>
    /// <returns>The assemblage at that point, F, and the critical visibility v*.</returns>
    /// <exception cref="ScenarioInputException">No state there, or the test does not solve.</exception>
    public static (Assemblage Target, System.Numerics.Complex[][,] Functional, double Critical) SteeringTestFunctional(ScenarioModel model, string parameter, double value)
    {
        var where = $"inequality = steering({parameter} = {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)})";
        Assemblage target;
        try { target = model.AssemblageOf(model.StateWith(model.ValuesWith(parameter, value))); }
        catch (Exception e) when (e is ArgumentException or QuantumValidationException) { throw new ScenarioInputException($"{model.Scenario.Range}: {where}: {e.Message}"); }
        var (functional, critical) = SteeringTestFunctional(target, model.WhiteNoiseAssemblage(), $"{model.Scenario.Range}: {where}");
        return (target, functional, critical);
    }

    /// <summary>The steering test's optimal functional F of <paramref name="target"/> against <paramref name="noise"/>, and v*.</summary>
    /// <param name="where">Where the request comes from, for the message when the test does not solve.</param>
    /// <exception cref="ScenarioInputException">The test does not solve.</exception>
    public static (System.Numerics.Complex[][,] Functional, double Critical) SteeringTestFunctional(Assemblage target, Assemblage noise, string where)
    {
        var visibility = Relaxations.CriticalVisibility(target, noise);
        var solution = new SteeringRng.Sdp.InteriorPointSolver().Solve(visibility.Problem);
        if (solution.Status is not (SteeringRng.Sdp.SdpStatus.Optimal or SteeringRng.Sdp.SdpStatus.NearOptimal))
            throw new ScenarioInputException($"{where}: the steering test did not solve ({solution.Status}: {solution.Message})");
        return (visibility.SteeringFunctional(solution), visibility.Read(solution).Bound);
    }

    /// <summary>
    /// One inequality value with the functional F read from a file (<c>inequality = file("F.json")</c>, in the steering
    /// test's convention: β ≥ 0 on fully-LHS assemblages, smaller is more steering); the value β(σ(point)) from the state.
    /// </summary>
    private static MeasuredData FunctionalFile(ScenarioModel model, string file, Assemblage functional)
    {
        Assemblage shape;
        try { shape = model.Scenario.Data.Observed is null ? model.AssemblageAt(0) : ObservedInequality.ShapeOf(model); }
        catch (Exception e) when (e is ArgumentException or QuantumValidationException) { throw new ScenarioInputException($"{model.Scenario.Range}: inequality = file(\"{file}\"): {e.Message}"); }
        if (!FunctionalFiles.SameShape(functional, shape))
            throw new ScenarioInputException($"{file}: the functional's layout ({FunctionalFiles.DescribeShape(functional)}) is not the assemblage's ({FunctionalFiles.DescribeShape(shape)}), e.g. with detection loss the no-click outcome counts");
        return OneValue(model, shape, FunctionalFiles.Blocks(functional),
            $"data: one steering-inequality value only (the functional F of '{file}'; Σ Tr[F σ] ≤ {ValueSource(model)}, and normalisation)");
    }

    /// <summary>The form "Σ Tr[F σ] ≤ β" — kept as "Σ Tr[(−F) σ] ≥ −β" (docs/formulations/measured-probabilities.md) — for F in
    /// assemblage order; with an observed value, β at every point checked against F's range.</summary>
    private static MeasuredData OneValue(ScenarioModel model, Assemblage shape, System.Numerics.Complex[][,] functional, string note)
    {
        var negated = functional
            .Select(f => { var m = (System.Numerics.Complex[,])f.Clone(); for (var i = 0; i < m.GetLength(0); i++) for (var j = 0; j < m.GetLength(1); j++) m[i, j] = -m[i, j]; return m; })
            .ToArray();
        var form = MeasuredDataForm.Functional(shape.TrustedDimension, shape.Settings.ToArray(), shape.Outcomes.ToArray(), negated, atLeast: true);
        var observed = model.Scenario.Data.Observed is { } given ? ObservedInequality.Of(model, given.Value, form, FunctionalFiles.Of(functional, shape)) : null;
        return new MeasuredData(null, form, null, note, observed);
    }
}
