using System.Globalization;
using System.Xml.Linq;
using ScottPlot;
using ScottPlot.MultiplotLayouts;
using SkiaSharp;

namespace SteeringRng.Reporting;

/// <summary>
/// Draws the panels onto one image and encodes it. The figure is laid out in points (1/72 in), so the fonts set by
/// <see cref="HminPlot"/> are true point sizes whatever the figure's size. SVG goes through Skia's SVG canvas (text
/// stays text) and gets its physical size in points; PDF through Skia's PDF document (whose unit is the point); PNG
/// through a raster surface scaled by dpi/72. All use the native Skia library that the SkiaSharp NuGet package ships
/// for each platform; nothing from the operating system is needed but fonts.
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

    /// <summary>The raster size in pixels of a figure of <paramref name="points"/> at <paramref name="dpi"/>.</summary>
    public static (int Width, int Height) Pixels((double Width, double Height) points, double dpi) =>
        ((int)Math.Round(points.Width * dpi / 72), (int)Math.Round(points.Height * dpi / 72));

    public static void Write(
        IReadOnlyList<Plot> panels, PlotLayout layout, PlotFileFormat format, (double Width, double Height) points, double dpi, Stream stream)
    {
        var multiplot = new Multiplot();
        multiplot.Subplots.Remove(multiplot.Subplots.GetPlot(0));
        foreach (var panel in panels) multiplot.Subplots.Add(panel);
        multiplot.Layout = layout == PlotLayout.Rows ? new Rows() : new Columns();
        // Vector pages in whole points: Skia's SVG canvas writes its page rectangle rounded to whole units, and a
        // fractional figure would show that rectangle's black edge beside the white background.
        if (format != PlotFileFormat.Png) points = (Math.Round(points.Width), Math.Round(points.Height));
        var (w, h) = ((float)points.Width, (float)points.Height);
        var area = new PixelRect(0, w, h, 0);
        switch (format)
        {
            case PlotFileFormat.Svg:
                var dashes = SvgDashes.Remove(panels);
                using (var buffer = new MemoryStream())
                {
                    using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, w, h), buffer))
                    {
                        multiplot.Render(canvas, area);
                    }
                    buffer.Position = 0;
                    var svg = XDocument.Load(buffer);
                    SvgDashes.Restore(svg, dashes);
                    SetPhysicalSize(svg, points);
                    svg.Save(stream);
                }
                break;
            case PlotFileFormat.Pdf:
                using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { RasterDpi = (float)dpi, Creator = "steer", Producer = "SteeringRng" }))
                {
                    multiplot.Render(document.BeginPage(w, h), area);
                    document.EndPage();
                    document.Close();
                }
                break;
            case PlotFileFormat.Png:
                var (pw, ph) = Pixels(points, dpi);
                using (var surface = SKSurface.Create(new SKImageInfo(pw, ph)))
                {
                    // Lay out in points and let the canvas scale to pixels, so text and lines keep their point sizes.
                    surface.Canvas.Scale(pw / w, ph / h);
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

    /// <summary>
    /// Skia writes width and height as unitless numbers, which viewers read as CSS pixels (1/96 in); the layout is in
    /// points, so give the size in points and keep the drawing's coordinates through viewBox.
    /// </summary>
    private static void SetPhysicalSize(XDocument svg, (double Width, double Height) points)
    {
        var root = svg.Root!;
        string N(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        root.SetAttributeValue("viewBox", $"0 0 {N(points.Width)} {N(points.Height)}");
        root.SetAttributeValue("width", N(points.Width) + "pt");
        root.SetAttributeValue("height", N(points.Height) + "pt");
    }
}
