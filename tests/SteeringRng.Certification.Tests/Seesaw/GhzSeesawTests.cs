using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.Seesaw;

public class GhzSeesawTests(ITestOutputHelper output)
{
    private static SeesawResult Run(double mu, GuessTarget guess, int dimension, int randomStarts = 1)
    {
        var ghz = Ghz.Create(mu);
        var options = SeesawOptions.Default with { Dimension = dimension, RandomStarts = randomStarts, MaxRounds = 20 };
        return new SeesawOptimizer(new TemporaryCsdpSolver(), options).Run(ghz.Data, guess, ghz.Realisation);
    }

    [CsdpFact]
    public void Explore()
    {
        foreach (var (mu, d) in new[] { (1.0, 2), (0.4, 2), (0.4, 3) })
        {
            var r = Run(mu, GuessTarget.Joint(0, 0), d);
            output.WriteLine($"mu={mu} d={d}: {r.Status} Pg={r.GuessingProbability} {r.Message} {r.Statistics}");
            foreach (var s in r.Starts) output.WriteLine($"  {s}");
        }
    }
}
