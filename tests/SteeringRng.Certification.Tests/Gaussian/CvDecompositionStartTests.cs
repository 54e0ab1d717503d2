using SteeringRng.Certification.Gaussian.Language;
using SteeringRng.Certification.Gaussian.Realisation;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Gaussian;

/// <summary>The seesaw's one-sided decomposition start on the Fig. 4 data (continuous-variables.md §9.7).</summary>
public class CvDecompositionStartTests(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Explore()
    {
        double eta2 = double.Parse(Environment.GetEnvironmentVariable("CV_ETA2") ?? "0.5", System.Globalization.CultureInfo.InvariantCulture);
        int dim = int.Parse(Environment.GetEnvironmentVariable("CV_DIM") ?? "8");
        int block = int.Parse(Environment.GetEnvironmentVariable("CV_BLOCK") ?? "2");
        var who = Environment.GetEnvironmentVariable("CV_WHO") ?? "bob";
        var s = CvSeesawTests.Fixed(eta2, 5, 8, "ns", objectives: "bob");
        var point = s.Points()[0];
        var state = CvRun.StateAt(s, point);
        var data = CvRun.DataAt(s, state, point, [5, 8]);
        var (model, reason) = FockRealisation.Build(state, s.Trusted.Mode, 1, [1, 2], CvRun.SettingsAt(s, point, [5, 8]), data, 2);
        Assert.True(model is not null, reason);
        var log = new List<string>();
        var guess = who == "bob" ? new GuessTarget([0], [0]) : who == "charlie" ? new GuessTarget([1], [0]) : new GuessTarget([0, 1], [0, 0]);
        var result = new SeesawOptimizer(TestSolvers.Builtin(), SeesawOptions.Default with
        {
            Dimension = dim, BlockSize = block, OneSidedDecomposition = true, RandomStarts = 0, Log = l => { lock (log) { log.Add(l); File.AppendAllText("/tmp/cvs/log.txt", l + "\n"); } },
        }).Run(data, guess, model!);
        foreach (var l in log) output.WriteLine(l);
        output.WriteLine($"{result.Status} P_g {result.GuessingProbability:F10} H {-Math.Log2(result.GuessingProbability):F6} {result.Message}");
        File.AppendAllText("/tmp/cvs/log.txt", $"{result.Status} P_g {result.GuessingProbability:F10} H {-Math.Log2(result.GuessingProbability):F6} {result.Message}\n");
    }
}
