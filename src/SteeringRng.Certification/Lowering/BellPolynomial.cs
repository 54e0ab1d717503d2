using System.Numerics;
using SteeringRng.Algebra;
using Checked = SteeringRng.Scenario.Checked;
using AlgebraScenario = SteeringRng.Algebra.Scenario;

namespace SteeringRng.Certification.Lowering;

/// <summary>
/// A checked Bell expression as a polynomial in the Collins–Gisin projectors:
/// ⟨A_x B_y …⟩ = Π (P_{0|x} − P_{1|x}) = Π (2 P_{0|x} − I) for two-outcome settings, and
/// P(a, b, … | x, y, …) = Π P_{a|x} (the last outcome being I − Σ of the others).
/// </summary>
public static class BellPolynomial
{
    public static Polynomial Of(ScenarioModel s, AlgebraScenario scenario, Checked.BellExpression expression)
    {
        var sum = Polynomial.Constant(new Complex(expression.Constant, 0));
        foreach (var (coefficient, term) in expression.Terms)
        {
            var product = Polynomial.One;
            switch (term)
            {
                case Checked.BellTerm.Correlator c:
                    foreach (var t in c.targets)
                    {
                        var p = s.PartyOf(t.Node);
                        product *= scenario.Projector(p, t.Setting, 0) - scenario.Projector(p, t.Setting, 1);
                    }
                    break;
                case Checked.BellTerm.Probability pr:
                    foreach (var (t, outcome) in pr.outcomes)
                        product *= scenario.Projector(s.PartyOf(t.Node), t.Setting, outcome);
                    break;
            }
            sum += coefficient * product;
        }
        return sum;
    }
}
