namespace SteeringRng.Certification.FiniteSize;

/// <summary>
/// The second-order terms of the entropy accumulation theorem with the Dupuis–Fawzi improvement as Brown, Ragy and
/// Colbeck state them for spot-checking protocols (arXiv 1810.13346; docs/formulations/finite-size.md §5.2), for an
/// affine min-tradeoff function with per-event coefficient spread Δ = λ_max − λ_min, B = B_v, test probability γ,
/// d_O generation outcomes, and β ∈ (0, 1):
///   ε_V = (β ln 2 / 2)·[log2(2 d_O² + 1) + √(2 + (1 − γ)² B² Δ² / γ)]²,
///   ε_K = β² / (6 (1 − β)³ ln 2) · 2^{β E} · ln³(2^E + e²),   E = log2 d_O + (1 − γ) B Δ,
///   ε_Ω = (1 − 2 log2(ε_EA ε_s)) / β.
/// Checked against the authors' code, not against the paper's text, which our corpora do not hold (finite-size.md §5.2
/// says what a reader must compare).
/// </summary>
public static class SecondOrderTerms
{
    public static double EpsilonV(double beta, double gamma, double b, double spread, int outcomes)
    {
        var inner = Math.Log2(2.0 * outcomes * outcomes + 1) + Math.Sqrt(2 + (1 - gamma) * (1 - gamma) * b * b * spread * spread / gamma);
        return beta * Math.Log(2) / 2 * inner * inner;
    }

    /// <summary>E = log2 d_O + (1 − γ) B Δ (the exponent of ε_K).</summary>
    public static double Exponent(double gamma, double b, double spread, int outcomes) =>
        Math.Log2(outcomes) + (1 - gamma) * b * spread;

    public static double EpsilonK(double beta, double gamma, double b, double spread, int outcomes)
    {
        var e = Exponent(gamma, b, spread, outcomes);
        // ln(2^E + e²) without overflowing 2^E: the larger of E ln 2 and 2, plus ln(1 + the other's ratio).
        var x = e * Math.Log(2);
        var logTerm = x >= 2 ? x + Math.Log(1 + Math.Exp(2 - x)) : 2 + Math.Log(1 + Math.Exp(x - 2));
        // β²/(6(1−β)³ ln 2)·2^{βE}·ln³(·), computed through logarithms so that large βE gives +∞, never NaN.
        var log = 2 * Math.Log(beta) - Math.Log(6 * Math.Log(2)) - 3 * Math.Log(1 - beta) + beta * x + 3 * Math.Log(logTerm);
        return Math.Exp(log);
    }

    public static double EpsilonOmega(double beta, double epsilonEa, double epsilonS) =>
        (1 - 2 * Math.Log2(epsilonEa * epsilonS)) / beta;

    /// <summary>ε_V + ε_K + ε_Ω/n: what the rate loses to finite n at this β.</summary>
    public static double Loss(double beta, double n, double gamma, double b, double spread, int outcomes, double epsilonEa, double epsilonS) =>
        EpsilonV(beta, gamma, b, spread, outcomes) + EpsilonK(beta, gamma, b, spread, outcomes) + EpsilonOmega(beta, epsilonEa, epsilonS) / n;
}
