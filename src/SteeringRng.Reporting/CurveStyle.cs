using ScottPlot;

namespace SteeringRng.Reporting;

/// <summary>
/// The look of one bound's curve, after the paper's Fig. 2: black for the no-signalling bound, red for NPA
/// level 1, blue dashed for level 2 (dashed so that it stays visible on top of the nearly equal level-1 curve),
/// green dashed for global measurements, orange squares without a line for the see-saw upper bound with
/// fixed dimension (a line width of 0 draws markers only).
/// Any other bound gets the next colour of a fixed palette, solid.
/// </summary>
public sealed record CurveStyle(Color Color, LinePattern Pattern, MarkerShape Marker, float LineWidth)
{
    private static readonly Color[] Palette =
    [
        Color.FromHex("#7b3294"), Color.FromHex("#8c510a"), Color.FromHex("#01665e"),
        Color.FromHex("#c51b7d"), Color.FromHex("#4d4d4d"), Color.FromHex("#b8860b"),
    ];

    /// <summary>Styles for the bounds in the order given; the same bound gets the same style in every panel.</summary>
    public static IReadOnlyDictionary<string, CurveStyle> ForBounds(IEnumerable<string> bounds)
    {
        var styles = new Dictionary<string, CurveStyle>(StringComparer.Ordinal);
        var next = 0;
        foreach (var bound in bounds.Distinct(StringComparer.Ordinal))
        {
            styles[bound] = Known(bound) ?? new CurveStyle(Palette[next++ % Palette.Length], LinePattern.Solid, MarkerShape.None, 1.25f);
        }
        return styles;
    }

    private static CurveStyle? Known(string bound)
    {
        var name = bound.Trim().ToLowerInvariant();
        if (name == "ns") return new CurveStyle(Colors.Black, LinePattern.Solid, MarkerShape.None, 1.25f);
        if (name == "npa 1") return new CurveStyle(Color.FromHex("#d62728"), LinePattern.Solid, MarkerShape.None, 1.25f);
        if (name == "npa 2") return new CurveStyle(Color.FromHex("#1f4fd6"), LinePattern.Dashed, MarkerShape.None, 1.25f);
        if (name == "global") return new CurveStyle(Color.FromHex("#2ca02c"), LinePattern.Dashed, MarkerShape.None, 1.25f);
        if (name.StartsWith("seesaw", StringComparison.Ordinal))
            return new CurveStyle(Color.FromHex("#ff7f0e"), LinePattern.Solid, MarkerShape.FilledSquare, 0);
        return null;
    }
}
