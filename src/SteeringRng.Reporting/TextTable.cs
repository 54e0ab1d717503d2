using System.Globalization;
using System.Text;

namespace SteeringRng.Reporting;

/// <summary>How a column lines up its cells: numbers to the right (digits align), words to the left.</summary>
public enum ColumnAlignment { Left, Right }

/// <summary>A column of a <see cref="TextTable"/>: its header (one string per header line) and alignment.</summary>
/// <param name="Header">Header lines, top to bottom; a column with fewer lines than others is blank above.</param>
/// <param name="Alignment">Left for words, right for numbers.</param>
/// <param name="GroupStart">Draw a " | " separator before this column (starts a group, e.g. an objective).</param>
public sealed record TextColumn(IReadOnlyList<string> Header, ColumnAlignment Alignment, bool GroupStart = false)
{
    public TextColumn(string header, ColumnAlignment alignment, bool groupStart = false)
        : this([header], alignment, groupStart) { }
}

/// <summary>
/// A plain-text table for a terminal: every column as wide as its widest cell, so a long value widens its
/// column instead of breaking the alignment. Widths count text elements (μ is one), line breaks and tabs
/// inside a cell become spaces. The last column is not padded (it may be free text such as a message).
/// Kept rather than Spectre.Console's Table: scripts parse this plain layout and tests pin it byte for byte.
/// </summary>
public sealed class TextTable(IReadOnlyList<TextColumn> columns)
{
    private const string Gap = "  ";
    private const string GroupGap = " | ";
    private readonly List<string[]> rows = [];

    public IReadOnlyList<TextColumn> Columns { get; } = columns;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"A row of this table has {Columns.Count} cells, not {cells.Length}.", nameof(cells));
        rows.Add(cells.Select(OneLine).ToArray());
    }

    public void Write(TextWriter writer)
    {
        var headerLines = Columns.Max(c => c.Header.Count);
        var headers = Columns
            .Select(c => Enumerable.Repeat("", headerLines - c.Header.Count).Concat(c.Header.Select(OneLine)).ToArray())
            .ToArray();
        var widths = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            widths[c] = headers[c].Select(Width).Append(rows.Select(r => Width(r[c])).DefaultIfEmpty(0).Max()).Max();
        }
        for (var line = 0; line < headerLines; line++)
        {
            // Header words line up the same way as the column's values, so a number's header sits above it.
            writer.WriteLine(Line(c => headers[c][line], widths));
        }
        writer.WriteLine(Line(c => new string('-', widths[c]), widths));
        foreach (var row in rows) writer.WriteLine(Line(c => row[c], widths));
    }

    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer);
        return writer.ToString();
    }

    private string Line(Func<int, string> cell, int[] widths)
    {
        var text = new StringBuilder();
        for (var c = 0; c < Columns.Count; c++)
        {
            if (c > 0) text.Append(Columns[c].GroupStart ? GroupGap : Gap);
            var value = cell(c);
            var padding = new string(' ', widths[c] - Width(value));
            var last = c == Columns.Count - 1;
            if (Columns[c].Alignment == ColumnAlignment.Right) text.Append(padding).Append(value);
            else text.Append(value).Append(last ? "" : padding);
        }
        return text.ToString().TrimEnd();
    }

    private static string OneLine(string cell) =>
        cell.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');

    /// <summary>Columns a string occupies: text elements, so a letter with a combining accent counts once.</summary>
    internal static int Width(string text) => new StringInfo(text).LengthInTextElements;
}
