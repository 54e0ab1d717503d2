using System.Globalization;

namespace SteeringRng.Reporting;

/// <summary>
/// A bound's name as the paper prints it in figure legends: NS (no-signalling), Q₁, Q₂ … (NPA levels; a custom level
/// "1+BC" as Q(1+BC), since Unicode has no subscript capitals), Glo (global measurements), Dim (the see-saw with fixed
/// dimension; with several dimensions drawn, "Dim, d = 10"; the split attack of continuous-variable scenarios,
/// "seesaw split b", is a fixed-dimension attack too: "Dim", or "Dim, split b" beside other see-saw rows).
/// Any other name is shown as the rows spell it.
/// </summary>
public static class BoundLabels
{
    /// <param name="bound">The row's bound name (JSON-CONTRACT.md), e.g. "npa 2".</param>
    /// <param name="severalDimensions">Whether see-saw rows of more than one dimension are drawn, so "Dim" alone would be ambiguous.</param>
    public static string Display(string bound, bool severalDimensions = false)
    {
        var name = string.Join(' ', bound.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name == "ns") return "NS";
        if (name == "global") return "Glo";
        if (name.StartsWith("npa ", StringComparison.Ordinal)) return Subscripts.Attach("Q", name[4..].Trim('"'));
        if (name.StartsWith("seesaw dim ", StringComparison.Ordinal))
        {
            var d = name["seesaw dim ".Length..];
            return severalDimensions && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? $"Dim, d = {d}" : "Dim";
        }
        if (name.StartsWith("seesaw split ", StringComparison.Ordinal))
            return severalDimensions ? $"Dim, split {name["seesaw split ".Length..]}" : "Dim";
        return bound;
    }
}
