using System.Globalization;
using SteeringRng.Certification.Input;

namespace SteeringRng.Reporting;

/// <summary>
/// Reads the CSV written by <see cref="ReportCsvWriter"/> back into rows. Columns before "objective" are
/// parameters; an empty parameter field means the row does not have that parameter. The optional columns
/// (visibility, value, repair_distance) may be absent: files written before repair_distance existed read as before.
/// </summary>
public static class ReportCsvReader
{
    private static readonly string[] FixedColumns = ["objective", "bound", "pguess", "hmin", "status", "iterations", "seconds", "message"];

    public static RunReport Parse(string csv, string scenario, bool interrupted = false)
    {
        var records = CsvRecords.Read(csv, (_, message) => new ReportFormatException(message));
        if (records.Count == 0) throw new ReportFormatException("CSV: the header line is missing.");
        var header = records[0].Fields.ToList();
        var objectiveAt = header.IndexOf("objective");
        if (objectiveAt < 0) throw new ReportFormatException("CSV header: column \"objective\" is missing.");
        foreach (var column in FixedColumns)
        {
            if (!header.Contains(column)) throw new ReportFormatException($"CSV header: column \"{column}\" is missing.");
        }
        var rows = new List<ResultRow>();
        for (var r = 1; r < records.Count; r++)
        {
            var fields = records[r].Fields;
            var where = $"CSV record {r + 1}";
            if (fields.Count != header.Count)
                throw new ReportFormatException($"{where}: {fields.Count} fields, the header has {header.Count}.");
            string Field(string column) => fields[header.IndexOf(column)];
            var parameters = new List<KeyValuePair<string, double>>();
            for (var c = 0; c < objectiveAt; c++)
            {
                if (fields[c].Length > 0)
                    parameters.Add(KeyValuePair.Create(header[c], Number(fields[c], where, header[c])!.Value));
            }
            rows.Add(new ResultRow
            {
                Parameters = new ParameterSet(parameters),
                Objective = Field("objective"),
                Bound = Field("bound"),
                Pguess = Number(Field("pguess"), where, "pguess"),
                Hmin = Number(Field("hmin"), where, "hmin"),
                CriticalVisibility = header.Contains("visibility") ? Number(Field("visibility"), where, "visibility") : null,
                Value = header.Contains("value") ? Number(Field("value"), where, "value") : null,
                RepairDistance = header.Contains("repair_distance") ? Number(Field("repair_distance"), where, "repair_distance") : null,
                Status = Field("status"),
                Iterations = Integer(Field("iterations"), where),
                Seconds = Number(Field("seconds"), where, "seconds"),
                Message = Field("message"),
            });
        }
        return new RunReport(scenario, rows, interrupted);
    }

    private static double? Number(string text, string where, string column)
    {
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            return value;
        throw new ReportFormatException($"{where}, column {column}: \"{text}\" is not a finite number.");
    }

    private static int? Integer(string text, string where)
    {
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        throw new ReportFormatException($"{where}, column iterations: \"{text}\" is not an integer.");
    }
}
