namespace SteeringRng.Certification.Results;

/// <summary>
/// Everything one <c>steer run</c> produced: the scenario's name, its rows in computation order, and
/// whether the run was interrupted (then some points are missing or marked skipped).
/// </summary>
public sealed record RunReport(string Scenario, IReadOnlyList<ResultRow> Rows, bool Interrupted = false)
{
    /// <summary>Parameter names in first-appearance order over all rows (the column order of tables and CSV).</summary>
    public IReadOnlyList<string> ParameterNames() =>
        Rows.SelectMany(r => r.Parameters.Names).Distinct(StringComparer.Ordinal).ToList();
}
