using SteeringRng.Certification.Seesaw;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Certify;

/// <summary>Which bounds to compute at a point, and how. Immutable; use <c>with</c> to change a field.</summary>
public sealed record BoundRequest
{
    /// <summary>H^NS (formulations §1).</summary>
    public bool NoSignalling { get; init; } = true;

    /// <summary>H^Glo (§2): only for a joint guess of every untrusted party.</summary>
    public bool Global { get; init; }

    /// <summary>Generalised NPA levels Q_k to compute (§3), e.g. [1, 2].</summary>
    public IReadOnlyList<int> NpaLevels { get; init; } = [];

    /// <summary>H^Dim by the seesaw (§4); needs a realisation of the data.</summary>
    public bool Dimension { get; init; }

    public SeesawOptions Seesaw { get; init; } = SeesawOptions.Default;

    /// <summary>Settings of every relaxation solve.</summary>
    public SdpSettings Sdp { get; init; } = SdpSettings.Default;

    /// <summary>Tolerance on P_g of the ordering check H^Glo ≤ H^NS ≤ H^{Q1} ≤ … ≤ H^Dim.</summary>
    public double OrderingTolerance { get; init; } = Bounds.BoundOrdering.DefaultTolerance;

    /// <summary>How many sweep points run at once (1 = sequential).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (NpaLevels.Any(k => k < 1)) throw new ArgumentException("NPA levels start at 1.");
        if (!(OrderingTolerance >= 0)) throw new ArgumentException($"OrderingTolerance must be non-negative, got {OrderingTolerance}.");
        if (Parallelism < 1) throw new ArgumentException($"Parallelism must be positive, got {Parallelism}.");
        if (!NoSignalling && !Global && NpaLevels.Count == 0 && !Dimension) throw new ArgumentException("Request at least one bound.");
        Seesaw.Validate();
        Sdp.Validate();
    }
}
