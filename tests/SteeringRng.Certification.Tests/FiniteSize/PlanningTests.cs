using SteeringRng.Certification.FiniteSize;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>Planning: the rounds needed for m output bits, checked by re-evaluating the analysis around the answer.</summary>
public class PlanningTests
{
    private static readonly double Epsilon = Math.Pow(2, -64);
    private static ProtocolParameters Base(double gamma) => new(1, gamma, [0.0], Epsilon, Epsilon, Epsilon, 1e-6);

    [Fact]
    public void PlannedRoundsAreTheSmallestThatGiveTheBitsWithCompleteness()
    {
        var program = FiniteSizeModels.Chsh();
        var dual = program.BoundAt([2.7]);
        var at = RatePlanner.CompleteAt(Base(0.05), program.Statistics, [2.7]);
        var plan = RatePlanner.RoundsFor(program, dual, at, [2.7], 1_000_000);
        var n = plan.Rounds;
        Assert.True(RatePlanner.PointAt(program, dual, at(n), [2.7]).OutputBits >= 1_000_000);
        Assert.True(RatePlanner.PointAt(program, dual, at(Math.Floor(n * (1 - 1e-5))), [2.7]).OutputBits < 1_000_000);
        // Completeness through the forward formula at the planned δ; and the bits from m = ⌊n·rate − 2·64⌋ by hand.
        Assert.True(Completeness.Error(program.Statistics, [2.7], at(n)) <= 1e-6 * (1 + 1e-9));
        Assert.Equal(Math.Floor(n * plan.Point.Rate - 128), plan.Point.OutputBits);
        // Hoeffding δ for CHSH: 8·sqrt(ln(2/ε_c)/(2 n γ²)).
        Assert.Equal(8 * Math.Sqrt(Math.Log(2e6) / (2 * n * 0.05 * 0.05)), plan.Point.Tolerances[0], 1e-12);
    }

    [Fact]
    public void ChernoffTolerancesMeetTheCompletenessTargetExactly()
    {
        var (program, model) = FiniteSizeModels.Ghz(0.9, alice: "X Z");
        var w = FiniteSizeModels.Expected(program, model);
        var p = RatePlanner.CompleteAt(Base(0.1) with { Tolerances = new double[w.Length] }, program.Statistics, w)(1e9);
        var error = Completeness.Error(program.Statistics, w, p);
        Assert.InRange(error, 0.5e-6, 1e-6 * (1 + 1e-9));
    }
}
