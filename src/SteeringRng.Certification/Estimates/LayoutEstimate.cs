namespace SteeringRng.Certification.Estimates;

/// <summary>
/// The work of <c>steer show</c> for a generating set of n words, before it is done: the moment matrix's word layout
/// (n(n+1)/2 upper-triangle words, ~40 bytes each, as in <see cref="SizeFormulas"/>) and the printed grid of
/// (n+1)² cells (each word as text, its padded copy, the row lists and the final text, with the collector's headroom:
/// measured 150 MB above the process's baseline for n = 463, four qubit parties at level 3, ~700 bytes a cell),
///   bytes ≈ 40 · n(n+1)/2 + 700 · (n+1)².
/// The grid is one (n+1)×(n+1) array and the layout one array: past <see cref="Array.MaxLength"/> elements neither can be
/// represented, whatever the memory.
/// </summary>
public static class LayoutEstimate
{
    public static double Bytes(double n) => 40 * n * (n + 1) / 2 + 700 * (n + 1) * (n + 1);

    /// <summary>Why showing a layout of <paramref name="n"/> words is refused, or null: a size that cannot be represented
    /// (always), or an estimate over <paramref name="limit"/> unless <paramref name="force"/>.</summary>
    public static string? Refusal(int n, double limit, string limitSource, bool force)
    {
        var entries = (double)n * (n + 1) / 2;
        var cells = (double)(n + 1) * (n + 1);
        if (entries > Array.MaxLength || cells > Array.MaxLength)
            return $"the moment matrix of {n} words cannot be represented (its printed grid has {cells.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} " +
                $"cells, more than one array holds, {Array.MaxLength}); " +
                "choose a lower --level. --force does not help: this is a limit of the program, not of the machine.";
        var bytes = Bytes(n);
        if (force || bytes <= limit) return null;
        return $"the moment matrix of {n} words would need an estimated {RelaxationEstimate.Bytes(bytes)} to lay out and print, over the memory " +
               $"limit of {RelaxationEstimate.Bytes(limit)} ({limitSource}); choose a lower --level, or use --force to show it anyway " +
               "(or --memory-limit to set the limit).";
    }
}
