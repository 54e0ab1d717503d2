using System.Globalization;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Reporting;

/// <summary>
/// Prints a threshold report for a reader at a terminal: the range and width, one line per (objective, bound) with the
/// bracket, the method and the evidence at both ends, then the criteria and notes. Parameter values get 7 decimals
/// (the default width 1e-5 needs 5 to show; 7 show where in the bracket the ends sit), P_g and v* get 8.
/// </summary>
public static class ThresholdText
{
    public static void Write(ThresholdReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine($"Scenario: {report.Scenario}");
        writer.WriteLine(Invariant($"Threshold in {report.Parameter} over its declared range [{report.RangeLow:R}, {report.RangeHigh:R}], bracket width <= {report.Width:0.##e-0}; ") +
                         (report.FamilyMismatch is null
                             ? $"the state is a white-noise mixture in {report.Parameter}."
                             : $"the state is not a white-noise mixture in {report.Parameter} ({report.FamilyMismatch})."));
        writer.WriteLine();
        var header = new[] { "objective", "bound", "threshold", "method", "at lo", "at hi", "solves", "seconds" };
        var lines = report.Results.Select(r => new[]
        {
            r.Objective, r.Bound, Threshold(r), MethodShort(r.Method), Evidence(r, r.AtLo), Evidence(r, r.AtHi),
            r.Evaluations.Count.ToString(CultureInfo.InvariantCulture), Invariant($"{r.Seconds:F1}"),
        }).ToList();
        var widths = header.Select((h, c) => lines.Select(l => l[c].Length).Append(h.Length).Max()).ToArray();
        foreach (var line in lines.Prepend(header))
            writer.WriteLine("  " + string.Join("  ", line.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        writer.WriteLine();
        var criteria = report.Results.Where(r => r.Outcome != ThresholdOutcome.NotApplicable)
            .Select(r => r.Criterion.Describe()).Distinct().ToList();
        if (criteria.Count > 0)
            writer.WriteLine($"Past the threshold when {string.Join("; ", criteria)} (the solver's near-optimal tolerance; docs/formulations/thresholds.md).");
        if (report.Results.Any(r => r.Method == ThresholdMethod.Direct))
            writer.WriteLine($"direct = {ThresholdMethod.Direct}: {report.Parameter}* = v* at {report.Parameter} = 1, its bracket confirmed by solving at both ends.");
        var notes = report.Results.Where(r => r.Message.Length > 0 || r.Outcome == ThresholdOutcome.NotMonotone)
            .Select(r => $"{r.Objective} / {r.Bound}: {r.Message}")
            .Concat(report.Results.Where(r => r.ExactAtMost is not null).Select(r => Invariant(
                $"{r.Objective} / {r.Bound}: exact threshold (P_g < 1) <= {r.ExactAtMost:F7} by concavity (chord through the ends; as accurate as the solver)")))
            .ToList();
        if (notes.Count > 0)
        {
            writer.WriteLine("Notes:");
            foreach (var note in notes) writer.WriteLine("  " + note.ReplaceLineEndings(" "));
        }
        if (report.Interrupted) writer.WriteLine("Interrupted: brackets are as far as the searches got.");
    }

    private static string Threshold(ThresholdResult r) => r.Outcome switch
    {
        ThresholdOutcome.Bracketed => Invariant($"[{r.Lo:F7}, {r.Hi:F7}]"),
        ThresholdOutcome.BelowRange => Invariant($"<= {r.Hi:F7} (below range)"),
        ThresholdOutcome.AboveRange => Invariant($"> {r.Lo:F7} (none in range)"),
        ThresholdOutcome.Interrupted when r.Lo is { } lo && r.Hi is { } hi => Invariant($"[{lo:F7}, {hi:F7}] (interrupted)"),
        _ => r.Outcome,
    };

    private static string MethodShort(string method) => method == ThresholdMethod.Direct ? "direct" : method;

    private static string Evidence(ThresholdResult r, ThresholdEvidence? e) => e switch
    {
        null => "-",
        { Decided: true } => Invariant($"{r.Criterion.Symbol} = {e.Value:F8} ({e.Status})"),
        _ => $"no value ({e.Status})",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
