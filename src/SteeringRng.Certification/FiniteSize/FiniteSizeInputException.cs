namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// Inputs of a finite-size analysis that cannot be used (protocol parameters out of range, counts of the wrong shape,
/// work too large to start). <see cref="Code"/> is one of SR1220–SR1229 (<see cref="FiniteSizeDiagnostics"/>); the
/// message names the parameter or event class and the value, so a caller can print it as a located error.
/// </summary>
public sealed class FiniteSizeInputException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

/// <summary>The diagnostic codes of the finite-size analyses (docs/formulations/finite-size.md, "Diagnostics").</summary>
public static class FiniteSizeDiagnostics
{
    /// <summary>A protocol parameter is out of its range (n ≥ 1, 0 &lt; γ ≤ 1, δ ≥ 0, every ε in (0, 1)).</summary>
    public const string ParameterRange = "SR1220";
    /// <summary>The tolerances δ, the expected statistics or the counts do not match the number of statistics / event classes.</summary>
    public const string ShapeMismatch = "SR1221";
    /// <summary>Counts are negative, not finite, or there are no test rounds.</summary>
    public const string BadCounts = "SR1222";
    /// <summary>The counts fail the acceptance test (an observed statistic outside w_exp ± δ): the protocol aborts.</summary>
    public const string Aborted = "SR1223";
    /// <summary>The guessing relaxation could not be solved or certified at a reference statistic.</summary>
    public const string DualUnavailable = "SR1224";
    /// <summary>A planning request that cannot be met (no n up to the search limit gives the requested bits).</summary>
    public const string PlanInfeasible = "SR1225";
    /// <summary>Work refused before it starts (too many event classes or simulated experiments).</summary>
    public const string TooLarge = "SR1226";
}
