using System.Globalization;

namespace SteeringRng.Certification.Bounds;

/// <summary>
/// One bound at one data point: Eve's guessing probability P_g, H_min = −log2 P_g, how it ended, what it cost,
/// and a message. A result that is not <see cref="BoundStatus.Valid"/> must never be shown as a number:
/// use <see cref="Describe"/>.
/// </summary>
public sealed record BoundResult
{
    public required BoundKind Kind { get; init; }

    /// <summary>The NPA level k for <see cref="BoundKind.Npa"/>; 0 otherwise.</summary>
    public int Level { get; init; }

    public required double GuessingProbability { get; init; }
    public required BoundStatus Status { get; init; }
    public required SolverStatistics Statistics { get; init; }
    public string Message { get; init; } = "";

    /// <summary>
    /// H_min = −log2 min(1, P_g): a relaxation solved to tolerance can report P_g a hair above 1, which means
    /// no randomness, not negative entropy. (NaN stays NaN.)
    /// </summary>
    public double MinEntropy => GuessingProbability >= 1 ? 0.0 : -Math.Log2(GuessingProbability);

    public bool IsValid => Status == BoundStatus.Valid;

    /// <summary>"Glo", "NS", "Q1", "Q2", …, "Dim".</summary>
    public string Name => Kind switch
    {
        BoundKind.Global => "Glo",
        BoundKind.NoSignalling => "NS",
        BoundKind.Npa => $"Q{Level}",
        BoundKind.Dimension => "Dim",
        _ => Kind.ToString(),
    };

    /// <summary>Whether the bound limits H from above (the seesaw) rather than from below (the relaxations).</summary>
    public bool IsUpperBoundOnEntropy => Kind == BoundKind.Dimension;

    /// <summary>The bound as text: its number only when valid, otherwise the error and why.</summary>
    public string Describe() => IsValid
        ? string.Create(CultureInfo.InvariantCulture, $"H^{Name} = {MinEntropy:F6} bits (P_g = {GuessingProbability:F8})")
        : $"H^{Name}: error ({Status}): {Message}";

    public override string ToString() => Describe();
}
