using System.Globalization;
using SteeringRng.Certification.Input;

namespace SteeringRng.Certification.Data;

/// <summary>
/// Measured probabilities or counts from a tidy CSV (docs/formulations/measured-probabilities.md, "The CSV file"): a
/// header row, then one row per event class, with for every node N of the scenario a column <c>N.setting</c> (the
/// setting's label as in the measure line, or its index) and <c>N.outcome</c> (0, 1, …), and one value column,
/// <c>count</c> (non-negative integers) or <c>probability</c> (in [0, 1], summing to 1 at each setting tuple). Every
/// event of every setting tuple must appear exactly once; every setting tuple must have been measured (count total
/// &gt; 0). Rows are numbered from 1 (the header); every problem is a <see cref="ScenarioInputException"/> naming the
/// file, the row and what is wrong.
/// </summary>
public static class ProbabilitiesCsv
{
    /// <summary>The table in the layout's row order.</summary>
    /// <exception cref="ScenarioInputException">The text is not such a file (the message locates the problem).</exception>
    public static ProbabilityTable Read(string file, string text, ProbabilityLayout layout)
    {
        // Every fault names the file and its row; the exception also carries the line the row starts on (rows are
        // records, and a quoted field may span lines), so that `steer check` can print file:line.
        ScenarioInputException At(int? line, string where, string what) => new($"{file}: {where}: {what}") { DataFile = file, DataLine = line };
        var records = CsvRecords.Read(text, (line, message) => At(line, "malformed CSV", message));
        ScenarioInputException Fail(string where, string what, int? row = null) =>
            At(row is { } r && r >= 1 && r <= records.Count ? records[r - 1].Line : null, where, what);
        // Blank lines (e.g. a trailing one) are not rows.
        var rows = records.Select((r, i) => (r.Fields, Row: i + 1)).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Trim().Length == 0)).ToList();
        if (rows.Count == 0) throw At(1, "row 1", "the file is empty; it needs a header row (e.g. Alice.setting,Alice.outcome,Bob.setting,Bob.outcome,count)");
        var header = rows[0].Fields.Select(h => h.Trim()).ToArray();
        var nodes = layout.Nodes;
        var settingColumn = new int[nodes.Count];
        var outcomeColumn = new int[nodes.Count];
        Array.Fill(settingColumn, -1);
        Array.Fill(outcomeColumn, -1);
        int countColumn = -1, probabilityColumn = -1;
        for (var c = 0; c < header.Length; c++)
        {
            var name = header[c];
            var where = $"row {rows[0].Row} (header), column {c + 1}";
            for (var k = 0; k < c; k++)
                if (header[k] == name) throw Fail(where, $"column '{Shown(name)}' is given twice (also column {k + 1})", rows[0].Row);
            if (name == "count") { countColumn = c; continue; }
            if (name == "probability") { probabilityColumn = c; continue; }
            var dot = name.LastIndexOf('.');
            var node = dot < 0 ? null : nodes.FirstOrDefault(n => n.Name == name[..dot]);
            var part = dot < 0 ? "" : name[(dot + 1)..];
            if (node is null || (part != "setting" && part != "outcome"))
                throw Fail(where, $"unknown column '{Shown(name)}'; the columns are {string.Join(", ", nodes.SelectMany(n => new[] { n.Name + ".setting", n.Name + ".outcome" }))} and count or probability", rows[0].Row);
            (part == "setting" ? settingColumn : outcomeColumn)[node.Index] = c;
        }
        foreach (var n in nodes)
        {
            if (settingColumn[n.Index] < 0) throw Fail($"row {rows[0].Row} (header)", $"no column '{n.Name}.setting' (every node needs a setting and an outcome column)", rows[0].Row);
            if (outcomeColumn[n.Index] < 0) throw Fail($"row {rows[0].Row} (header)", $"no column '{n.Name}.outcome' (every node needs a setting and an outcome column)", rows[0].Row);
        }
        if (countColumn >= 0 && probabilityColumn >= 0) throw Fail($"row {rows[0].Row} (header)", "give either a 'count' or a 'probability' column, not both", rows[0].Row);
        if (countColumn < 0 && probabilityColumn < 0) throw Fail($"row {rows[0].Row} (header)", "no 'count' or 'probability' column", rows[0].Row);
        var counts = countColumn >= 0;
        var valueColumn = counts ? countColumn : probabilityColumn;

        var values = new double[layout.Rows];
        var seenAt = new int[layout.Rows];
        foreach (var (fields, row) in rows.Skip(1))
        {
            var where = $"row {row}";
            if (fields.Count != header.Length) throw Fail(where, $"{fields.Count} fields, but the header has {header.Length}", row);
            var settings = new int[nodes.Count];
            var outcomes = new int[nodes.Count];
            foreach (var n in nodes)
            {
                var label = fields[settingColumn[n.Index]].Trim();
                var s = Array.FindIndex(n.Settings, x => x.Label == label);
                if (s < 0 && int.TryParse(label, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < n.Settings.Length) s = index;
                if (s < 0)
                    throw Fail(where, $"column '{n.Name}.setting': '{Shown(label)}' is not a setting of {n.Name}; its settings are {string.Join(", ", n.Settings.Select(x => x.Label))}", row);
                settings[n.Index] = s;
                var outcomeText = fields[outcomeColumn[n.Index]].Trim();
                var limit = n.Settings[s].Outcomes;
                if (!int.TryParse(outcomeText, NumberStyles.None, CultureInfo.InvariantCulture, out var o) || o >= limit)
                    throw Fail(where, $"column '{n.Name}.outcome': '{Shown(outcomeText)}' is not an outcome of {n.Name}.{n.Settings[s].Label} (0..{limit - 1})", row);
                outcomes[n.Index] = o;
            }
            var valueText = fields[valueColumn].Trim();
            double value;
            if (counts)
            {
                if (!long.TryParse(valueText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
                    throw Fail(where, $"column 'count': '{Shown(valueText)}' is not a whole number", row);
                if (count < 0) throw Fail(where, $"column 'count': negative count {count}", row);
                value = count;
            }
            else
            {
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
                    throw Fail(where, $"column 'probability': '{Shown(valueText)}' is not a finite number", row);
                if (value < 0 || value > 1) throw Fail(where, $"column 'probability': {Shown(valueText)} is outside [0, 1]", row);
            }
            var r = layout.RowOf(settings, outcomes);
            if (seenAt[r] != 0) throw Fail(where, $"duplicate row: the event {layout.DescribeEvent(settings, outcomes)} is already given in row {seenAt[r]}", row);
            seenAt[r] = row;
            values[r] = value;
        }

        // Every event of every setting tuple, each tuple measured; counts → frequencies with their totals.
        var totals = new double[layout.Rows];
        foreach (var group in layout.Events().GroupBy(e => string.Join(",", e.Settings)))
        {
            var events = group.ToArray();
            foreach (var e in events)
                if (seenAt[e.Row] == 0)
                    throw Fail("missing row", $"no row for the event {layout.DescribeEvent(e.Settings, e.Outcomes)} (every outcome of every setting tuple needs a row{(counts ? "; write 0 for a count that is zero" : "")})");
            var sum = events.Sum(e => values[e.Row]);
            var tuple = string.Join(" ", layout.Nodes.Select(n => $"{n.Name}.{n.Settings[events[0].Settings[n.Index]].Label}"));
            if (counts)
            {
                if (sum == 0) throw Fail("setting never measured", $"the setting tuple {tuple} has no counts (total 0); every setting tuple must be measured", events.Select(e => seenAt[e.Row]).Min());
                foreach (var e in events) { values[e.Row] /= sum; totals[e.Row] = sum; }
            }
            else if (Math.Abs(sum - 1) > 1e-6)
                throw Fail($"rows {string.Join(", ", events.Select(e => seenAt[e.Row]).Order().Take(3))}{(events.Length > 3 ? ", …" : "")}",
                    $"the probabilities of the setting tuple {tuple} sum to {sum.ToString("R", CultureInfo.InvariantCulture)}, not 1",
                    events.Select(e => seenAt[e.Row]).Min());
        }
        return new ProbabilityTable(values, counts ? totals : null);
    }

    /// <summary>
    /// The file for given values in the layout's row order (the format <see cref="Read"/> takes): <c>count</c> when
    /// <paramref name="counts"/> (values rounded to whole numbers), else <c>probability</c> in round-trip precision.
    /// </summary>
    public static string Write(ProbabilityLayout layout, IReadOnlyList<double> values, bool counts)
    {
        var header = layout.Nodes.SelectMany(n => new[] { n.Name + ".setting", n.Name + ".outcome" }).Append(counts ? "count" : "probability");
        var rows = layout.Events().Select(e => layout.Nodes
            .SelectMany(n => new[] { n.Settings[e.Settings[n.Index]].Label, e.Outcomes[n.Index].ToString(CultureInfo.InvariantCulture) })
            .Append(counts ? Math.Round(values[e.Row]).ToString("0", CultureInfo.InvariantCulture) : values[e.Row].ToString("R", CultureInfo.InvariantCulture))
            .ToArray());
        return CsvRecords.Write(rows.Prepend(header.ToArray()));
    }

    /// <summary>A field as shown in a message: control characters escaped, long fields cut (a message never echoes a whole line of binary).</summary>
    private static string Shown(string field)
    {
        var cut = field.Length > 40 ? field[..40] + "…" : field;
        return string.Concat(cut.Select(ch => char.IsControl(ch) || ch is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069' ? $"\\u{(int)ch:X4}" : ch.ToString()));
    }
}

/// <summary>Observed frequencies in the layout's row order; with counts, each row's total (its setting tuple's count).</summary>
public sealed record ProbabilityTable(double[] Values, double[]? Totals)
{
    public bool FromCounts => Totals is not null;
}
