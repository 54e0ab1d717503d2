using System.Text;

namespace SteeringRng.Certification.Input;

/// <summary>
/// CSV fields and records as RFC 4180 defines them: records end with CRLF; a field that contains a comma,
/// a double quote, CR or LF is enclosed in double quotes, and a double quote inside it is doubled. The one CSV
/// tokenizer of the project (result files in Reporting, measured counts in Data/ProbabilitiesCsv); it lives here,
/// below both, and reports a malformed file through the caller's exception type.
/// </summary>
public static class Rfc4180
{
    public const string RecordSeparator = "\r\n";

    public static string Quote(string field)
    {
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0) return field;
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Record(IEnumerable<string> fields) => string.Join(",", fields.Select(Quote));

    /// <summary>
    /// Splits CSV text into records of fields. Accepts CRLF or bare LF between records (files edited on
    /// other systems); a quoted field keeps its line breaks exactly. A final record separator is optional.
    /// </summary>
    public static List<List<string>> Parse(string text, Func<string, Exception> malformed) =>
        Parse(text, (_, message) => malformed(message), null);

    /// <summary>
    /// As <see cref="Parse(string, Func{string, Exception})"/>, and also where each record starts: a record is not a
    /// line (a quoted field may hold line breaks), so a message that points into the file (`file:line`, as
    /// <c>steer check</c> prints) needs the line of the record's first character. <paramref name="malformed"/> gets the
    /// line of the fault too.
    /// </summary>
    /// <param name="recordLines">Filled with the 1-based line on which each record starts, in record order.</param>
    public static List<List<string>> Parse(string text, Func<int, string, Exception> malformed, List<int>? recordLines)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = 0;
        var recordStart = 1;
        while (i < text.Length)
        {
            if (record.Count == 0 && field.Length == 0) recordStart = line;
            if (text[i] == '"' && field.Length == 0)
            {
                var openedOn = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw malformed(openedOn, $"CSV line {openedOn}: a quoted field is never closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
                    throw malformed(line, $"CSV line {line}: text after the closing quote of a field.");
                continue;
            }
            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    recordLines?.Add(recordStart);
                    record = [];
                    i += text[i] == '\r' ? 2 : 1;
                    line++;
                    break;
                case '"':
                    throw malformed(line, $"CSV line {line}: a double quote inside an unquoted field.");
                default:
                    field.Append(text[i++]);
                    break;
            }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
            recordLines?.Add(recordStart);
        }
        return records;
    }
}
