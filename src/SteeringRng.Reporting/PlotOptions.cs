namespace SteeringRng.Reporting;

/// <summary>Settings of an H_min plot.</summary>
/// <param name="Width">Image width in pixels (all panels together).</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="XParameter">The swept parameter on the x axis; null: the one parameter whose value varies.</param>
/// <param name="IncludeNearOptimal">Also plot near-optimal rows (solved to reduced accuracy); they are listed in the notes either way.</param>
public sealed record PlotOptions(int Width = 800, int Height = 600, string? XParameter = null, bool IncludeNearOptimal = false);

/// <summary>What a plot shows and what it left out.</summary>
/// <param name="Path">The file written.</param>
/// <param name="Curves">Legend labels per panel, "objective: bound", in drawing order.</param>
/// <param name="Notes">Rows not drawn and why (not optimal, no H_min, non-finite value), one line each.</param>
/// <param name="Warnings">Problems with the image itself, e.g. no fonts installed, so the text is missing.</param>
public sealed record PlotResult(string Path, IReadOnlyList<string> Curves, IReadOnlyList<string> Notes, IReadOnlyList<string> Warnings);
