namespace SteeringRng.Reporting;

/// <summary>Which console table to print.</summary>
public enum TableLayout
{
    /// <summary>Pivot for a sweep with several (objective, bound) pairs, one row per result otherwise.</summary>
    Auto,
    /// <summary>One line per (parameters, objective, bound) with every field: P_guess, H_min, status, time.</summary>
    Rows,
    /// <summary>One line per parameter point, one H_min column per (objective, bound): a sweep at a glance.</summary>
    Pivot,
}

/// <summary>Console table settings.</summary>
/// <param name="Layout">Row or pivot layout, or let the report decide.</param>
/// <param name="Decimals">Decimals shown for P_guess, H_min and visibilities (the JSON/CSV keep full precision).</param>
public sealed record TableOptions(TableLayout Layout = TableLayout.Auto, int Decimals = 6);
