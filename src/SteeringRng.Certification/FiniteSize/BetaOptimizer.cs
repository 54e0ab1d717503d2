namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The β ∈ (0, 1) that minimises the loss L(β) = ε_V + ε_K + ε_Ω/n (docs/formulations/finite-size.md §5.3).
/// L is convex on (0, 1): ε_V is linear in β; ε_Ω/n = c/β is convex; ε_K = κ·β²·(1 − β)^{−3}·2^{βE} is a product of
/// three non-negative, non-decreasing, convex functions of β (E ≥ 0 for d_O ≥ 1), and such a product is convex
/// ((fg)'' = f''g + 2f'g' + fg'' ≥ 0). So L is unimodal and golden-section search finds its minimum. The search runs
/// over u = ln β (β = e^u, monotone, so unimodality is kept) because the optimum is near √(ε_Ω/(n ε_V/β)) ≈ n^{−1/2},
/// many decades below 1, and stops when the bracket is narrower than 1e-10 in u.
/// </summary>
public static class BetaOptimizer
{
    private const double MinLogBeta = -80; // β ≥ e^-80 ≈ 1.8e-35: the optimum is ≈ n^{-1/2}, and n ≤ 1e30 here
    private const double MaxLogBeta = -1e-12; // β < 1

    public static double Minimise(Func<double, double> loss)
    {
        var phi = (Math.Sqrt(5) - 1) / 2;
        double lo = MinLogBeta, hi = MaxLogBeta;
        var x1 = hi - phi * (hi - lo);
        var x2 = lo + phi * (hi - lo);
        var f1 = Safe(loss, x1);
        var f2 = Safe(loss, x2);
        while (hi - lo > 1e-10)
        {
            if (f1 <= f2)
            {
                hi = x2; x2 = x1; f2 = f1;
                x1 = hi - phi * (hi - lo); f1 = Safe(loss, x1);
            }
            else
            {
                lo = x1; x1 = x2; f1 = f2;
                x2 = lo + phi * (hi - lo); f2 = Safe(loss, x2);
            }
        }
        return Math.Exp((lo + hi) / 2);
    }

    private static double Safe(Func<double, double> loss, double logBeta)
    {
        var v = loss(Math.Exp(logBeta));
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }
}
