using System.Globalization;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>The seesaw's one-sided decomposition start on CV data (continuous-variables.md §9.7).</summary>
public class CvDecompositionStartTests(ITestOutputHelper output)
{
    /// <summary>
    /// One untrusted party (the EPR pair of Fig. 4 without the second splitter): Eve's optimal P_g for a bipartite
    /// assemblage is the no-signalling SDP's, and every no-signalling bipartite assemblage is quantum, so the start's
    /// explicit attack must meet H^NS: the upper bound equals the lower bound. Two independent computations (the NS
    /// relaxation of Bounds/, with its own facial reduction and certificate, against the start's SDP realised by
    /// purification and re-checked by AttackCheck); 1e-6 bit is the solvers' accuracy with a margin.
    /// </summary>
    [Fact]
    public void OneUntrustedParty_TheAttackMeetsTheNoSignallingBound()
    {
        var text = """
            scenario "EPR pair, Bob binned"
            param t = [5]
            mode A, B
            squeeze A x db -3
            squeeze B p db -3
            beamsplitter A, B eta 0.5
            node Alice trusted mode A cutoff 1
            node Bob untrusted mode B
            homodyne Bob: x period t, p period unbiased bins 4
            objective bob = guess Bob.x
            bounds ns, seesaw dim 8 blocks 2
            data renormalised
            """;
        var (s, errors) = CvParser.Parse(text);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        var rows = CvSeesawTests.Run(s!, output);
        double ns = rows.Single(r => r.Bound == "ns").Hmin!.Value, dim = rows.Single(r => r.Bound == "seesaw dim 8").Hmin!.Value;
        Assert.InRange(dim - ns, -1e-6, 1e-6);
        Assert.True(ns > 0.01, $"H^NS = {ns}: the test needs data with randomness");
    }

    /// <summary>
    /// Fig. 4 at η2 = 0.5, (T_B, T_C) = (5, 8), Bob: the Fock model alone gives H^Dim = 1.1389 bits (§9.6, Eve
    /// uncorrelated, the data fixing state and POVMs). Bob's one-sided decomposition keeps Charlie's true qubit and
    /// re-decomposes Bob's steering of Alice ⊗ Charlie. Asserted: the ordering H^NS ≤ H^Q1 ≤ H^Dim (a relaxation bounds
    /// every attack), the attack's deviation proven, and H^Dim below half the Fock model's value (the start is not rigid).
    /// </summary>
    [Fact]
    public void Fig4_BobsSeesaw_LeavesTheFockModel()
    {
        var rows = CvSeesawTests.Run(CvSeesawTests.Fixed(0.5, 5, 8, "ns, npa 1, seesaw dim 16 blocks 4", objectives: "bob"), output);
        double H(string bound) => rows.Single(r => r.Bound == bound).Hmin!.Value;
        Assert.True(H("ns") <= H("npa 1") + 1e-7, $"H^NS {H("ns")} > H^Q1 {H("npa 1")}");
        Assert.True(H("npa 1") <= H("seesaw dim 16") + 1e-7, $"H^Q1 {H("npa 1")} > H^Dim {H("seesaw dim 16")}");
        Assert.True(H("seesaw dim 16") < 1.1389 / 2, $"H^Dim {H("seesaw dim 16")}: still the Fock model's");
        Assert.Contains("proven ≤", rows.Single(r => r.Bound == "seesaw dim 16").Message);
    }

    /// <summary>Measurement harness for the doc's tables: CV_ETA2, CV_TB, CV_TC, CV_WHO (objectives), CV_BOUNDS; rows to CV_ROWS.</summary>
    [BenchmarkFact]
    public void Measure()
    {
        string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;
        double eta2 = double.Parse(Env("CV_ETA2", "0.5"), CultureInfo.InvariantCulture);
        double tb = double.Parse(Env("CV_TB", "5"), CultureInfo.InvariantCulture), tc = double.Parse(Env("CV_TC", "5"), CultureInfo.InvariantCulture);
        CvSeesawTests.Run(CvSeesawTests.Fixed(eta2, tb, tc, Env("CV_BOUNDS", "ns, npa 1, seesaw dim 16 blocks 4"), objectives: Env("CV_WHO", "bob,charlie")), output);
    }
}
