using System.Globalization;
using System.Xml.Linq;
using ScottPlot;
using ScottPlot.Plottables;

namespace SteeringRng.Reporting;

/// <summary>
/// Skia's SVG canvas cannot write dashed strokes: it drops a dashed path and prints "Unsupported path effect"
/// on standard output (which would corrupt JSON a CLI writes there). So, for SVG, dashed curves are drawn solid
/// and the dashes are put back afterwards as SVG's own stroke-dasharray on the paths with that curve's colour.
/// The curve colours of dashed styles are used by nothing else in the image, which makes the match exact.
/// </summary>
internal static class SvgDashes
{
    /// <summary>Makes every dashed scatter solid; returns the dash pattern to restore for each stroke colour.</summary>
    public static Dictionary<string, string> Remove(IEnumerable<Plot> plots)
    {
        var dashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var scatter in plots.SelectMany(p => p.GetPlottables()).OfType<Scatter>())
        {
            if (scatter.LinePattern.Intervals is not { Length: > 0 } intervals || scatter.LineWidth <= 0) continue;
            dashes[Hex(scatter.LineColor)] = string.Join(",", intervals.Select(i => i.ToString("R", CultureInfo.InvariantCulture)));
            scatter.LinePattern = LinePattern.Solid;
        }
        return dashes;
    }

    /// <summary>Adds stroke-dasharray to each path stroked in one of the recorded colours.</summary>
    public static void Restore(XDocument svg, IReadOnlyDictionary<string, string> dashes)
    {
        if (dashes.Count == 0) return;
        foreach (var element in svg.Descendants())
        {
            if (element.Attribute("stroke")?.Value is { } stroke && dashes.TryGetValue(stroke, out var pattern))
                element.SetAttributeValue("stroke-dasharray", pattern);
        }
    }

    /// <summary>"#RRGGBB", as Skia's SVG canvas writes an opaque stroke colour.</summary>
    private static string Hex(Color color) => $"#{color.R:X2}{color.G:X2}{color.B:X2}";
}
