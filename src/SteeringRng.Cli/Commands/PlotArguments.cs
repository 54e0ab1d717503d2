using System.Globalization;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// The figure options shared by <c>steer run</c> and <c>steer merge</c>: --plot PATH (.svg, .pdf or .png),
/// --plot-size WxH[in|cm|mm|pt|px], --plot-dpi N and --plot-layout columns|rows|separate.
/// </summary>
public sealed class PlotArguments
{
    public const string Help =
        "  --plot PATH        H_min against the swept parameter: .svg or .pdf (vector, for papers) or .png\n" +
        "  --plot-size WxHu   figure size, u = in, cm, mm, pt or px (default 3.4x2.6in per panel)\n" +
        "  --plot-dpi N       PNG resolution in pixels per inch (default 300)\n" +
        "  --plot-layout L    columns (panels (a), (b) side by side, default), rows, or separate (PATH-objective.ext each)";

    public string? Path { get; private set; }
    private PlotSize? size;
    private double dpi = PlotOptions.DefaultDpi;
    private PlotLayout layout = PlotLayout.Columns;
    private bool styled;

    /// <summary>The figure settings given (the x parameter and objective are the caller's).</summary>
    public PlotOptions Options => new(size, dpi, layout);

    /// <summary>Consumes <paramref name="arg"/> if it is a plot option; <paramref name="value"/> reads its value.</summary>
    /// <exception cref="UsageException">A bad value.</exception>
    public bool TryTake(string arg, Func<string> value)
    {
        switch (arg)
        {
            case "--plot":
                Path = value();
                if (!PlotFileFormats.IsSupported(Path))
                    throw new UsageException($"--plot needs a {PlotFileFormats.Supported} file, got '{Path}'.");
                return true;
            case "--plot-size":
                var text = value();
                try { size = PlotSize.Parse(text); }
                catch (FormatException e) { throw new UsageException("--plot-size: " + e.Message); }
                styled = true;
                return true;
            case "--plot-dpi":
                var d = value();
                if (!double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out dpi) || !(dpi >= PlotOptions.MinDpi && dpi <= PlotOptions.MaxDpi))
                    throw new UsageException($"--plot-dpi needs a resolution from {PlotOptions.MinDpi} to {PlotOptions.MaxDpi}, got '{d}'.");
                styled = true;
                return true;
            case "--plot-layout":
                var l = value();
                layout = l switch
                {
                    "columns" => PlotLayout.Columns,
                    "rows" => PlotLayout.Rows,
                    "separate" => PlotLayout.Separate,
                    _ => throw new UsageException($"--plot-layout needs columns, rows or separate, got '{l}'."),
                };
                styled = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Figure settings without a figure are a mistake worth saying: the user expects a plot.</summary>
    /// <param name="scenarioPlots">Whether the scenario itself asks for plots (they take the settings too).</param>
    public void CheckUsed(bool scenarioPlots = false)
    {
        if (styled && Path is null && !scenarioPlots)
            throw new UsageException("--plot-size, --plot-dpi and --plot-layout set up a figure: give --plot PATH as well.");
    }
}
