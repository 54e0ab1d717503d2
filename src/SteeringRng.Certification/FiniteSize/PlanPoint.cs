namespace SteeringRng.Certification.FiniteSize;

/// <summary>One point of the planning curve: at n rounds, the EAT rate per round next to the asymptotic (1 − γ)·H_min,
/// the certified entropy k = n·rate, the output bits m and the completeness error ε_c.</summary>
public sealed record PlanPoint(double Rounds, double Rate, double AsymptoticRate, double Entropy, long OutputBits, double CompletenessError, double Beta);
