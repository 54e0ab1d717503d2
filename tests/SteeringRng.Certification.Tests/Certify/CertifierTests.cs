using SteeringRng.Certification.Bounds;
using SteeringRng.Certification.Certify;
using SteeringRng.Certification.Seesaw;
using SteeringRng.Certification.Tests.Support;

namespace SteeringRng.Certification.Tests.Certify;

public class CertifierTests
{
    private static readonly BoundRequest DimensionOnly = new()
    {
        NoSignalling = false, Dimension = true,
        Seesaw = SeesawOptions.Default with { Dimension = 2, RandomStarts = 0, MaxRounds = 1 },
    };

    // With a solver that never succeeds, the seesaw keeps its exact start: the true realisation with Eve holding
    // nothing, P_g = max_e p(e|X,X) = 1/4 for every noisy GHZ.
    [Fact]
    public void Sweep_ReturnsEveryPointInOrder_WithItsParameter()
    {
        double[] mus = [1.0, 0.8, 0.6];
        var points = new Certifier(new FailingSolver()).Sweep(mus, mu =>
        {
            var ghz = Ghz.Create(mu);
            return (ghz.Data, ghz.Realisation);
        }, GuessTarget.Joint(0, 0), DimensionOnly with { Parallelism = 2 });
        Assert.Equal(mus, points.Select(p => p.Parameter));
        Assert.All(points, p =>
        {
            Assert.True(p.IsConsistent);
            var dim = p.Find(BoundKind.Dimension)!;
            Assert.True(dim.IsValid, dim.Message);
            Assert.Equal(0.25, dim.GuessingProbability, 1e-12);
        });
    }

    [Fact]
    public void TheSeesawWithoutARealisation_IsAFailedResult_NotANumber()
    {
        var point = new Certifier(new FailingSolver()).Certify(Ghz.Create(1.0).Data, GuessTarget.Joint(0, 0), DimensionOnly);
        var dim = point.Find(BoundKind.Dimension)!;
        Assert.Equal(BoundStatus.Failed, dim.Status);
        Assert.Contains("needs a realisation", dim.Message);
    }

    [Fact]
    public void AnEmptyRequest_IsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => new Certifier(new FailingSolver())
            .Certify(Ghz.Create(1.0).Data, GuessTarget.Joint(0, 0), new BoundRequest { NoSignalling = false }));
        Assert.Contains("at least one bound", error.Message);
    }
}
