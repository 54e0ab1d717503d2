using SteeringRng.Certification.Results;
using SteeringRng.Scenario;

namespace SteeringRng.Certification.Jobs;

/// <summary>
/// The family's critical parameter from one point's steering test (docs/formulations/steering-test.md). The test's
/// v* is relative to the point's own state: v* = max v such that v σ(p) + (1 − v) σ_white has a fully-LHS model. For
/// ρ(p) = w(p) ρ₁ + (1 − w(p)) I/D the assemblage is linear in the state, so
///   v σ(p) + (1 − v) σ_white = v w(p) σ₁ + (1 − v w(p)) σ_white = σ(p*)  with  w(p*) = v* · w(p),
/// and the family stops being steerable at p* = (v* w(p) − b) / a for w(p) = a p + b (p* = μ v* for w(μ) = μ).
/// </summary>
public static class CriticalParameter
{
    /// <param name="cap">The test's cap on v (v* at the cap says only "at least the cap": no critical value).</param>
    /// <returns>(parameter, p*), or null: no family, a point off the family's support (w(p) ≤ 0), v* at the cap, or
    /// a critical weight beyond 1 (ρ₁ itself is not shown steerable).</returns>
    public static ParameterSet? Of(NoiseFamily.WhiteNoiseFamily? family, ParameterSet point, double visibility, double cap)
    {
        if (family is null || !double.IsFinite(visibility)) return null;
        double p;
        if (family.ConstantValue.IsValueSome) p = family.ConstantValue.Value;
        else if (!point.TryGetValue(family.Parameter, out p)) return null;
        var weight = family.WeightAt(p);
        var critical = visibility * weight;
        if (weight <= 0 || visibility >= cap - 1e-6 || critical > 1 + 1e-9) return null;
        return ParameterSet.Of((family.Parameter, family.ParameterAt(critical)));
    }
}
