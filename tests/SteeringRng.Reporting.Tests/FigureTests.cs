using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;

namespace SteeringRng.Reporting.Tests;

/// <summary>Publication defaults of the H_min figure: paper names, subscripts, sizes in physical units, PDF, layouts.</summary>
public sealed class FigureTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("steeringrng-figure-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("ns", false, "NS")]
    [InlineData("npa 1", false, "Q₁")]
    [InlineData("npa 2", false, "Q₂")]
    [InlineData("npa 12", false, "Q₁₂")]
    [InlineData("npa 1+BC", false, "Q(1+BC)")]
    [InlineData("npa \"1+ax\"", false, "Q₁₊ₐₓ")]
    [InlineData("npa \"1+ab\"", false, "Q(1+ab)")] // 'b' has no Unicode subscript: all or nothing
    [InlineData("global", false, "Glo")]
    [InlineData("seesaw dim 10", false, "Dim")]
    [InlineData("seesaw dim 10", true, "Dim, d = 10")]
    [InlineData("seesaw split 2", false, "Dim")]
    [InlineData("seesaw split 2", true, "Dim, split 2")]
    [InlineData("steering", false, "steering")]
    public void Bounds_AreNamedAsInThePaper(string bound, bool several, string expected)
    {
        Assert.Equal(expected, BoundLabels.Display(bound, several));
    }

    [Fact]
    public void Subscripts_ConvertOnlyWhatUnicodeHas()
    {
        Assert.Equal("ₘᵢₙ", Subscripts.TryConvert("min"));
        Assert.Equal("₀₁₂₃₄₅₆₇₈₉₊₋", Subscripts.TryConvert("0123456789+-"));
        Assert.Null(Subscripts.TryConvert("B"));
        Assert.Equal("H(B)", Subscripts.Attach("H", "B"));
    }

    [Theory]
    [InlineData("3.4x2.6in", 244.8, 187.2)]
    [InlineData("8.6x6cm", 8.6 * 72 / 2.54, 6 * 72 / 2.54)]
    [InlineData("86x60MM", 86 * 72 / 25.4, 60 * 72 / 25.4)]
    [InlineData("300x200pt", 300, 200)]
    [InlineData("600x300px", 144, 72)] // at 300 dpi: 600 px = 2 in = 144 pt
    public void Sizes_ConvertToPoints(string text, double width, double height)
    {
        var (w, h) = PlotSize.Parse(text).ToPoints(300);
        Assert.Equal(width, w, 9);
        Assert.Equal(height, h, 9);
    }

    [Theory]
    [InlineData("A4", "needs a unit")]
    [InlineData("3.4in", "is not of the form WxHin")]
    [InlineData("3.4x-2in", "is not of the form WxHin")]
    [InlineData("3.4xNaNin", "is not of the form WxHin")]
    [InlineData("0x2cm", "is not of the form WxHcm")]
    public void BadSizes_AreRefusedWithTheExpectedForm(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => PlotSize.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Png_DefaultsToAColumnPerPanelAt300Dpi()
    {
        // Two objectives side by side: 2 × 3.4 in by 2.6 in at 300 dpi = 2040 × 780 pixels.
        var path = Path.Combine(folder, "fig.png");
        HminPlot.Save(SampleReports.Sweep(11), path);
        Assert.Equal((2040, 780), PngSize(path));
        HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Size: PlotSize.Parse("86x60mm"), Dpi: 600));
        Assert.Equal(((int)Math.Round(86 / 25.4 * 600), (int)Math.Round(60 / 25.4 * 600)), PngSize(path));
        HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Layout: PlotLayout.Rows, Dpi: 100));
        Assert.Equal((340, 520), PngSize(path));
    }

    [Fact]
    public void Svg_HasItsSizeInPointsAndTheDrawingInViewBox()
    {
        var path = Path.Combine(folder, "fig.svg");
        HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Size: PlotSize.Parse("4x3in")));
        var root = XDocument.Load(path).Root!;
        Assert.Equal("288pt", (string?)root.Attribute("width"));
        Assert.Equal("216pt", (string?)root.Attribute("height"));
        Assert.Equal("0 0 288 216", (string?)root.Attribute("viewBox"));
    }

    [Fact]
    public void Pdf_IsOnePageOfTheRequestedSize()
    {
        var path = Path.Combine(folder, "fig.pdf");
        HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Size: PlotSize.Parse("5x2in")));
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        Assert.StartsWith("%PDF-", text);
        Assert.Contains("/MediaBox [0 0 360 144]", text);
        Assert.Contains("%%EOF", text);
    }

    [Fact]
    public void Labels_UseSubscriptsAndPanelLetters()
    {
        var path = Path.Combine(folder, "fig.svg");
        HminPlot.Save(SampleReports.Sweep(11), path);
        var texts = Texts(path);
        Assert.Contains("Hₘᵢₙ (bits)", texts);
        Assert.Contains("(a) joint", texts);
        Assert.Contains("(b) B", texts);
        Assert.DoesNotContain(texts, t => t.Contains("H_min", StringComparison.Ordinal) || t.Contains("npa", StringComparison.Ordinal));
    }

    [Fact]
    public void Separate_DrawsOneObjectivePerFile()
    {
        var path = Path.Combine(folder, "fig.svg");
        Assert.Equal(Path.Combine(folder, "fig-joint.svg"), HminPlot.SeparatePath(path, "joint"));
        var result = HminPlot.Save(SampleReports.Sweep(11), HminPlot.SeparatePath(path, "B"),
            new PlotOptions(Layout: PlotLayout.Separate, Objective: "B"));
        Assert.All(result.Curves, c => Assert.StartsWith("B: ", c));
        var texts = Texts(result.Path);
        Assert.Contains("B", texts);
        Assert.DoesNotContain("joint", texts);
        var unnamed = Assert.Throws<ArgumentException>(() => HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Layout: PlotLayout.Separate)));
        Assert.Contains("name the objective", unnamed.Message);
        var unknown = Assert.Throws<ArgumentException>(() => HminPlot.Save(SampleReports.Sweep(11), path, new PlotOptions(Objective: "C")));
        Assert.Contains("Cannot plot objective 'C': the rows have objectives joint, B.", unknown.Message);
    }

    [Theory]
    [InlineData(12, 71, true)]   // few points: the line's kinks are the sweep's
    [InlineData(13, 71, true)]   // a see-saw every 0.05 beside bounds every 0.01
    [InlineData(23, 71, true)]
    [InlineData(24, 71, false)]
    [InlineData(71, 71, false)]
    [InlineData(13, 13, false)]
    public void SparseSeries_GetMarkers(int count, int densest, bool sparse) =>
        Assert.Equal(sparse, HminPlot.IsSparse(count, densest));

    [Fact]
    public void OutOfRangeSizeAndResolution_AreRefusedBeforeWriting()
    {
        var path = Path.Combine(folder, "x.png");
        Assert.Contains("out of range", Assert.Throws<ArgumentException>(() =>
            HminPlot.Save(SampleReports.Sweep(5), path, new PlotOptions(Size: PlotSize.Parse("200x2in")))).Message);
        Assert.Contains("out of range", Assert.Throws<ArgumentException>(() =>
            HminPlot.Save(SampleReports.Sweep(5), path, new PlotOptions(Dpi: 10))).Message);
        Assert.False(File.Exists(path));
    }

    private static (int, int) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    private static List<string> Texts(string path) =>
        XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
}
