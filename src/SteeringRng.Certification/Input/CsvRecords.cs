using System.Globalization;
using nietras.SeparatedValues;

namespace SteeringRng.Certification.Input;

/// <summary>
/// The project's one CSV reader and writer (result files in Reporting, measured counts in Data/ProbabilitiesCsv), on
/// the Sep library. The format is RFC 4180: records end with CRLF (CR LF, LF or CR are read); a field that holds a
/// comma, a double quote, CR or LF is enclosed in double quotes and its double quotes are doubled.
/// <para>
/// Why Sep and not CsvHelper: MIT, no reflection (the packed tool stays trimmable), and it gives each row's raw fields
/// and the line where the row ends, which our located messages (<c>file:line</c>, as <c>steer check</c> prints) need.
/// Sep is lenient about misplaced quotes by design (<c>"a"b</c>, <c>a"b</c> and an unclosed quote are read, never
/// refused), so each raw field is checked here against RFC 4180 §2 rules 5–7 before it is unquoted: a malformed file
/// is refused at the line of its first fault, through the caller's exception type.
/// </para>
/// </summary>
public static class CsvRecords
{
    /// <summary>One record: its fields (unquoted) and the 1-based line its first character is on.</summary>
    public sealed record Record(IReadOnlyList<string> Fields, int Line);

    private static readonly Sep Comma = Sep.New(',');

    /// <summary>
    /// The records of CSV text. A record is not a line (a quoted field keeps its line breaks), so each carries the line
    /// it starts on. A final record separator is optional; a leading byte-order mark (spreadsheets' "CSV UTF-8") is
    /// not part of the first field; a blank line is a record of one empty field.
    /// </summary>
    /// <param name="malformed">Builds the exception for a malformed file from the line of the fault and the message.</param>
    public static IReadOnlyList<Record> Read(string text, Func<int, string, Exception> malformed)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var records = new List<Record>();
        // Rows follow each other, so a row starts on the line where the previous one ended (Sep 0.18's LineNumberFrom
        // is that of the row's end on the first row of a file read without a header).
        var line = 1;
        using var reader = Comma.Reader(o => o with { HasHeader = false, DisableColCountCheck = true }).FromText(text);
        try
        {
            foreach (var row in reader)
            {
                var fields = new string[row.ColCount];
                var fieldLine = line;
                for (var c = 0; c < fields.Length; c++)
                {
                    var raw = row[c].Span;
                    fields[c] = Unquoted(raw, fieldLine, malformed);
                    fieldLine += LineBreaks(raw);
                }
                records.Add(new Record(fields, line));
                line = row.LineNumberToExcl;
            }
        }
        catch (NotSupportedException)
        {
            // Sep's limit on one row (2^24 characters); data files may be larger (64 MB), so a quote opened and never
            // closed near the top of a large file ends here rather than at the end of the text.
            throw malformed(line, $"CSV line {line}: a record longer than {MaxRecordCharacters} characters (is a quoted field never closed?).");
        }
        return records;
    }

    /// <summary>Sep's limit on the length of one row (SepDefaults.RowLengthMax in Sep 0.18).</summary>
    public const int MaxRecordCharacters = 1 << 24;

    /// <summary>
    /// CSV text of the records, each ended by CRLF, fields quoted only where RFC 4180 needs it (Sep's escaping).
    /// Every record must have as many fields as the first.
    /// </summary>
    public static string Write(IEnumerable<IReadOnlyList<string>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" };
        using (var writer = Comma.Writer(o => o with { WriteHeader = false, Escape = true }).To(text, leaveOpen: true))
        {
            foreach (var record in records)
            {
                using var row = writer.NewRow();
                for (var c = 0; c < record.Count; c++) row[c].Set(record[c]);
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// A raw field as Sep split it, checked and unquoted: unquoted it may hold no double quote (rule 5); quoted it ends
    /// at its closing quote (rule 7: a doubled quote inside stands for one, rule 6: line breaks are data).
    /// </summary>
    private static string Unquoted(ReadOnlySpan<char> raw, int line, Func<int, string, Exception> malformed)
    {
        if (raw.IsEmpty || raw[0] != '"')
        {
            if (raw.Contains('"')) throw malformed(line, $"CSV line {line}: a double quote inside an unquoted field.");
            return raw.ToString();
        }
        var close = 1;
        while (true)
        {
            var next = raw[close..].IndexOf('"');
            if (next < 0) throw malformed(line, $"CSV line {line}: a quoted field is never closed.");
            close += next;
            if (close + 1 < raw.Length && raw[close + 1] == '"') { close += 2; continue; }
            break;
        }
        if (close != raw.Length - 1)
        {
            var at = line + LineBreaks(raw[..close]);
            throw malformed(at, $"CSV line {at}: text after the closing quote of a field.");
        }
        return raw[1..close].ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
    }

    /// <summary>Line breaks as Sep counts them: CR LF, LF or CR alone.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))) count++;
        }
        return count;
    }
}
