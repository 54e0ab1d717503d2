using SteeringRng.Certification.Results;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>
/// The classical-guess attack on Fig. 4's data (continuous-variables.md §9.9): the guessed party classical, mixed with
/// the one-sided split that keeps the other party's true device. The NS relaxation (a lower bound on H, weak duality) and
/// the attack (an upper bound, an explicit state and POVMs re-checked against the data) are independent computations.
/// </summary>
public class CvClassicalGuessTests(ITestOutputHelper output)
{
    private const string Seesaw = "seesaw split 2";

    /// <summary>
    /// Where NS proves nothing (H^NS = 0 for Bob: at T_B = T_C = 5 that holds up to η2 = 0.25), the theorem of §9.9 says Eve
    /// guesses Bob with P_g = 1 by an explicit attack: the seesaw row must reach P_g = 1 (to the 1e-9 of its proven data
    /// deviation), be optimal and verified. Before this attack the best upper bound there was 0.08 bit (§9.8).
    /// </summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    public void WhereNsIsZero_EveGuessesBobExactly(double eta2)
    {
        var rows = CvSeesawTests.Run(CvSeesawTests.Fixed(eta2, 5, 5, $"ns, {Seesaw}", objectives: "bob"), output);
        var ns = rows.Single(r => r.Bound == "ns");
        var seesaw = rows.Single(r => r.Bound == Seesaw);
        Assert.True(ns.Pguess >= 1 - 1e-8, $"P_g^NS {ns.Pguess}: the premise (H^NS = 0) fails");
        Assert.InRange(seesaw.Pguess!.Value, 1 - 1e-9, 1 + 1e-9);
        Assert.Equal(RowStatus.Optimal, seesaw.Status);
        Assert.Contains("guessed parties classical", seesaw.Message);
        Assert.Contains("proven ≤", seesaw.Message);
    }

    /// <summary>
    /// Where NS proves randomness (Bob, η2 = 0.5, T_B = T_C = 5: H^NS ≈ 0.04), no attack can reach P_g = 1: the row
    /// stays above Q1 (H^NS ≤ H^Q1 ≤ H^Dim, weak duality against a verified attack) and, with the classical part mixed in,
    /// within 0.02 bit of Q1 (the one-sided decomposition alone left 0.07 bit, §9.7).
    /// </summary>
    [Fact]
    public void WhereNsIsPositive_TheMixedAttackIsAboveQ1AndClose()
    {
        var rows = CvSeesawTests.Run(CvSeesawTests.Fixed(0.5, 5, 5, $"ns, npa 1, {Seesaw}", objectives: "bob"), output);
        double H(string bound) => rows.Single(r => r.Bound == bound).Hmin!.Value;
        Assert.True(H("ns") > 1e-3, $"H^NS {H("ns")}: the premise (randomness) fails");
        Assert.True(H("ns") <= H("npa 1") + 1e-7, $"H^NS {H("ns")} > H^Q1 {H("npa 1")}");
        Assert.True(H("npa 1") <= H(Seesaw) + 1e-7, $"H^Q1 {H("npa 1")} > H^Dim {H(Seesaw)}");
        Assert.True(H(Seesaw) - H("npa 1") < 0.02, $"H^Dim {H(Seesaw)} is {H(Seesaw) - H("npa 1"):F4} bit above Q1");
        Assert.Contains("proven ≤", rows.Single(r => r.Bound == Seesaw).Message);
    }
}
