namespace SteeringRng.Certification.Input;

/// <summary>A scenario file or an override the user supplied cannot be used; the message says what and where.</summary>
/// <param name="isUsage">True when the fault is in how the tool was asked (an override naming no parameter), not in a file.</param>
public sealed class ScenarioInputException(string message, bool isUsage = false) : Exception(message)
{
    public bool IsUsage { get; } = isUsage;

    /// <summary>For a fault inside a data file the scenario names (e.g. a probabilities CSV): the file as the scenario
    /// writes it (relative to the scenario), so that <c>steer check</c> can point into it; null otherwise.</summary>
    public string? DataFile { get; init; }

    /// <summary>With <see cref="DataFile"/>: the 1-based line of the fault in that file, when it has one (a missing row has none).</summary>
    public int? DataLine { get; init; }
}
