namespace SteeringRng.Reporting;

/// <summary>
/// Prints a run report for a reader at a terminal: a title line, the table in the chosen layout, and notes
/// (rows that are not optimal, an interrupted run). For a sweep over several bounds the pivot is the default:
/// 71 points × 8 (objective, bound) pairs read as 71 lines of H_min instead of 568 lines of fields.
/// </summary>
public static class ReportTable
{
    public static void Write(RunReport report, TextWriter writer, TableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new TableOptions();
        // The title comes from a scenario file (or a JSON report): escape control characters, as diagnostics do.
        writer.WriteLine($"Scenario: {SteeringRng.Scenario.ScenarioLanguage.Printable(report.Scenario)}");
        // Repaired measured data are never used silently: the distance heads the table (and is in every JSON row).
        if (report.Rows.Select(r => r.RepairDistance).FirstOrDefault(d => d is not null) is { } repair)
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Data: repaired to the nearest valid assemblage, Frobenius distance {repair:G4} from the measured data (repair_distance; docs/formulations/measured-data.md)"));
        else if (report.DataNote is { Length: > 0 } note)
            writer.WriteLine("Data: " + SteeringRng.Scenario.ScenarioLanguage.Printable(note));
        if (report.Rows.Count == 0)
        {
            writer.WriteLine("(no results)");
        }
        else if (ChooseLayout(report, options.Layout) == TableLayout.Pivot)
        {
            var table = PivotTable.Build(report, options, out var notes);
            writer.WriteLine(PivotTable.Caption(report));
            writer.WriteLine();
            table.Write(writer);
            if (report.Rows.Any(r => r.Status == RowStatus.NearOptimal))
                writer.WriteLine($"{PivotTable.NearOptimalMark} = near-optimal: solved to reduced accuracy.");
            if (report.Rows.Any(r => r.Status == RowStatus.VerifiedAttack))
                writer.WriteLine($"{PivotTable.VerifiedAttackMark} = verified attack: an upper bound on H_min, not proven optimal.");
            if (notes.Count > 0)
            {
                writer.WriteLine();
                writer.WriteLine("Notes:");
                foreach (var note in notes) writer.WriteLine("  " + note.ReplaceLineEndings(" "));
            }
        }
        else
        {
            writer.WriteLine();
            RowTable.Build(report, options).Write(writer);
        }
        if (report.Interrupted)
        {
            writer.WriteLine();
            writer.WriteLine("The run was interrupted: the results above are incomplete.");
        }
    }

    /// <summary>Auto: pivot when there are several parameter points and several (objective, bound) pairs.</summary>
    public static TableLayout ChooseLayout(RunReport report, TableLayout requested)
    {
        if (requested != TableLayout.Auto) return requested;
        var points = report.Rows.Select(r => r.Parameters).Distinct().Count();
        var pairs = report.Rows.Select(r => (r.Objective, r.Bound)).Distinct().Count();
        return points > 1 && pairs > 1 ? TableLayout.Pivot : TableLayout.Rows;
    }
}
