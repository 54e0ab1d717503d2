using System.Buffers.Binary;
using System.Xml.Linq;

namespace SteeringRng.Reporting.Tests;

public sealed class PlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("steeringrng-plot-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Svg_IsWellFormedXml_WithTitleAxisLabelsAndLegend()
    {
        var path = Path.Combine(folder, "sweep.svg");
        var result = HminPlot.Save(SampleReports.Sweep(), path);
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var texts = SvgTexts(path);
        foreach (var label in new[] { "NS", "Q₁", "Q₂", "Glo", "Dim", "Hₘᵢₙ (bits)", "μ", "(a) joint", "(b) B" })
            Assert.Contains(label, texts);
        Assert.Equal(["joint: ns", "joint: npa 1", "joint: npa 2", "joint: global", "joint: seesaw dim 10",
                      "B: ns", "B: npa 1", "B: npa 2", "B: global", "B: seesaw dim 10"], result.Curves);
    }

    [Fact]
    public void Png_HasTheSignatureAndTheRequestedSize()
    {
        var path = Path.Combine(folder, "sweep.PNG");
        HminPlot.Save(SampleReports.Sweep(), path, new PlotOptions(Size: new PlotSize(640, 360, PlotUnit.Pixel)));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        // The first chunk is IHDR: 4-byte length, "IHDR", then width and height as big-endian 32-bit integers.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Theory]
    [InlineData("plot.jpg", "extension '.jpg' is not supported; supported: .svg, .pdf, .png.")]
    [InlineData("plot", "the file name has no extension; supported: .svg, .pdf, .png.")]
    public void OtherExtensions_AreAClearError(string name, string expected)
    {
        var path = Path.Combine(folder, name);
        var error = Assert.Throws<ArgumentException>(() => HminPlot.Save(SampleReports.Sweep(5), path));
        Assert.Contains(expected, error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void AMissingFolder_IsAnIOErrorNamingThePlotFile()
    {
        var path = Path.Combine(folder, "no-such-folder", "plot.png");
        var error = Assert.Throws<IOException>(() => HminPlot.Save(SampleReports.Sweep(5), path));
        Assert.StartsWith($"Cannot write plot '{path}': ", error.Message);
    }

    [Fact]
    public void NonOptimalRows_AreLeftOutAndListedInTheNotes()
    {
        var report = new RunReport("s", [
            SampleReports.Optimal(0.6, "joint", "ns", 0.5),
            SampleReports.Optimal(0.7, "joint", "ns", 0.4),
            ResultRow.Failed(SampleReports.Mu(0.8), "joint", "ns", RowStatus.Infeasible, "dual infeasible"),
            ResultRow.FromGuessingProbability(SampleReports.Mu(0.9), "joint", "ns", 0.3, RowStatus.NearOptimal),
            ResultRow.FromCriticalVisibility(ParameterSet.Empty, "steering", "steering", 0.5, RowStatus.Optimal),
        ]);
        var result = HminPlot.Save(report, Path.Combine(folder, "notes.svg"));
        Assert.Equal([
            "μ=0.8 joint / ns: infeasible: dual infeasible",
            "μ=0.9 joint / ns: near-optimal",
            "steering / steering: steering-test row (critical visibility), not an H_min",
        ], result.Notes);
        Assert.Equal(["joint: ns"], result.Curves);

        var withNearOptimal = HminPlot.Save(report, Path.Combine(folder, "notes2.svg"), new PlotOptions(IncludeNearOptimal: true));
        Assert.Equal(2, withNearOptimal.Notes.Count);
    }

    [Fact]
    public void TwoVaryingParameters_NeedTheXAxisNamed()
    {
        var report = new RunReport("s", [
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.6), ("theta", 0.1)), "joint", "ns", 0.5, RowStatus.Optimal),
            ResultRow.FromGuessingProbability(ParameterSet.Of(("mu", 0.7), ("theta", 0.2)), "joint", "ns", 0.4, RowStatus.Optimal),
        ]);
        var error = Assert.Throws<ArgumentException>(() => HminPlot.Save(report, Path.Combine(folder, "x.svg")));
        Assert.Contains("parameters mu, theta all vary", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() => HminPlot.Save(report, Path.Combine(folder, "x.svg"), new PlotOptions(XParameter: "eta")));
        Assert.Contains("Cannot plot against 'eta': the rows have parameters mu, theta.", unknown.Message);
        HminPlot.Save(report, Path.Combine(folder, "x.svg"), new PlotOptions(XParameter: "theta"));
        Assert.Contains("θ", SvgTexts(Path.Combine(folder, "x.svg")));
    }

    [Fact]
    public void Svg_KeepsTheDashedCurves()
    {
        // Skia's SVG canvas drops dashed paths; the global (green) and npa 2 (blue) curves must still be there, dashed.
        var path = Path.Combine(folder, "dashes.svg");
        HminPlot.Save(SampleReports.Sweep(11), path);
        var paths = XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "path").ToList();
        foreach (var colour in new[] { "#2CA02C", "#1F4FD6" })
        {
            var stroked = paths.Where(p => string.Equals((string?)p.Attribute("stroke"), colour, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(stroked);
            Assert.All(stroked, p => Assert.NotNull(p.Attribute("stroke-dasharray")));
        }
        Assert.DoesNotContain(paths, p => (string?)p.Attribute("stroke") == "#D62728" && p.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void FontsAreInstalled_SoLabelsAreDrawn()
    {
        // Without fonts the image would be drawn without any text; the result warns instead of failing.
        var result = HminPlot.Save(SampleReports.Sweep(5), Path.Combine(folder, "fonts.png"));
        Assert.Empty(result.Warnings);
    }

    /// <summary>The strings of the SVG's text elements (Skia writes each on its own indented line).</summary>
    private static List<string> SvgTexts(string path) =>
        XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
}
