using System.Xml.Linq;

namespace SteeringRng.Reporting.Tests;

/// <summary>The planning figure: rate against n on a log axis next to the asymptotic rate.</summary>
public sealed class RatePlotTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("steeringrng-rateplot-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>rate(n) = 0.7 − 30/√n (the n^{−1/2} approach of the EAT), negative below n = 1837.</summary>
    private static RateCurve Eat() =>
        new("EAT rate", [.. Enumerable.Range(0, 12).Select(k => Math.Pow(10, 3 + k))], [.. Enumerable.Range(0, 12).Select(k => 0.7 - 30 / Math.Sqrt(Math.Pow(10, 3 + k)))]);

    [Fact]
    public void Svg_IsWellFormedXml_WithTheCurvesTheAsymptoteAndDecadeTicks()
    {
        var path = Path.Combine(folder, "plan.svg");
        var iid = new RateCurve("i.i.d. rate", Eat().Rounds, [.. Eat().Rate.Select(r => r + 0.05)]);
        var result = RatePlot.Save(path, "ghz3-finite.protocol", [Eat(), iid], 0.7);
        var svg = XDocument.Load(path);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        foreach (var label in new[] { "EAT rate", "i.i.d. rate", RatePlot.AsymptoticLabel, "rounds n", "certified rate (bits/round)", "ghz3-finite.protocol", "10⁶", "10¹²" })
            Assert.Contains(label, texts);
        Assert.Equal(["EAT rate", "i.i.d. rate", RatePlot.AsymptoticLabel], result.Curves);
        // n = 10³ has a negative EAT rate: left out and said so; the i.i.d. curve (+0.05) too.
        Assert.Contains(result.Notes, n => n.StartsWith("EAT rate: 1 of 12 values of n", StringComparison.Ordinal));
        // The asymptote is dashed (its dash array survives the SVG export).
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "path"), p => p.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void Png_ByExtension()
    {
        var path = Path.Combine(folder, "plan.png");
        RatePlot.Save(path, "t", [Eat()], 0.7, new PlotOptions(Size: new PlotSize(400, 300, PlotUnit.Pixel)));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path)[..4]);
    }

    [Theory]
    [InlineData(3, "10³")]
    [InlineData(14, "10¹⁴")]
    [InlineData(-2, "10⁻²")]
    public void DecadeLabelsUseSuperscripts(double log10, string label) => Assert.Equal(label, RatePlot.Decade(log10));

    [Fact]
    public void AnUnsupportedExtensionIsRefusedBeforeDrawing()
    {
        var e = Assert.Throws<ArgumentException>(() => RatePlot.Save(Path.Combine(folder, "plan.jpg"), "t", [Eat()], 0.7));
        Assert.Contains("extension '.jpg' is not supported", e.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
