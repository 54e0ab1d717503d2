namespace SteeringRng.Certification.Thresholds;

/// <summary>What to search: the parameter, the bracket width, and optionally which bounds and objectives. Immutable.</summary>
public sealed record ThresholdRequest(string Parameter)
{
    public const double DefaultWidth = 1e-5;

    /// <summary>The largest accepted hi − lo of a bracket.</summary>
    public double Width { get; init; } = DefaultWidth;

    /// <summary>Only these of the scenario's bounds (names as rows carry them: "ns", "npa 1", "steering"); null: all.</summary>
    public IReadOnlyList<string>? Bounds { get; init; }

    /// <summary>Only this objective's bounds (the steering test, which has no objective, is kept); null: all.</summary>
    public string? Objective { get; init; }

    public ThresholdMethodChoice Method { get; init; } = ThresholdMethodChoice.Auto;

    /// <summary>The criterion's tolerance (see <see cref="ThresholdCriterion"/>).</summary>
    public double Tolerance { get; init; } = ThresholdCriterion.DefaultTolerance;
}
