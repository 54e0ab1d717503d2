using SteeringRng.Certification.Gaussian.Language;

namespace SteeringRng.Certification.Tests.Gaussian;

public class CvParserTests
{
    internal static string SamplePath => Path.Combine(Root(), "samples", "cv-fig4.scn");

    internal static string Root()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "SteeringRng.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        return dir;
    }

    private const string Good = """
        param eta2 = 0 .. 1 step 0.25
        mode A, B, C
        squeeze A x db -3
        squeeze B p r 0.345
        beamsplitter A, B eta 0.5
        beamsplitter B, C eta eta2
        node Alice trusted mode A cutoff 1
        node Bob untrusted mode B
        node Charlie untrusted mode C
        homodyne Bob, Charlie: x period 4, p period unbiased bins 4
        objective joint = guess Bob.x, Charlie.x
        bounds ns
        """;

    [Fact]
    public void Sample_ParsesIntoTheFig4Network()
    {
        var (s, errors) = CvParser.Parse(File.ReadAllText(SamplePath));
        Assert.Empty(errors);
        Assert.NotNull(s);
        Assert.Equal(["A", "B", "C"], s.Modes);
        Assert.Equal(101, s.Points().Count);
        Assert.Equal(1.0, s.Points()[^1]["eta2"]);
        Assert.Equal(["joint", "bob", "charlie"], s.Objectives.Select(o => o.Name));
        Assert.Equal(1, s.Trusted.Cutoff);
        Assert.True(s.Renormalise);
        Assert.Equal(2, CvRun.FreePeriods(s).Count);
    }

    [Fact]
    public void DecibelsAndRGiveTheSameState()
    {
        var (s, _) = CvParser.Parse(Good);
        var v = CvRun.StateAt(s!, s!.Points()[1]);
        // x-squeezed A (−3 dB: r = 3 ln 10 / 20) and p-squeezed B (r = 0.345) on a 50:50 splitter: x_A' = (x_A + x_B)/√2,
        // so V_{x_A x_A} = (e^{−2 r_A} + e^{2 r_B})/4 (vacuum variance 1/2).
        Assert.Equal((Math.Exp(-2 * 3 * Math.Log(10) / 20) + Math.Exp(2 * 0.345)) / 4, v[0, 0], 12);
        Assert.Equal(4, CvRun.SettingsAt(s, s.Points()[0], [])[0][0].Period);
        Assert.Equal(2 * Math.PI * 4 / 4, CvRun.SettingsAt(s, s.Points()[0], [])[0][1].Period, 14);
    }

    [Theory]
    [InlineData("squeeze B p r 0.345", "squeeze B p r -0.2", "SR1182", 4, 15)]
    [InlineData("beamsplitter A, B eta 0.5", "beamsplitter A, B eta 1.5", "SR1183", 5, 23)]
    [InlineData("beamsplitter B, C eta eta2", "beamsplitter B, C eta eta2 + 0.5", "SR1183", 6, 23)]
    [InlineData("bins 4", "bins 0", "SR1184", 10, 59)]
    [InlineData("x period 4,", "x period 0,", "SR1185", 10, 33)]
    [InlineData("x period 4,", "x period 1 - 2,", "SR1185", 10, 33)]
    [InlineData("cutoff 1", "cutoff 70", "SR1186", 7, 34)]
    [InlineData("x period 4,", "x period optimise 10 .. 2,", "SR1185", 10, 33)]
    [InlineData("x period 4,", "x period 1e9,", "SR1185", 10, 33)]
    [InlineData("x period 4,", "x period optimise 2 .. 1e9,", "SR1185", 10, 33)]
    [InlineData("guess Bob.x", "guess Bob.q", "SR1194", 11, 25)]
    [InlineData("bounds ns", "bounds ns, steering", "SR1192", 12, 12)]
    [InlineData("bounds ns", "bounds ns, seesaw", "SR1180", 12, 18)]            // 'dim d' missing
    [InlineData("bounds ns", "bounds ns, seesaw dim 17", "SR1262", 12, 23)]     // local dimension above 16
    [InlineData("bounds ns", "bounds ns, seesaw dim 2\ndata projected", "SR1260", 12, 12)] // no normalised state gives trace p_K < 1
    [InlineData("bounds ns", "bounds ns, ns", "SR1263", 12, 12)]                // the same bound twice on one line
    [InlineData("bounds ns", "bounds ns, npa 1, npa 1", "SR1263", 12, 19)]      // the same NPA level twice (caret on 'npa 1')
    [InlineData("bounds ns", "bounds ns, npa 1\nbounds ns", "SR1263", 13, 8)]   // a second bounds line repeating one
    [InlineData("bounds ns", "bounds ns, seesaw dim 2, seesaw dim 4", "SR1263", 12, 26)] // one seesaw per run
    [InlineData("bounds ns", "bounds ns, seesaw dim 4 blocks 5", "SR1264", 12, 32)] // a block larger than the dimension
    [InlineData("bounds ns", "bounds ns, seesaw dim 4 blocks 0", "SR1264", 12, 32)]
    [InlineData("mode A, B, C", "mode A, B, C, A", "SR1187", 2, 15)]
    [InlineData("squeeze A x db -3", "squeeze D x db -3", "SR1181", 3, 9)]
    public void BadInput_IsALocatedError(string from, string to, string code, int line, int column)
    {
        var text = ReplaceFirst(Good, from, to);
        var (s, errors) = CvParser.Parse(text);
        Assert.Null(s);
        var e = Assert.Single(errors, d => d.Code == code);
        Assert.Equal((line, column), (e.Line, e.Column));
        var rendered = e.Render("t.scn", text.Split('\n'));
        Assert.StartsWith($"t.scn:{line}:{column}: error {code}: ", rendered);
        Assert.Contains("^", rendered);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{from}' not in the scenario");
        return text[..i] + to + text[(i + from.Length)..];
    }

    [Fact]
    public void AHugeSearchGrid_IsRefusedBeforeRunning()
    {
        var text = Good.Replace("x period 4,", "x period optimise 2 .. 100,") + "\nsearch grid 0.01";
        var (s, errors) = CvParser.Parse(text);
        Assert.Null(s);
        Assert.Equal("SR1195", Assert.Single(errors).Code);
    }

    [Fact]
    public void ControlCharacters_AreShownEscaped()
    {
        var text = Good + "\nplot \u001b[2J";
        var (_, errors) = CvParser.Parse(text);
        var rendered = Assert.Single(errors).Render("t.scn", text.Split('\n'));
        Assert.DoesNotContain('\u001b', rendered);
        Assert.Contains("\\u001B", rendered);
    }

    [Fact]
    public void ABrokenLine_DoesNotCascadeIntoMissingErrors()
    {
        var (_, errors) = CvParser.Parse(Good.Replace("node Alice trusted mode A cutoff 1", "node Alice trusted mode A cutoff"));
        var e = Assert.Single(errors);
        Assert.Equal("SR1180", e.Code);
    }
}
