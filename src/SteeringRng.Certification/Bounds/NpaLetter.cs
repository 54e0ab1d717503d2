namespace SteeringRng.Certification.Bounds;

/// <summary>
/// One letter of an explicit word of an NPA level: the projector of outcome <paramref name="Outcome"/> of setting
/// <paramref name="Setting"/> of untrusted party <paramref name="Party"/> (party index in the assemblage's order), a
/// Collins–Gisin generator B_{b|y} (never the last outcome of its setting, which is I − Σ of the others).
/// <c>steer show</c> prints it as "B0|1" for Party 0 (B), Outcome 0, Setting 1.
/// </summary>
public sealed record NpaLetter(int Party, int Setting, int Outcome);
