namespace SteeringRng.Certification.Results;

/// <summary>
/// The checked dual certificate behind a row's value (docs/formulations/certificates.md). <see cref="Status"/> is
/// <see cref="RowCertificate.CertifiedStatus"/> (the numbers are proven in exact rational arithmetic) or
/// <see cref="RowCertificate.UncertifiedStatus"/> (then every number is null and <see cref="Reason"/> says why; the row's raw
/// value must not be shown as certified).
/// </summary>
public sealed record RowCertificate
{
    /// <summary>Certificate status: the row's bound is proven in exact rational arithmetic.</summary>
    public const string CertifiedStatus = "certified";
    /// <summary>Certificate status: the check failed; the raw value stands unproven and is never shown as certified.</summary>
    public const string UncertifiedStatus = "uncertified";

    public required string Status { get; init; }
    /// <summary>Proven upper bound on P_g (rounded up, capped at 1), for a randomness row.</summary>
    public double? Pguess { get; init; }
    /// <summary>Proven lower bound on H_min in bits, −log2 of <see cref="Pguess"/> rounded down.</summary>
    public double? Hmin { get; init; }
    /// <summary>Proven upper bound on a Bell value (rounded up), for a Bell row.</summary>
    public double? Value { get; init; }
    /// <summary>
    /// Proven upper bound on a steering test's critical visibility v* (rounded up): a checked steering witness shows
    /// v σ + (1 − v) σ_white steerable for every v above it (docs/formulations/steering-test.md, "Certified witness").
    /// </summary>
    public double? Visibility { get; init; }
    /// <summary>For a steering-test row: whether the witness proves the point's own assemblage steerable (v = 1).</summary>
    public bool? Steerable { get; init; }
    /// <summary>For a steering-test row of a white-noise family: the proven side of the critical parameter (steerable
    /// beyond it, rounded outward), or null.</summary>
    public ParameterSet? Critical { get; init; }
    /// <summary>Certified minus raw value (P_g, Bell value or visibility): what the proof costs; ≥ 0 up to the solver's own gap.</summary>
    public double? Slack { get; init; }
    /// <summary>How the bound was proven (exact correction, proven λ_min, shift used).</summary>
    public string Method { get; init; } = "";
    /// <summary>Why a row is uncertified; empty when certified.</summary>
    public string Reason { get; init; } = "";

    public bool IsCertified => Status == RowCertificate.CertifiedStatus;

    public static RowCertificate Uncertified(string reason) => new() { Status = RowCertificate.UncertifiedStatus, Reason = reason };
}
