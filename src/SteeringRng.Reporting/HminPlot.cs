using ScottPlot;

namespace SteeringRng.Reporting;

/// <summary>
/// H_min against the swept parameter, in the style of the paper's Fig. 2: one panel per objective (side by
/// side, as Fig. 2(a) joint and 2(b) separate), one curve per bound, legend, y axis from 0 bits. Only optimal
/// rows are drawn; every other row is listed in the notes so the caller can tell the reader what is missing.
/// </summary>
public static class HminPlot
{
    /// <summary>
    /// Writes the figure to <paramref name="path"/>; the extension (.svg, .pdf or .png) chooses the format. With
    /// <see cref="PlotLayout.Separate"/> the caller writes one file per objective (<see cref="SeparatePath"/>), each
    /// with <see cref="PlotOptions.Objective"/> set.
    /// </summary>
    public static PlotResult Save(RunReport report, string path, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        options ??= new PlotOptions();
        var format = PlotFileFormats.FromPath(path);
        if (!(options.Dpi >= PlotOptions.MinDpi && options.Dpi <= PlotOptions.MaxDpi))
            throw new ArgumentException($"Plot resolution {options.Dpi} dpi is out of range; {PlotOptions.MinDpi} to {PlotOptions.MaxDpi} dpi.", nameof(options));
        if (options.Layout == PlotLayout.Separate && options.Objective is null)
            throw new ArgumentException("The separate layout draws one objective per file: name the objective of this file.", nameof(options));
        var (plots, curves, notes) = Build(report, options);
        var size = options.Size ?? PlotSize.Default(plots.Count, options.Layout);
        var points = size.ToPoints(options.Dpi);
        if (Math.Min(points.Width, points.Height) < PlotSize.MinPoints || Math.Max(points.Width, points.Height) > PlotSize.MaxPoints)
            throw new ArgumentException(
                $"Plot size {size} is out of range: each side must be between 1 in and 100 in ({PlotSize.MinPoints} to {PlotSize.MaxPoints} pt).", nameof(options));
        // Render into memory first: a failure while drawing then leaves no half-written file behind.
        using var image = new MemoryStream();
        PlotRendering.Write(plots, options.Layout, format, points, options.Dpi, image);
        try
        {
            File.WriteAllBytes(path, image.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write plot '{path}': {e.Message}", e);
        }
        return new PlotResult(path, curves, notes, PlotRendering.FontWarnings());
    }

    /// <summary>The file of one objective in the separate layout: "fig.svg" → "fig-joint.svg".</summary>
    public static string SeparatePath(string path, string objective) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{objective}{Path.GetExtension(path)}");

    /// <summary>The panels (one ScottPlot plot per objective), the curve labels and the notes.</summary>
    internal static (IReadOnlyList<Plot> Plots, IReadOnlyList<string> Curves, IReadOnlyList<string> Notes) Build(
        RunReport report, PlotOptions options)
    {
        var notes = new List<string>();
        var drawn = new List<ResultRow>();
        var objectives = report.Rows.Where(r => r.CriticalVisibility is null).Select(r => r.Objective).Distinct().ToList();
        if (options.Objective is { } only)
        {
            if (!report.Rows.Any(r => r.Objective == only))
                throw new ArgumentException($"Cannot plot objective '{only}': the rows have objectives {List(report.Rows.Select(r => r.Objective).Distinct())}.");
            // An objective with steering-test rows only still gets its (empty) figure; the notes say why it is empty.
            objectives = [only];
        }
        foreach (var row in report.Rows.Where(r => objectives.Contains(r.Objective) || r.CriticalVisibility is not null))
        {
            var reason = WhyNotDrawn(row, options);
            if (reason is null) drawn.Add(row);
            else notes.Add($"{Where(row)}: {reason}");
        }
        var x = SweptParameter(report, drawn, options.XParameter);
        if (x is not null)
        {
            foreach (var row in drawn.Where(r => !r.Parameters.TryGetValue(x, out _)))
                notes.Add($"{Where(row)}: has no parameter {x} to plot against");
            drawn.RemoveAll(r => !r.Parameters.TryGetValue(x, out _));
        }
        var boundOrder = report.Rows.Select(r => r.Bound).Distinct().ToList();
        var styles = CurveStyle.ForBounds(boundOrder);
        var severalDimensions = boundOrder.Count(b => b.StartsWith("seesaw dim ", StringComparison.Ordinal) || b.StartsWith("seesaw split ", StringComparison.Ordinal)) > 1;
        var plots = new List<Plot>();
        var curves = new List<string>();
        foreach (var objective in objectives)
        {
            // Several panels are labelled (a), (b), … as in the paper's Fig. 2; one panel is titled by its objective.
            var title = objectives.Count == 1 ? objective : $"({(char)('a' + plots.Count % 26)}) {objective}";
            var rows = drawn.Where(r => r.Objective == objective).ToList();
            // Bounds in the report's order, markers last so the see-saw squares sit on top of the lines.
            var bounds = boundOrder.Where(b => rows.Exists(r => r.Bound == b))
                .OrderBy(b => styles[b].Marker == MarkerShape.None ? 0 : 1).ToList();
            plots.Add(Panel(title, x, rows, bounds, styles, severalDimensions));
            curves.AddRange(bounds.Select(b => $"{objective}: {b}"));
        }
        if (plots.Count == 0) plots.Add(Panel(report.Scenario, x, [], [], styles, severalDimensions));
        return (plots, curves, notes);
    }

    private static Plot Panel(
        string title, string? x, List<ResultRow> rows, List<string> bounds, IReadOnlyDictionary<string, CurveStyle> styles,
        bool severalDimensions)
    {
        var plot = new Plot();
        PublicationStyle.Apply(plot);
        plot.Title(title);
        plot.XLabel(x is null ? "parameter" : ParameterLabels.Display(x));
        plot.YLabel("Hₘᵢₙ (bits)");
        var series = bounds.ToDictionary(b => b, b => rows.Where(r => r.Bound == b)
            .Select(r => (X: XValue(r, x), Y: r.Hmin!.Value))
            .OrderBy(p => p.X)
            .ToArray());
        var densest = series.Values.Select(s => s.Length).DefaultIfEmpty(0).Max();
        foreach (var bound in bounds)
        {
            var points = series[bound];
            var style = styles[bound];
            var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray());
            scatter.LegendText = BoundLabels.Display(bound, severalDimensions);
            scatter.Color = style.Color;
            scatter.LineWidth = style.LineWidth;
            scatter.LinePattern = style.Pattern;
            // A line through few points shows kinks that are the sweep's, not the bound's: mark where it was computed.
            var marker = style.Marker != MarkerShape.None ? style.Marker
                : IsSparse(points.Length, densest) ? MarkerShape.FilledCircle : MarkerShape.None;
            scatter.MarkerShape = marker;
            scatter.MarkerSize = marker == MarkerShape.None ? 0 : PublicationStyle.MarkerSize;
        }
        plot.ShowLegend(Alignment.UpperLeft);
        SetLimits(plot, rows, x);
        return plot;
    }

    /// <summary>
    /// A series is sparse when it has at most <see cref="SparsePoints"/> points, or at most a third of the panel's
    /// densest series (e.g. a see-saw every 0.05 beside bounds every 0.01).
    /// </summary>
    internal static bool IsSparse(int count, int densest) => count <= SparsePoints || 3 * count <= densest;

    internal const int SparsePoints = 12;

    /// <summary>y from 0 (no randomness) to a little above the largest H_min; x over the swept range.</summary>
    private static void SetLimits(Plot plot, List<ResultRow> rows, string? x)
    {
        var top = rows.Count == 0 ? 1.0 : Math.Max(rows.Max(r => r.Hmin!.Value), 0.0);
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.08 : 1.0);
        var xs = rows.Select(r => XValue(r, x)).ToList();
        if (xs.Count == 0) return;
        var (low, high) = (xs.Min(), xs.Max());
        var pad = high > low ? 0.02 * (high - low) : 0.5;
        plot.Axes.SetLimitsX(low - pad, high + pad);
    }

    /// <summary>The row's value of the x parameter (every drawn row has it); 0 when there are no parameters at all.</summary>
    private static double XValue(ResultRow row, string? x) => x is not null && row.Parameters.TryGetValue(x, out var v) ? v : 0.0;

    private static string? WhyNotDrawn(ResultRow row, PlotOptions options)
    {
        if (row.CriticalVisibility is not null) return "steering-test row (critical visibility), not an H_min";
        // A verified attack is drawn: its H_min is a true upper bound on H, which is what a seesaw curve shows.
        var acceptable = RowStatus.IsOptimal(row.Status) || row.Status == RowStatus.VerifiedAttack
                         || (options.IncludeNearOptimal && row.Status == RowStatus.NearOptimal);
        if (!acceptable) return row.Message.Length == 0 ? row.Status : $"{row.Status}: {row.Message.ReplaceLineEndings(" ")}";
        if (row.Hmin is not { } h || !double.IsFinite(h)) return "no finite H_min";
        return null;
    }

    /// <summary>The x axis: the requested parameter, or the single one that varies among the drawn rows.</summary>
    private static string? SweptParameter(RunReport report, List<ResultRow> drawn, string? requested)
    {
        var names = report.ParameterNames();
        if (requested is not null)
        {
            if (!names.Contains(requested))
                throw new ArgumentException($"Cannot plot against '{requested}': the rows have parameters {List(names)}.");
            return requested;
        }
        var varying = names.Where(n => drawn.Select(r => r.Parameters.TryGetValue(n, out var v) ? v : double.NaN).Distinct().Count() > 1).ToList();
        return varying.Count switch
        {
            0 => names.Count > 0 ? names[0] : null,
            1 => varying[0],
            _ => throw new ArgumentException($"Cannot choose the x axis: parameters {List(varying)} all vary; name the one to plot against."),
        };
    }

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    private static string Where(ResultRow row)
    {
        var point = TableCells.Point(row.Parameters);
        return (point.Length == 0 ? "" : point + " ") + row.Objective + " / " + row.Bound;
    }
}
