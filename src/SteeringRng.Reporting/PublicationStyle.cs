using ScottPlot;
using ScottPlot.TickGenerators;

namespace SteeringRng.Reporting;

/// <summary>
/// The look of a figure for a paper, in points (the figure is laid out in points, <see cref="PlotRendering"/>): 10 pt
/// titles, 9 pt axis labels, 8 pt tick labels and legend — the sizes of a one-column figure in a Physical Review
/// journal — and about five ticks per axis, so that tick labels never crowd at 3.4 in wide.
/// </summary>
internal static class PublicationStyle
{
    public const float TitleSize = 10, LabelSize = 9, TickSize = 8, LegendSize = 8, MarkerSize = 4;

    public static void Apply(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = TitleSize;
        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickGenerator = new NumericAutomatic { TargetTickCount = 5 };
        }
        plot.Legend.FontSize = LegendSize;
        // A thin frame and no drop shadow: the legend should not compete with the curves.
        plot.Legend.ShadowOffset = new PixelOffset(0, 0);
        plot.Legend.OutlineWidth = 0.5f;
        plot.Legend.Padding = new PixelPadding(3);
        plot.Legend.SymbolWidth = 16;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
    }
}
