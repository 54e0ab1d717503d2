using SteeringRng.Sdp;

namespace SteeringRng.Certification.Run;

/// <summary>How a scenario is run. Immutable; use <c>with</c> to change a field.</summary>
public sealed record RunSettings
{
    /// <summary>Reduce Q_k, NS and the steering test by the data's symmetries (exact); false builds them in full, for cross-checks.</summary>
    public bool Symmetry { get; init; } = true;

    /// <summary>Compute only these of the scenario's bounds (names as rows carry them: "ns", "npa 1", "steering"); null: all.</summary>
    public IReadOnlyList<string>? Bounds { get; init; }

    /// <summary>How many sweep points run at once (default: one per core).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Settings of every SDP solve.</summary>
    public SdpSettings Sdp { get; init; } = SdpSettings.Default;

    /// <summary>Memory the run may use, in bytes; null: what the machine makes available (<see cref="Estimates.MemoryBudget.Available"/>).</summary>
    public double? MemoryLimit { get; init; }

    /// <summary>Run even when a relaxation's estimated memory exceeds the limit (the estimate may be pessimistic).</summary>
    public bool Force { get; init; }

    /// <summary>Check a dual certificate for every relaxation row (docs/formulations/certificates.md); false only to measure what it costs.</summary>
    public bool Certify { get; init; } = true;

    /// <summary>Write every relaxation row's certificate file (<c>steer verify</c> re-checks it) into this folder; null: none.</summary>
    public string? CertificateDirectory { get; init; }

    public static RunSettings Default { get; } = new();
}
