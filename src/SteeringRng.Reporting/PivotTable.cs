namespace SteeringRng.Reporting;

/// <summary>
/// The sweep console table: one line per parameter point (sorted by the parameter values), one column per
/// (objective, bound), grouped by objective, each cell the row's H_min in bits (the critical visibility for a
/// steering-test row). A cell whose row is not optimal shows its status (abbreviated) instead of a number (a near-optimal
/// value is shown with a trailing "~"); the notes under the table say which rows those are and why.
/// </summary>
public static class PivotTable
{
    public const string NearOptimalMark = "~";

    /// <summary>Marks a seesaw cell whose attack is verified but not proven optimal (an upper bound on H_min).</summary>
    public const string VerifiedAttackMark = "^";

    /// <summary>Marks a relaxation cell whose certificate failed: the solver's raw H_min, unproven (the notes say why).</summary>
    public const string UncertifiedMark = "?";

    public static TextTable Build(RunReport report, TableOptions? options, out IReadOnlyList<string> notes)
    {
        options ??= new TableOptions();
        var names = report.ParameterNames();
        var pairs = report.Rows
            .Select(r => (r.Objective, r.Bound))
            .Distinct()
            .GroupBy(p => p.Objective)
            .SelectMany(g => g)
            .ToList();
        var points = report.Rows.Select(r => r.Parameters).Distinct().OrderBy(p => p, new PointOrder(names)).ToList();
        var cells = new Dictionary<(ParameterSet, string, string), ResultRow>();
        var noteList = new List<string>();
        foreach (var row in report.Rows)
        {
            if (!cells.TryAdd((row.Parameters, row.Objective, row.Bound), row))
                noteList.Add($"{Where(row)}: computed twice; the table shows the first value.");
        }

        var columns = names.Select(n => new TextColumn(["", ParameterLabels.Display(n)], ColumnAlignment.Right)).ToList();
        for (var i = 0; i < pairs.Count; i++)
        {
            var firstOfObjective = i == 0 || pairs[i - 1].Objective != pairs[i].Objective;
            columns.Add(new TextColumn(
                [firstOfObjective ? pairs[i].Objective : "", pairs[i].Bound], ColumnAlignment.Right, firstOfObjective));
        }
        var table = new TextTable(columns);
        foreach (var point in points)
        {
            var line = names.Select(n => point.TryGetValue(n, out var v) ? TableCells.Parameter(v) : "").ToList();
            foreach (var (objective, bound) in pairs)
            {
                line.Add(cells.TryGetValue((point, objective, bound), out var row) ? Cell(row, options.Decimals) : "");
            }
            table.AddRow([.. line]);
        }
        foreach (var row in report.Rows.Where(r => r.Certificate is { IsCertified: false } && RowStatus.HasValue(r.Status)))
            noteList.Add($"{Where(row)}: not certified ({row.Certificate!.Reason}); the value is the solver's, unproven ({UncertifiedMark})");
        foreach (var row in report.Rows.Where(r => !RowStatus.IsOptimal(r.Status)))
        {
            noteList.Add(row.Message.Length == 0 ? $"{Where(row)}: {row.Status}" : $"{Where(row)}: {row.Status}: {row.Message}");
        }
        notes = noteList;
        return table;
    }

    /// <summary>The caption above the table: what the cells are.</summary>
    public static string Caption(RunReport report)
    {
        var steering = report.Rows.Any(r => r.CriticalVisibility is not null);
        var hasHmin = report.Rows.Any(r => r.CriticalVisibility is null);
        return (hasHmin, steering) switch
        {
            (true, true) => "H_min in bits (critical visibility in steering-test columns); columns: objective / bound",
            (false, true) => "critical visibility; columns: objective / bound",
            _ => "H_min in bits; columns: objective / bound",
        } + (report.Rows.Any(r => r.Certificate is not null)
            ? "; relaxation cells are certified lower bounds on H_min (exact dual certificates, rounded down)" +
              (steering ? ", steering cells certified upper bounds on v* (exact steering witnesses, rounded up)" : "") + ", ? = not certified"
            : "");
    }

    private static string Cell(ResultRow row, int decimals)
    {
        if (row.Certificate is { } certificate && row.CriticalVisibility is null && row.Hmin is not null && RowStatus.HasValue(row.Status))
        {
            // Certified by default: the proven H_min, rounded down; a failed certificate shows the raw value marked.
            if (certificate.IsCertified && certificate.Hmin is { } proven)
                return TableCells.FixedDown(proven, decimals) + (row.Status == RowStatus.NearOptimal ? NearOptimalMark : "");
            return TableCells.Fixed(row.Hmin, decimals) + UncertifiedMark;
        }
        if (row.Certificate is { } witness && row.CriticalVisibility is { } raw && RowStatus.HasValue(row.Status))
        {
            // A steering cell: the witness's proven upper bound on v* (rounded up: steerable above it); a failed check
            // shows the raw v* marked, as for P_g rows.
            if (witness.IsCertified && witness.Visibility is { } proven)
                return TableCells.FixedUp(proven, decimals) + (row.Status == RowStatus.NearOptimal ? NearOptimalMark : "");
            return TableCells.Fixed(raw, decimals) + UncertifiedMark;
        }
        var value = row.CriticalVisibility ?? row.Hmin;
        if (RowStatus.IsOptimal(row.Status)) return TableCells.Fixed(value, decimals);
        if (row.Status == RowStatus.NearOptimal && value is not null) return TableCells.Fixed(value, decimals) + NearOptimalMark;
        if (row.Status == RowStatus.VerifiedAttack && value is not null) return TableCells.Fixed(value, decimals) + VerifiedAttackMark;
        return ShortStatus(row.Status);
    }

    /// <summary>A failed cell names its status briefly, so one failure does not widen a column of numbers.</summary>
    private static string ShortStatus(string status) => status switch
    {
        RowStatus.IterationLimit => "iter-limit",
        RowStatus.NumericalFailure => "num-fail",
        RowStatus.Infeasible => "infeasible",
        _ => status,
    };

    private static string Where(ResultRow row)
    {
        var point = TableCells.Point(row.Parameters);
        return (point.Length == 0 ? "" : point + " ") + row.Objective + " / " + row.Bound;
    }

    /// <summary>Orders parameter points by their values, parameter by parameter (a missing one first).</summary>
    private sealed class PointOrder(IReadOnlyList<string> names) : IComparer<ParameterSet>
    {
        public int Compare(ParameterSet? x, ParameterSet? y)
        {
            foreach (var name in names)
            {
                var hasX = x!.TryGetValue(name, out var vx);
                var hasY = y!.TryGetValue(name, out var vy);
                if (hasX != hasY) return hasX ? 1 : -1;
                var order = vx.CompareTo(vy);
                if (order != 0) return order;
            }
            return 0;
        }
    }
}
