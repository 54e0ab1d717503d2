using System.Globalization;
using SteeringRng.Certification.Results;
using SteeringRng.Relaxation;
using SteeringRng.Relaxation.Steering;
using Checked = SteeringRng.Scenario.Checked;

namespace SteeringRng.Certification.Data;

/// <summary>
/// What every row computed from measured data says about them: the repair distance when the data were repaired (never
/// silently: <see cref="ResultRow.RepairDistance"/>, and a note in the message), and, for the relaxation rows, that no
/// symmetry reduction was made when the data have no exact symmetry (noisy data), so that a reader comparing with
/// model data knows why the problem is larger. Exact data keep their symmetries and are reduced as model data are.
/// Data seen only through an observation Λσ that leaves directions of σ open (incomplete trusted measurements, one
/// inequality value) are relaxed over those directions (the lifted relaxation, docs/formulations/measured-probabilities.md),
/// which is never symmetry-reduced: its rows say so too, exact data or not.
/// </summary>
public sealed class DataRowNotes(Checked.MeasuredData? data, bool symmetry, MeasuredDataForm? observed = null)
{
    private readonly Lazy<int> _symmetries = new(() => data is null ? 1 : Relaxations.SymmetryCount(data.Assemblage));

    /// <summary>The row with the data's notes (unchanged for a scenario with a state).</summary>
    public ResultRow Annotate(ResultRow row)
    {
        if (observed is { DeterminesAssemblage: false } && symmetry && Relaxed(row))
            return row with { Message = Join(row.Message, string.Create(CultureInfo.InvariantCulture,
                $"no symmetry reduction (the data fix σ only through {observed.Rows} observed numbers, leaving {observed.UnobservedDirections} directions open; that relaxation is built in full)")) };
        if (data is null) return row;
        var notes = new List<string>();
        double? distance = null;
        if (data.Repair?.Value is { } repair)
        {
            distance = repair.Distance;
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"repaired data, Frobenius distance {repair.Distance:G4}"));
        }
        if (symmetry && Relaxed(row) && _symmetries.Value == 1)
            notes.Add("no symmetry reduction (the data have no exact symmetry)");
        if (notes.Count == 0 && distance is null) return row;
        return row with { RepairDistance = distance, Message = Join(row.Message, notes.ToArray()) };
    }

    /// <summary>A relaxation row that was solved (not a seesaw, not "not applicable").</summary>
    private static bool Relaxed(ResultRow row) =>
        row.Status != RowStatus.NotApplicable && !row.Bound.StartsWith("seesaw", StringComparison.Ordinal);

    private static string Join(string message, params string[] notes) =>
        string.Join("; ", new[] { message }.Concat(notes).Where(m => m.Length > 0));

    /// <summary>Why the seesaw gives no row for measured data.</summary>
    public static string SeesawNeedsModel(Checked.MeasuredData data) =>
        $"the seesaw searches attacks starting from a model of the data (a state and measurements); measured data ('{data.File}') have none, " +
        "so it does not apply (give 'state = ...' and measurements for it; the relaxation bounds are computed from the data)";
}
