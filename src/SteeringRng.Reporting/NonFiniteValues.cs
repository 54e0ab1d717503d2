using System.Globalization;

namespace SteeringRng.Reporting;

/// <summary>
/// JSON has no NaN or ∞, and scripts choke on them in CSV too. A non-finite number is therefore written
/// as null (empty in CSV) and the row's message says which field it was, so the information is not lost.
/// </summary>
internal static class NonFiniteValues
{
    /// <summary>The numeric fields of a row that will be written, with NaN/∞ replaced by null.</summary>
    public static (double? Pguess, double? Hmin, double? Visibility, double? Value, double? Seconds, string Message) Sanitise(ResultRow row)
    {
        var notes = new List<string>();
        foreach (var (name, value) in row.Parameters)
        {
            if (!double.IsFinite(value))
                notes.Add($"parameter {name} was {value.ToString(CultureInfo.InvariantCulture)} (written as null)");
        }
        var pguess = Finite(row.Pguess, "pguess", notes);
        var hmin = Finite(row.Hmin, "hmin", notes);
        var visibility = Finite(row.CriticalVisibility, "visibility", notes);
        var bellValue = Finite(row.Value, "value", notes);
        var seconds = Finite(row.Seconds, "seconds", notes);
        var message = row.Message;
        if (notes.Count > 0)
        {
            var note = string.Join("; ", notes);
            message = message.Length == 0 ? note : message + "; " + note;
        }
        return (pguess, hmin, visibility, bellValue, seconds, message);
    }

    private static double? Finite(double? value, string field, List<string> notes)
    {
        if (value is not { } v || double.IsFinite(v)) return value;
        notes.Add($"{field} was {v.ToString(CultureInfo.InvariantCulture)} (written as null)");
        return null;
    }
}
