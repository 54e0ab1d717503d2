using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SteeringRng.Reporting;

/// <summary>One rate curve of a plan: certified bits per round at each n (the label says which analysis).</summary>
public sealed record RateCurve(string Label, IReadOnlyList<double> Rounds, IReadOnlyList<double> Rate);

/// <summary>
/// The planning figure (issue 18, docs/formulations/finite-size.md §7): certified rate per round against the number of
/// rounds n on a log axis, one curve per analysis (EAT; i.i.d. when planned), and the asymptotic (1 − γ)·H_min as a
/// dashed horizontal line, the value every curve tends to as n → ∞ and δ → 0. Same rendering and publication style as
/// <see cref="HminPlot"/> (SVG/PDF/PNG by extension). Points with a rate ≤ 0 (no certified entropy at that n) are left
/// out and listed in the notes.
/// </summary>
public static class RatePlot
{
    public const string AsymptoticLabel = "asymptotic (1 − γ)·Hₘᵢₙ";

    private static readonly Color[] Colours = [Color.FromHex("#d62728"), Color.FromHex("#1f4fd6"), Color.FromHex("#2ca02c")];

    /// <summary>Writes the figure; the extension of <paramref name="path"/> chooses the format.</summary>
    /// <exception cref="ArgumentException">An unsupported extension, size or resolution, or curves of unequal lengths.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static PlotResult Save(string path, string title, IReadOnlyList<RateCurve> curves, double asymptoticRate, PlotOptions? options = null)
    {
        options ??= new PlotOptions();
        var format = PlotFileFormats.FromPath(path);
        if (!(options.Dpi >= PlotOptions.MinDpi && options.Dpi <= PlotOptions.MaxDpi))
            throw new ArgumentException($"Plot resolution {options.Dpi} dpi is out of range; {PlotOptions.MinDpi} to {PlotOptions.MaxDpi} dpi.", nameof(options));
        var points = (options.Size ?? PlotSize.Default(1, PlotLayout.Columns)).ToPoints(options.Dpi);
        if (Math.Min(points.Width, points.Height) < PlotSize.MinPoints || Math.Max(points.Width, points.Height) > PlotSize.MaxPoints)
            throw new ArgumentException($"Plot size is out of range: each side must be between 1 in and 100 in ({PlotSize.MinPoints} to {PlotSize.MaxPoints} pt).", nameof(options));
        var (plot, notes) = Build(title, curves, asymptoticRate);
        using var image = new MemoryStream();
        PlotRendering.Write([plot], PlotLayout.Columns, format, points, options.Dpi, image);
        try { File.WriteAllBytes(path, image.ToArray()); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write plot '{path}': {e.Message}", e);
        }
        return new PlotResult(path, [.. curves.Select(c => c.Label), AsymptoticLabel], notes, PlotRendering.FontWarnings());
    }

    internal static (Plot Plot, IReadOnlyList<string> Notes) Build(string title, IReadOnlyList<RateCurve> curves, double asymptoticRate)
    {
        var plot = new Plot();
        PublicationStyle.Apply(plot);
        plot.Title(title);
        plot.XLabel("rounds n");
        plot.YLabel("certified rate (bits/round)");
        // log10 n is plotted; the ticks are the integer decades, labelled 10ᵏ, with log-spaced minor ticks between.
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            TargetTickCount = 6, IntegerTicksOnly = true, MinorTickGenerator = new LogMinorTickGenerator(), LabelFormatter = Decade,
        };
        var notes = new List<string>();
        double low = double.PositiveInfinity, high = double.NegativeInfinity, top = Math.Max(asymptoticRate, 0);
        for (var i = 0; i < curves.Count; i++)
        {
            var curve = curves[i];
            if (curve.Rounds.Count != curve.Rate.Count)
                throw new ArgumentException($"Rate curve '{curve.Label}' has {curve.Rounds.Count} values of n and {curve.Rate.Count} rates.");
            var kept = Enumerable.Range(0, curve.Rounds.Count).Where(k => curve.Rate[k] > 0 && curve.Rounds[k] > 0 && double.IsFinite(curve.Rate[k])).ToArray();
            if (kept.Length < curve.Rounds.Count)
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{curve.Label}: {curve.Rounds.Count - kept.Length} of {curve.Rounds.Count} values of n have no positive certified rate (not drawn)"));
            foreach (var k in Enumerable.Range(0, curve.Rounds.Count).Where(k => curve.Rounds[k] > 0))
            {
                low = Math.Min(low, Math.Log10(curve.Rounds[k]));
                high = Math.Max(high, Math.Log10(curve.Rounds[k]));
            }
            if (kept.Length == 0) continue;
            var scatter = plot.Add.Scatter(kept.Select(k => Math.Log10(curve.Rounds[k])).ToArray(), kept.Select(k => curve.Rate[k]).ToArray());
            scatter.LegendText = curve.Label;
            scatter.Color = Colours[i % Colours.Length];
            scatter.LineWidth = 1.25f;
            scatter.MarkerSize = 0;
            top = Math.Max(top, kept.Max(k => curve.Rate[k]));
        }
        if (!double.IsFinite(low)) (low, high) = (3, 14);
        if (double.IsFinite(asymptoticRate))
        {
            // A two-point line over the whole n range (it joins the legend like the curves).
            var line = plot.Add.Scatter(new[] { low, high }, new[] { asymptoticRate, asymptoticRate });
            line.LegendText = AsymptoticLabel;
            line.Color = Color.FromHex("#303030"); // not black: Skia writes "black", which SvgDashes cannot match to restore the dashes
            line.LineWidth = 1f;
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
        }
        // Lower left: the curves rise from 0 at small n and approach the asymptote at large n, leaving that corner free.
        plot.ShowLegend(Alignment.LowerLeft);
        plot.Axes.SetLimitsX(low, high);
        plot.Axes.SetLimitsY(0, top > 0 ? top * 1.08 : 1.0);
        return (plot, notes);
    }

    /// <summary>log10 n → "10ᵏ" (superscript digits, so SVG, PDF and PNG show the same text).</summary>
    internal static string Decade(double log10)
    {
        var k = (long)Math.Round(log10);
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = Math.Abs(k).ToString(CultureInfo.InvariantCulture);
        return "10" + (k < 0 ? "⁻" : "") + string.Concat(text.Select(c => digits[c - '0']));
    }
}
