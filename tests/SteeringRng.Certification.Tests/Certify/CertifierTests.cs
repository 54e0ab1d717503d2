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

    // μ = 1: P_g^NS = 1/4 (H = 2 bits) and the true realisation reaches it, so NS, Q1 (and Q2, benchmark) and Dim meet
    // exactly; Glo (global measurements) can only allow Eve more. All must pass the ordering check.
    [Fact]
    public void PureGhz_AllBoundsMeetAtTwoBits_AndTheOrderingHolds()
    {
        var ghz = Ghz.Create(1.0);
        var request = DimensionOnly with { NoSignalling = true, Global = true, NpaLevels = [1] };
        var point = new Certifier(TestSolvers.Builtin()).Certify(ghz.Data, GuessTarget.Joint(0, 0), request, ghz.Realisation);
        Assert.True(point.IsConsistent, string.Join("; ", point.Errors));
        var ns = point.Find(BoundKind.NoSignalling)!;
        var dim = point.Find(BoundKind.Dimension)!;
        var glo = point.Find(BoundKind.Global)!;
        Assert.True(ns.IsValid && dim.IsValid && glo.IsValid, $"{ns.Describe()} / {dim.Describe()} / {glo.Describe()}");
        Assert.Equal(0.25, ns.GuessingProbability, 1e-6);
        Assert.Equal(0.25, dim.GuessingProbability, 1e-7);
        foreach (int level in new[] { 1 })
        {
            var q = point.Find(BoundKind.Npa, level)!;
            Assert.True(q.IsValid, q.Describe());
            Assert.Equal(0.25, q.GuessingProbability, 1e-6);
        }
        Assert.True(glo.GuessingProbability >= ns.GuessingProbability - 1e-6);
    }

    // The NS relaxation is built once (at μ = 1) and re-used with the data swapped: μ = 0.45 ≤ 1/2 has no joint
    // randomness (formulations §7: H > 0 exactly for μ > 0.5), so P_g^NS = 1 there.
    [Fact]
    public void Sweep_ReusesTheRelaxation_AndGetsBothEnds()
    {
        var request = new BoundRequest { NoSignalling = true, Parallelism = 2 };
        var points = new Certifier(TestSolvers.Builtin()).Sweep([1.0, 0.45], mu => (Ghz.Create(mu).Data, null),
            GuessTarget.Joint(0, 0), request);
        Assert.Equal(0.25, points[0].Find(BoundKind.NoSignalling)!.GuessingProbability, 1e-6);
        Assert.Equal(1.0, points[1].Find(BoundKind.NoSignalling)!.GuessingProbability, 1e-6);
    }

    [Fact]
    public void GlobalBound_ForASinglePartyGuess_IsAFailedResultWithTheReason()
    {
        var request = new BoundRequest { NoSignalling = false, Global = true };
        var point = new Certifier(new FailingSolver()).Certify(Ghz.Create(1.0).Data, GuessTarget.Single(0, 0), request);
        var glo = point.Find(BoundKind.Global)!;
        Assert.Equal(BoundStatus.Failed, glo.Status);
        Assert.Contains("joint guess of every untrusted party", glo.Message);
    }

    [Fact]
    public void AFailedSolve_GivesAFailedResult_NotANumber()
    {
        var point = new Certifier(new FailingSolver()).Certify(Ghz.Create(1.0).Data, GuessTarget.Joint(0, 0), new BoundRequest());
        var ns = point.Find(BoundKind.NoSignalling)!;
        Assert.Equal(BoundStatus.Failed, ns.Status);
        Assert.True(double.IsNaN(ns.GuessingProbability));
        Assert.Contains("NumericalFailure", ns.Message);
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
