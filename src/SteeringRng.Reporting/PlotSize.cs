using System.Globalization;

namespace SteeringRng.Reporting;

/// <summary>A length unit for figure sizes: inches, centimetres, millimetres, typographic points (1/72 in) or pixels.</summary>
public enum PlotUnit { Inch, Centimetre, Millimetre, Point, Pixel }

/// <summary>
/// The size of a whole figure (all panels together), as a journal asks for it: "3.4x2.6in" is one column of Physical
/// Review Letters. The figure is laid out in points, so text sizes are true points at any size; pixels are converted at
/// the raster resolution (<see cref="ToPoints"/>), so "800x600px" gives a PNG of exactly 800×600 pixels.
/// </summary>
public sealed record PlotSize(double Width, double Height, PlotUnit Unit)
{
    /// <summary>Smallest and largest side in points (1 in to 100 in): smaller leaves no room for the axes, larger is a mistake.</summary>
    public const double MinPoints = 72, MaxPoints = 7200;

    /// <summary>Parses "WxH" followed by a unit: in, cm, mm, pt or px (e.g. "3.4x2.6in", "8.6x6cm", "800x600px").</summary>
    /// <exception cref="FormatException">Not of that form, or a side that is not a positive finite number.</exception>
    public static PlotSize Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var units = new (string Suffix, PlotUnit Unit)[] { ("in", PlotUnit.Inch), ("cm", PlotUnit.Centimetre), ("mm", PlotUnit.Millimetre), ("pt", PlotUnit.Point), ("px", PlotUnit.Pixel) };
        var match = units.FirstOrDefault(u => t.EndsWith(u.Suffix, StringComparison.Ordinal));
        if (match.Suffix is null)
            throw new FormatException($"plot size '{text}' needs a unit: WxH followed by in, cm, mm, pt or px (e.g. 3.4x2.6in).");
        var sides = t[..^match.Suffix.Length].Split('x');
        if (sides.Length != 2 || !Side(sides[0], out var w) || !Side(sides[1], out var h))
            throw new FormatException($"plot size '{text}' is not of the form WxH{match.Suffix} with two positive numbers (e.g. 3.4x2.6in).");
        return new PlotSize(w, h, match.Unit);
    }

    /// <summary>Width and height in points (1/72 in); pixels count at <paramref name="dpi"/> pixels per inch.</summary>
    public (double Width, double Height) ToPoints(double dpi)
    {
        var perUnit = Unit switch
        {
            PlotUnit.Inch => 72.0,
            PlotUnit.Centimetre => 72.0 / 2.54,
            PlotUnit.Millimetre => 72.0 / 25.4,
            PlotUnit.Point => 1.0,
            PlotUnit.Pixel => 72.0 / dpi,
            _ => throw new ArgumentOutOfRangeException(nameof(Unit)),
        };
        return (Width * perUnit, Height * perUnit);
    }

    /// <summary>The default: 3.4 in × 2.6 in per panel (a journal column each), panels side by side.</summary>
    public static PlotSize Default(int panels, PlotLayout layout) => layout switch
    {
        PlotLayout.Rows => new PlotSize(3.4, 2.6 * Math.Max(panels, 1), PlotUnit.Inch),
        PlotLayout.Columns => new PlotSize(3.4 * Math.Max(panels, 1), 2.6, PlotUnit.Inch),
        _ => new PlotSize(3.4, 2.6, PlotUnit.Inch),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}{Unit switch
    {
        PlotUnit.Inch => "in", PlotUnit.Centimetre => "cm", PlotUnit.Millimetre => "mm", PlotUnit.Point => "pt", _ => "px",
    }}");

    private static bool Side(string s, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value > 0;
}

/// <summary>How the panels of a figure (one per objective) are arranged.</summary>
public enum PlotLayout
{
    /// <summary>Side by side, labelled (a), (b), … as the paper's Fig. 2(a)/(b).</summary>
    Columns,
    /// <summary>Stacked, labelled (a), (b), ….</summary>
    Rows,
    /// <summary>One figure per objective, each in its own file.</summary>
    Separate,
}
