namespace SteeringRng.Sdp;

/// <summary>Tolerances and limits of a solve. Immutable; use <c>with</c> to change a field.</summary>
public sealed record SdpSettings
{
    public static readonly SdpSettings Default = new();

    /// <summary>Upper bound of <see cref="ExtraCorrectors"/>.</summary>
    public const int MaxExtraCorrectors = 10;

    /// <summary>Target for all six DIMACS error measures (status Optimal).</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>A stop with all DIMACS errors below this is reported as NearOptimal.</summary>
    public double NearOptimalTolerance { get; init; } = 1e-6;

    public int MaxIterations { get; init; } = 100;

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromHours(1);

    public LinearAlgebraBackend Backend { get; init; } = LinearAlgebraBackend.Auto;

    /// <summary>
    /// Built-in solver: at most this many higher-order correctors per iteration (0 = Mehrotra's single corrector).
    /// Null (default) chooses from the problem's shape: more when forming and factoring the Schur complement costs
    /// much more than one extra solve with its factor.
    /// </summary>
    public int? ExtraCorrectors { get; init; }

    /// <summary>Called once per iteration with a one-line log row; never writes to the console itself.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (!(Tolerance > 0 && Tolerance < 1)) throw new ArgumentException($"Tolerance must be in (0, 1), got {Tolerance}.");
        if (!(NearOptimalTolerance >= Tolerance)) throw new ArgumentException("NearOptimalTolerance must be at least Tolerance.");
        if (MaxIterations < 1) throw new ArgumentException($"MaxIterations must be positive, got {MaxIterations}.");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentException("TimeLimit must be positive.");
        if (ExtraCorrectors is < 0 or > MaxExtraCorrectors)
            throw new ArgumentException($"ExtraCorrectors must be in 0..{MaxExtraCorrectors} (or null: automatic), got {ExtraCorrectors}.");
    }
}
