namespace SteeringRng.Certification.Results;

/// <summary>
/// Everything one <c>steer run</c> produced: the scenario's name, its rows in computation order, and
/// whether the run was interrupted (then some points are missing or marked skipped).
/// </summary>
public sealed record RunReport(string Scenario, IReadOnlyList<ResultRow> Rows, bool Interrupted = false)
{
    /// <summary>
    /// What was done to measured data that every row shares (a counts repair with its size in standard deviations and
    /// Pearson X², or "one steering-inequality value only"), printed under the title as a <c>Data:</c> line so that it
    /// is never silent; every row's message repeats it. Null for a model scenario (an assemblage file's repair has its
    /// own <see cref="ResultRow.RepairDistance"/>).
    /// </summary>
    public string? DataNote { get; init; }

    /// <summary>Parameter names in first-appearance order over all rows (the column order of tables and CSV).</summary>
    public IReadOnlyList<string> ParameterNames() =>
        Rows.SelectMany(r => r.Parameters.Names).Distinct(StringComparer.Ordinal).ToList();
}
