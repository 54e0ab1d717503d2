using ScottPlot;
using ScottPlot.MultiplotLayouts;
using System.Xml.Linq;
using SkiaSharp;

namespace SteeringRng.Reporting;

/// <summary>
/// Draws panels side by side onto one image and encodes it. SVG goes through Skia's SVG canvas (text stays
/// text, so labels are searchable); PNG through a raster surface. Both use the native Skia library that the
/// SkiaSharp NuGet package ships for each platform; nothing from the operating system is needed but fonts.
/// </summary>
internal static class PlotRendering
{
    /// <summary>
    /// Skia's Linux build in the NuGet package reads fonts from /usr/share/fonts without fontconfig. With no
    /// font there the image is still drawn, but every label is blank; say so instead of failing silently.
    /// </summary>
    public static IReadOnlyList<string> FontWarnings() =>
        SKFontManager.Default.FontFamilyCount > 0
            ? []
            : ["No fonts were found, so the plot has no text (titles, labels, legend). On Debian or Ubuntu install the package fonts-dejavu-core."];

    public static void Write(IReadOnlyList<Plot> panels, PlotFileFormat format, int width, int height, Stream stream)
    {
        var multiplot = new Multiplot();
        multiplot.Subplots.Remove(multiplot.Subplots.GetPlot(0));
        foreach (var panel in panels) multiplot.Subplots.Add(panel);
        multiplot.Layout = new Columns();
        var area = new PixelRect(0, width, height, 0);
        switch (format)
        {
            case PlotFileFormat.Svg:
                var dashes = SvgDashes.Remove(panels);
                using (var buffer = new MemoryStream())
                {
                    using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), buffer))
                    {
                        multiplot.Render(canvas, area);
                    }
                    buffer.Position = 0;
                    var svg = XDocument.Load(buffer);
                    SvgDashes.Restore(svg, dashes);
                    svg.Save(stream);
                }
                break;
            case PlotFileFormat.Png:
                using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
                {
                    multiplot.Render(surface.Canvas, area);
                    using var image = surface.Snapshot();
                    using var data = image.Encode(SKEncodedImageFormat.Png, 100);
                    data.SaveTo(stream);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown plot format.");
        }
    }
}
