namespace SteeringRng.Certification.Results;

/// <summary>
/// One computed value of a run: a parameter point, the objective (whose outcomes Eve guesses, e.g. "joint"),
/// the bound that produced it (e.g. "ns", "npa 2", "seesaw dim 10"), and the value with its solver status.
/// A randomness row carries the guessing probability and the min-entropy H_min = −log2 P_guess;
/// a steering-test row carries a critical visibility instead, with both of those null; a Bell row (a plain
/// Bell expression, no Eve) carries the bound on the Bell value in <see cref="Value"/>, again with both null.
/// </summary>
public sealed record ResultRow
{
    public required ParameterSet Parameters { get; init; }
    public required string Objective { get; init; }
    public required string Bound { get; init; }
    /// <summary>Eve's guessing probability P_guess, or null when the row has none (failure, steering test).</summary>
    public double? Pguess { get; init; }
    /// <summary>Min-entropy in bits, H_min = −log2 P_guess.</summary>
    public double? Hmin { get; init; }
    /// <summary>Critical visibility of a steering test (the noise level where steering stops), else null.</summary>
    public double? CriticalVisibility { get; init; }
    /// <summary>
    /// For a steering-test row whose state is a family mixed with white noise along a swept parameter p: the critical p*
    /// where the family stops being steerable (p* = μ v* for μ ghz + (1 − μ) white), as { p: p* }; else null.
    /// </summary>
    public ParameterSet? Critical { get; init; }
    /// <summary>The bound on a Bell expression's value (e.g. 2√2 for CHSH at NPA level 1), else null.</summary>
    public double? Value { get; init; }
    public required string Status { get; init; }
    public int? Iterations { get; init; }
    public double? Seconds { get; init; }
    /// <summary>
    /// For measured data repaired to the nearest valid assemblage (<c>repair = nearest</c>): the Frobenius distance
    /// ‖σ_repaired − σ_data‖_F between the data and what the row computed from (docs/formulations/measured-data.md); else null.
    /// </summary>
    public double? RepairDistance { get; init; }

    /// <summary>Free text from the solver or the run (why a point failed); empty when there is nothing to say.</summary>
    public string Message { get; init; } = "";
    /// <summary>The checked certificate of a relaxation row's value (certified bound, or why not); null for rows without one (seesaw, steering test, failures).</summary>
    public RowCertificate? Certificate { get; init; }

    /// <summary>A randomness row from the guessing probability; H_min is computed from it.</summary>
    public static ResultRow FromGuessingProbability(
        ParameterSet parameters, string objective, string bound, double pguess, string status,
        int? iterations = null, double? seconds = null, string message = "") =>
        new()
        {
            Parameters = parameters, Objective = objective, Bound = bound,
            Pguess = pguess, Hmin = MinEntropy.Bits(pguess),
            Status = status, Iterations = iterations, Seconds = seconds, Message = message,
        };

    /// <summary>A randomness row from a min-entropy; P_guess = 2^(−H_min) is computed from it.</summary>
    public static ResultRow FromMinEntropy(
        ParameterSet parameters, string objective, string bound, double hmin, string status,
        int? iterations = null, double? seconds = null, string message = "") =>
        new()
        {
            Parameters = parameters, Objective = objective, Bound = bound,
            Pguess = Math.Pow(2.0, -hmin), Hmin = hmin,
            Status = status, Iterations = iterations, Seconds = seconds, Message = message,
        };

    /// <summary>A steering-test row: the critical visibility, no guessing probability.</summary>
    public static ResultRow FromCriticalVisibility(
        ParameterSet parameters, string objective, string bound, double visibility, string status,
        int? iterations = null, double? seconds = null, string message = "") =>
        new()
        {
            Parameters = parameters, Objective = objective, Bound = bound,
            CriticalVisibility = visibility,
            Status = status, Iterations = iterations, Seconds = seconds, Message = message,
        };

    /// <summary>A Bell row: the bound on the Bell expression, no guessing probability.</summary>
    public static ResultRow FromBellValue(
        ParameterSet parameters, string objective, string bound, double value, string status,
        int? iterations = null, double? seconds = null, string message = "") =>
        new()
        {
            Parameters = parameters, Objective = objective, Bound = bound,
            Value = value,
            Status = status, Iterations = iterations, Seconds = seconds, Message = message,
        };

    /// <summary>A row for a point that produced no value (solver error, skipped after an interrupt).</summary>
    public static ResultRow Failed(
        ParameterSet parameters, string objective, string bound, string status, string message,
        int? iterations = null, double? seconds = null) =>
        new()
        {
            Parameters = parameters, Objective = objective, Bound = bound,
            Status = status, Iterations = iterations, Seconds = seconds, Message = message,
        };
}
