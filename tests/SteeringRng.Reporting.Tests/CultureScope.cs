using System.Globalization;

namespace SteeringRng.Reporting.Tests;

/// <summary>
/// Runs a test under a culture whose decimal separator is a comma (the app is built with invariant
/// globalization, so a real "de-DE" is unavailable; a modified invariant culture shows the same danger).
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentCulture;

    public CultureScope()
    {
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo.CurrentCulture = comma;
    }

    public void Dispose() => CultureInfo.CurrentCulture = previous;
}
