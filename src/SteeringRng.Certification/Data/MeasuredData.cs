using SteeringRng.Certification.Input;
using SteeringRng.Certification.Lowering;
using SteeringRng.Quantum;
using SteeringRng.Relaxation;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Data;

/// <summary>
/// A scenario's measured-data form (docs/formulations/measured-probabilities.md): the trusted node's probabilities,
/// computed from the model state at each point, or read (and, if asked, repaired) from a CSV file as one data point.
/// The relaxations see only these probabilities (<see cref="Relaxations.MeasuredData(SteeringRng.Relaxation.Steering.MeasuredDataForm, Assemblage, Func{Assemblage, bool, IRelaxation})"/>).
/// </summary>
public sealed class MeasuredData
{
    private MeasuredData(ProbabilityLayout layout, Assemblage? fileData, string note)
    {
        Layout = layout;
        FileData = fileData;
        Note = note;
    }

    public ProbabilityLayout Layout { get; }

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
        var layout = new ProbabilityLayout(model);
        if (spec.Source is not Checked.DataSource.ProbabilitiesFile file) return new MeasuredData(layout, null, "");
        var table = ProbabilitiesCsv.Read(file.file, file.text, layout);
        var (values, note) = ProbabilityRepair.Apply(file.file, table, layout, spec.Repair.IsNearest);
        Assemblage carrier;
        try { carrier = layout.Form.AssemblageOf(values, 1e-7); }
        catch (ArgumentException e) { throw new ScenarioInputException($"{file.file}: {e.Message}"); }
        return new MeasuredData(layout, carrier, note);
    }
}
