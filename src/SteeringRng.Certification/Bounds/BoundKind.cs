namespace SteeringRng.Certification.Bounds;

/// <summary>
/// The bounds on Eve's guessing probability, in the order the paper proves for their entropies:
/// H^Glo ≤ H^NS ≤ H^{Q1} ≤ H^{Q2} ≤ … ≤ H^Dim. All but <see cref="Dimension"/> are relaxations (P_g from above,
/// so lower bounds on H); the seesaw finds explicit attacks (P_g from below, so an upper bound on H).
/// </summary>
public enum BoundKind
{
    /// <summary>Bob and Charlie as one party with global measurements (bipartition A|BC).</summary>
    Global,

    /// <summary>No-signalling sub-assemblages.</summary>
    NoSignalling,

    /// <summary>Generalised NPA level Q_k (see <see cref="BoundResult.Level"/>).</summary>
    Npa,

    /// <summary>The fixed-dimension seesaw (explicit quantum attacks).</summary>
    Dimension,
}
