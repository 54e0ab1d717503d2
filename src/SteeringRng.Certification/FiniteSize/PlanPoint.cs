namespace SteeringRng.Certification.FiniteSize;

/// <summary>One point of the planning curve: at n rounds (tolerances δ), the EAT rate per round next to the asymptotic
/// (1 − γ)·H_min, the certified entropy k = n·rate, the output bits m, the completeness error ε_c and the β used.</summary>
public sealed record PlanPoint(double Rounds, double TestProbability, IReadOnlyList<double> Tolerances, double Rate, double AsymptoticRate,
    double Entropy, long OutputBits, double CompletenessError, double Beta);
