using SteeringRng.Certification.Results;
using SteeringRng.Scenario;
using SteeringRng.Sdp.Certificates;

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

    /// <summary>
    /// The proven side of p* from a proven bound v* ≤ v_c (a checked steering witness): the family is steerable wherever
    /// w(p') &gt; v_c · w(p), i.e. beyond p_c = (v_c w(p) − b) / a, computed exactly from the doubles a, b, p and rounded
    /// outward (up for a &gt; 0, down for a &lt; 0), so the printed p_c never claims more than is proven.
    /// </summary>
    /// <returns>(parameter, p_c), or null: no family, w(p) ≤ 0, or v_c w(p) &gt; 1 (no member of the family is shown steerable).</returns>
    public static ParameterSet? Certified(NoiseFamily.WhiteNoiseFamily? family, ParameterSet point, Rational visibilityBound) =>
        LineAt(family, point) is { } line && line.ExactBound(visibilityBound) is { } exact
            ? ParameterSet.Of((line.Parameter, line.Outward(exact)))
            : null;

    /// <summary>The family's weight line w(p) = a·p + b and the point p it was tested at (as the doubles the run used), or
    /// null: no family, a slope 0 or not finite, or the point lacks the parameter.</summary>
    public static FamilyLine? LineAt(NoiseFamily.WhiteNoiseFamily? family, ParameterSet point)
    {
        if (family is null || family.Slope == 0 || !double.IsFinite(family.Slope) || !double.IsFinite(family.Intercept)) return null;
        double p;
        if (family.ConstantValue.IsValueSome) p = family.ConstantValue.Value;
        else if (!point.TryGetValue(family.Parameter, out p)) return null;
        return new FamilyLine(family.Parameter, family.Slope, family.Intercept, p);
    }

    /// <summary>ρ(p') = w(p') ρ₁ + (1 − w(p')) I/D with w(p') = <paramref name="Slope"/>·p' + <paramref name="Intercept"/>,
    /// tested at p' = <paramref name="At"/>.</summary>
    public sealed record FamilyLine(string Parameter, double Slope, double Intercept, double At)
    {
        /// <summary>p_c = (v_c w(p) − b) / a exactly, or null: w(p) ≤ 0, v_c w(p) &gt; 1, or a = 0.</summary>
        public Rational? ExactBound(Rational visibilityBound)
        {
            var a = Rational.FromDouble(Slope);
            var b = Rational.FromDouble(Intercept);
            if (a.IsZero) return null;
            var weight = a * Rational.FromDouble(At) + b;
            if (weight <= Rational.Zero) return null;
            var criticalWeight = visibilityBound * weight;
            if (criticalWeight > Rational.One) return null;
            return (criticalWeight - b) / a;
        }

        /// <summary>p_c rounded to the side that claims less: up when the family grows with p (a &gt; 0), else down.</summary>
        public double Outward(Rational exact) => Slope > 0 ? exact.UpperDouble() : exact.LowerDouble();

        /// <summary>Whether a printed p_c claims no more than the exact one: p_c ≥ exact for a &gt; 0, ≤ for a &lt; 0.</summary>
        public bool Covers(double claimed, Rational exact) =>
            double.IsFinite(claimed) && (Slope > 0 ? Rational.FromDouble(claimed) >= exact : Rational.FromDouble(claimed) <= exact);
    }
}
