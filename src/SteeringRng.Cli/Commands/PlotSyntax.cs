using System.CommandLine;
using System.Globalization;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// The figure options shared by <c>steer run</c> and <c>steer merge</c>: --plot PATH (.svg, .pdf or .png),
/// --plot-size WxH[in|cm|mm|pt|px], --plot-dpi N and --plot-layout columns|rows|separate.
/// </summary>
public sealed class PlotSyntax
{
    private readonly Option<string?> path = Declared.Value<string?>("--plot", "PATH",
        "H_min against the swept parameter: .svg or .pdf (vector, for papers) or .png", PlotPath);
    private readonly Option<PlotSize?> size = Declared.Value<PlotSize?>("--plot-size", "WxHu",
        "figure size, u = in, cm, mm, pt or px (default 3.4x2.6in per panel)", Size);
    private readonly Option<double?> dpi = Declared.Value<double?>("--plot-dpi", "N", "PNG resolution in pixels per inch (default 300)", Dpi);
    private readonly Option<PlotLayout?> layout = Declared.Value<PlotLayout?>("--plot-layout", "columns|rows|separate",
        "columns (panels (a), (b) side by side, default), rows, or separate (PATH-objective.ext each)", Layout)
        .Completing("columns", "rows", "separate");

    public void AddTo(Command command)
    {
        command.Options.Add(path);
        command.Options.Add(size);
        command.Options.Add(dpi);
        command.Options.Add(layout);
    }

    /// <summary>The --plot path given, if any.</summary>
    public string? Path(ParseResult parsed) => parsed.GetValue(path);

    /// <summary>The figure settings given (the x parameter and objective are the caller's).</summary>
    public PlotOptions Options(ParseResult parsed) =>
        new(parsed.GetValue(size), parsed.GetValue(dpi) ?? PlotOptions.DefaultDpi, parsed.GetValue(layout) ?? PlotLayout.Columns);

    /// <summary>Figure settings without a figure are a mistake worth saying: the user expects a plot.</summary>
    /// <exception cref="UsageException">--plot-size, --plot-dpi or --plot-layout without --plot.</exception>
    public void CheckUsed(ParseResult parsed)
    {
        var styled = Declared.Given(parsed, size) || Declared.Given(parsed, dpi) || Declared.Given(parsed, layout);
        if (styled && Path(parsed) is null)
            throw new UsageException("--plot-size, --plot-dpi and --plot-layout set up a figure: give --plot PATH as well.");
    }

    private static string? PlotPath(string text) => PlotFileFormats.IsSupported(text)
        ? text
        : throw new UsageException($"--plot needs a {PlotFileFormats.Supported} file, got '{text}'.");

    private static PlotSize? Size(string text)
    {
        try { return PlotSize.Parse(text); }
        catch (FormatException e) { throw new UsageException("--plot-size: " + e.Message); }
    }

    private static double? Dpi(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dpi) && dpi >= PlotOptions.MinDpi && dpi <= PlotOptions.MaxDpi
            ? dpi
            : throw new UsageException($"--plot-dpi needs a resolution from {PlotOptions.MinDpi} to {PlotOptions.MaxDpi}, got '{text}'.");

    private static PlotLayout? Layout(string text) => text switch
    {
        "columns" => PlotLayout.Columns,
        "rows" => PlotLayout.Rows,
        "separate" => PlotLayout.Separate,
        _ => throw new UsageException($"--plot-layout needs columns, rows or separate, got '{text}'."),
    };
}
