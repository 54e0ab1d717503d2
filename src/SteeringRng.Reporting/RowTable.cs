namespace SteeringRng.Reporting;

/// <summary>
/// The long console table: one line per result row with every field, in the order the rows were computed.
/// Columns: parameters, objective, bound, P_guess, H_min (bits), [H_min cert. (proven, rounded down)], [visibility], status, iter, seconds, message.
/// </summary>
public static class RowTable
{
    public static TextTable Build(RunReport report, TableOptions? options = null)
    {
        options ??= new TableOptions();
        var names = report.ParameterNames();
        var withVisibility = report.Rows.Any(r => r.CriticalVisibility is not null);
        var withCertificates = report.Rows.Any(r => r.Certificate is not null);
        var columns = names.Select(n => new TextColumn(ParameterLabels.Display(n), ColumnAlignment.Right)).ToList();
        columns.Add(new TextColumn("objective", ColumnAlignment.Left));
        columns.Add(new TextColumn("bound", ColumnAlignment.Left));
        columns.Add(new TextColumn("P_guess", ColumnAlignment.Right));
        columns.Add(new TextColumn("H_min (bits)", ColumnAlignment.Right));
        if (withCertificates) columns.Add(new TextColumn("H_min cert.", ColumnAlignment.Right));
        if (withVisibility) columns.Add(new TextColumn("visibility", ColumnAlignment.Right));
        columns.Add(new TextColumn("status", ColumnAlignment.Left));
        columns.Add(new TextColumn("iter", ColumnAlignment.Right));
        columns.Add(new TextColumn("seconds", ColumnAlignment.Right));
        columns.Add(new TextColumn("message", ColumnAlignment.Left));
        var table = new TextTable(columns);
        foreach (var row in report.Rows)
        {
            var cells = names
                .Select(n => row.Parameters.TryGetValue(n, out var v) ? TableCells.Parameter(v) : "")
                .ToList();
            cells.AddRange([row.Objective, row.Bound, TableCells.Fixed(row.Pguess, options.Decimals), TableCells.Fixed(row.Hmin, options.Decimals)]);
            if (withCertificates)
                cells.Add(row.Certificate switch
                {
                    null => "",
                    { IsCertified: true, Hmin: { } h } => TableCells.FixedDown(h, options.Decimals),
                    { IsCertified: true, Visibility: { } w } => "v* ≤ " + TableCells.FixedUp(w, options.Decimals),
                    { IsCertified: true, Value: { } v } => "≤ " + v.ToString("G10", System.Globalization.CultureInfo.InvariantCulture),
                    _ => "uncertified",
                });
            if (withVisibility) cells.Add(TableCells.Fixed(row.CriticalVisibility, options.Decimals));
            cells.AddRange([row.Status, TableCells.Iterations(row.Iterations), TableCells.Seconds(row.Seconds), row.Message]);
            table.AddRow([.. cells]);
        }
        return table;
    }
}
