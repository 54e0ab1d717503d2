using System.Globalization;
using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>The split attack over Eve's guesses (`seesaw split b`, continuous-variables.md §9.8) on Fig. 4's data.</summary>
public class CvSeesawSplitTests(ITestOutputHelper output)
{
    private const string Split = "seesaw split 2";

    /// <summary>
    /// The joint guess at fixed periods T_B = T_C = 5: the split attack is verified (AttackCheck within 1e-6, deviation
    /// proven in exact arithmetic) and its P_g lies between the dimension-2 attack's and the Q1 bound's:
    /// P_g^{dim 2} ≤ P_g^{split} ≤ P_g^{Q1}. The right inequality is weak duality against an explicit attack (two
    /// independent computations: it fails if the attack does not really reproduce the data or P_g is mis-counted); the
    /// left one holds because the split starts are nested optimal decompositions while the qubit attack is rigid (§9.6).
    /// 1e-7 is the solvers' accuracy on P_g with a margin.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    public void JointGuess_IsBetweenQ1AndTheQubitAttack(double eta2)
    {
        var rows = CvSeesawTests.Run(CvSeesawTests.Fixed(eta2, 5, 5, $"ns, npa 1, {Split}", objectives: "joint"), output);
        var qubit = CvSeesawTests.Run(CvSeesawTests.Fixed(eta2, 5, 5, "ns, seesaw dim 2", objectives: "joint"), output);
        double P(IReadOnlyList<ResultRow> r, string bound) => r.Single(x => x.Bound == bound).Pguess!.Value;
        var split = rows.Single(r => r.Bound == Split);
        Assert.Contains("proven ≤", split.Message);
        Assert.True(P(rows, Split) <= P(rows, "npa 1") + 1e-7, $"P_g split {P(rows, Split)} > P_g Q1 {P(rows, "npa 1")}");
        Assert.True(P(qubit, "seesaw dim 2") <= P(rows, Split) + 1e-7, $"P_g dim 2 {P(qubit, "seesaw dim 2")} > P_g split {P(rows, Split)}");
    }

    /// <summary>Bad split options are located diagnostics: block size 0 (SR1265), more blocks than fit (SR1266).</summary>
    [Theory]
    [InlineData("seesaw split 0", "SR1265")]
    [InlineData("seesaw split 17", "SR1265")]
    [InlineData("seesaw split 3", "SR1266")]
    public void BadSplitOptions_AreLocatedErrors(string seesaw, string code)
    {
        var text = File.ReadAllText(CvParserTests.SamplePath).Replace("bounds ns, npa 1, seesaw dim 2", "bounds ns, npa 1, " + seesaw);
        var (_, errors) = CvParser.Parse(text);
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        int line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("bounds", StringComparison.Ordinal)) + 1;
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > "bounds ns, npa 1, ".Length - 1, $"column {error.Column}");
    }

    /// <summary>The split attack's sample parses: three η2 points, the joint objective, the split seesaw after NS and Q1.</summary>
    [Fact]
    public void JointSample_Parses()
    {
        var (s, errors) = CvParser.Parse(File.ReadAllText(Path.Combine(CvParserTests.Root(), "samples", "cv-fig4-joint.scn")));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
        Assert.Equal(3, s!.Points().Count);
        Assert.Equal(["ns", "npa 1", Split], s.Bounds.Select(b => b.Name));
    }

    /// <summary>Measurement harness: CV_ETA2, CV_TB, CV_TC, CV_WHO (objectives), CV_BOUNDS; rows to CV_ROWS.</summary>
    [BenchmarkFact]
    public void Measure()
    {
        string Env(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;
        double Number(string name, string fallback) => double.Parse(Env(name, fallback), CultureInfo.InvariantCulture);
        CvSeesawTests.Run(CvSeesawTests.Fixed(Number("CV_ETA2", "0.5"), Number("CV_TB", "5"), Number("CV_TC", "5"),
            Env("CV_BOUNDS", $"ns, npa 1, {Split}"), objectives: Env("CV_WHO", "joint")), output);
    }
}
