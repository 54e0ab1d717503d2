namespace SteeringRng.Reporting;

/// <summary>Settings of an H_min figure.</summary>
/// <param name="Size">The whole figure's size; null: 3.4 in × 2.6 in per panel (<see cref="PlotSize.Default"/>).</param>
/// <param name="Dpi">Raster resolution in pixels per inch, for PNG (and for sizes given in pixels); 72 to 2400.</param>
/// <param name="Layout">Panels (one per objective) side by side, stacked, or one figure per objective.</param>
/// <param name="Objective">Draw this objective only (one panel); null: every objective. <see cref="PlotLayout.Separate"/> needs it.</param>
/// <param name="XParameter">The swept parameter on the x axis; null: the one parameter whose value varies.</param>
/// <param name="IncludeNearOptimal">Also plot near-optimal rows (solved to reduced accuracy); they are listed in the notes either way.</param>
public sealed record PlotOptions(
    PlotSize? Size = null, double Dpi = PlotOptions.DefaultDpi, PlotLayout Layout = PlotLayout.Columns, string? Objective = null,
    string? XParameter = null, bool IncludeNearOptimal = false)
{
    /// <summary>300 pixels per inch: what journals ask of raster line art at the least.</summary>
    public const double DefaultDpi = 300;

    public const double MinDpi = 72, MaxDpi = 2400;
}

/// <summary>What a plot shows and what it left out.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Curves">Legend labels per panel, "objective: bound" with the rows' bound names, in drawing order.</param>
/// <param name="Notes">Rows not drawn and why (not optimal, no H_min, non-finite value), one line each.</param>
/// <param name="Warnings">Problems with the image itself, e.g. no fonts installed, so the text is missing.</param>
public sealed record PlotResult(string Path, IReadOnlyList<string> Curves, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings);
