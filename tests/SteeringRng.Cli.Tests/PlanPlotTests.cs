using System.Xml.Linq;

namespace SteeringRng.Cli.Tests;

/// <summary>steer plan --plot: the figure of the planned rate against n, and bad paths refused before any solve.</summary>
public sealed class PlanPlotTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Plan_writes_the_rate_figure_as_svg()
    {
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(90_000_000, 0.2, 0.002));
        var figure = _f.PathOf("plan.svg");
        var r = CliRunner.Run("plan", protocol, "--plot", figure);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"wrote       {figure}", r.Stdout);
        var texts = XDocument.Load(figure).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("EAT rate", texts);
        Assert.Contains(SteeringRng.Reporting.RatePlot.AsymptoticLabel, texts);
        Assert.Contains("10¹⁰", texts);
        Assert.Empty(Directory.GetFiles(_f.Folder.Path, "*.tmp*"));
    }

    [Fact]
    public void A_plot_path_in_a_missing_file_folder_or_with_a_bad_extension_is_refused_before_computing()
    {
        var protocol = _f.Committed("p.protocol", FiniteRunFixture.Protocol(90_000_000, 0.2, 0.002));
        File.WriteAllText(_f.PathOf("file"), "x");
        var r = CliRunner.Run("plan", protocol, "--plot", _f.PathOf("file/plan.svg"));
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("--plot: cannot write", r.Stderr);
        Assert.Contains("checked before computing, nothing was run", r.Stderr);
        Assert.DoesNotContain("model ", r.Stdout); // the relaxation was not solved
        var bad = CliRunner.Run("plan", protocol, "--plot", _f.PathOf("plan.jpg"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--plot", bad.Stderr);
        var input = CliRunner.Run("plan", protocol, "--plot", protocol);
        Assert.NotEqual(0, input.ExitCode);
    }
}
