namespace SteeringRng.Reporting;

/// <summary>
/// CSV fields and records as RFC 4180 defines them, for result files: the tokenizer is
/// <see cref="SteeringRng.Certification.Input.Rfc4180"/> (shared with the measured-counts reader); a malformed file
/// is a <see cref="ReportFormatException"/> here.
/// </summary>
public static class Rfc4180
{
    public const string RecordSeparator = SteeringRng.Certification.Input.Rfc4180.RecordSeparator;

    public static string Quote(string field) => SteeringRng.Certification.Input.Rfc4180.Quote(field);

    public static string Record(IEnumerable<string> fields) => SteeringRng.Certification.Input.Rfc4180.Record(fields);

    /// <summary>Splits CSV text into records of fields (CRLF or bare LF between records; quoted fields keep line breaks).</summary>
    public static List<List<string>> Parse(string text) =>
        SteeringRng.Certification.Input.Rfc4180.Parse(text, message => new ReportFormatException(message));
}
