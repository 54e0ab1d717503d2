namespace SteeringRng.Certification.Input;

/// <summary>A scenario file or an override the user supplied cannot be used; the message says what and where.</summary>
/// <param name="isUsage">True when the fault is in how the tool was asked (an override naming no parameter), not in a file.</param>
public sealed class ScenarioInputException(string message, bool isUsage = false) : Exception(message)
{
    public bool IsUsage { get; } = isUsage;
}
