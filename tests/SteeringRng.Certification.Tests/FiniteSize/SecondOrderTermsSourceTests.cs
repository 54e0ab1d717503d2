using SteeringRng.Certification.FiniteSize;
using Xunit;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>
/// ε_V, ε_K, ε_Ω against values computed by hand (mpmath, 40 digits) from the source's formulas, not from our code:
/// Brown–Ragy–Colbeck (arXiv 1810.13346) as their package dirng states them (eat_methods.py: errV, errK, errW;
/// docs/formulations/finite-size.md §5.2):
///   ε_V = (β ln 2/2)(log2(2d² + 1) + √((1 − γ)² B² Δ²/γ + 2))²,
///   ε_K = β²/(6(1 − β)³ ln 2) · 2^{βE} · ln³(2^E + e²),  E = log2 d + (1 − γ) B Δ,
///   ε_Ω = (1 − 2 log2(ε_EA ε_s))/β.
/// dirng bounds ln(2^E + e²) above by max(E ln 2, 2) + ln 2; we use the exact logarithm, so our ε_K must also stay
/// below dirng's over-estimate (computed by hand the same way).
/// </summary>
public class SecondOrderTermsSourceTests
{
    // (β, γ, B, Δ, d, ε_V, ε_K exact, ε_K as dirng over-estimates it)
    public static TheoryData<double, double, double, double, int, double, double, double> Points => new()
    {
        { 0.01, 0.1, 3.0, 0.8, 4, 0.50071253124014667, 0.00085906206997002663, 0.0011669870604485155 },
        { 1e-4, 0.4, 20.0, 27.0, 8, 9.3462140635523531, 0.028649490664102943, 0.02891313463745534 },
        { 0.3, 0.9, 1.5, 0.0, 2, 2.1849031614447354, 0.87248892031061167, 1.5172632592976227 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void VarianceAndThirdOrderTermsMatchTheSourceFormula(double beta, double gamma, double b, double spread, int d, double v, double k, double kDirng)
    {
        Assert.Equal(v, SecondOrderTerms.EpsilonV(beta, gamma, b, spread, d), v * 1e-13);
        var ours = SecondOrderTerms.EpsilonK(beta, gamma, b, spread, d);
        Assert.Equal(k, ours, k * 1e-12);
        Assert.True(ours <= kDirng, $"ε_K = {ours} above dirng's over-estimate {kDirng}");
    }

    [Theory]
    [InlineData(0.01, 5.421010862427522e-20, 5.421010862427522e-20, 25700.0)] // ε = 2⁻⁶⁴ exactly: (1 + 2·128)/0.01
    [InlineData(1e-4, 1e-6, 1e-9, 1006578.4284662087)]
    public void EpsilonTermMatchesTheSourceFormula(double beta, double epsilonEa, double epsilonS, double expected) =>
        Assert.Equal(expected, SecondOrderTerms.EpsilonOmega(beta, epsilonEa, epsilonS), expected * 1e-13);

    [Fact]
    public void TheOutputAlphabetIsEveryRecordedOutcomeOfARound()
    {
        // CHSH: A's outcome is guessed (2 values) but a round records a and b: d_O = 4, as dirng's product of outputs.
        Assert.Equal(4, TestStatistics.Chsh().OutcomesPerRound);
    }
}
