using SteeringRng.Certification.Lowering;
using SteeringRng.Certification.Data;
using SteeringRng.Certification.FiniteSize;
using Xunit.Abstractions;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>
/// The guessing relaxation over a confidence box (data equalities as two-sided inequalities), certified: against the
/// exact NS value of noisy GHZ at a box of width → 0, against the two-point affine bound it replaces, and its own affine
/// record's validity.
/// </summary>
public class RegionRelaxationTests(ITestOutputHelper output)
{
    /// <summary>GHZ with white noise as <see cref="FiniteSizeModels.Ghz"/>, as a region program.</summary>
    internal static (SteeringRegionProgram Program, double[] Expected) Ghz(double mu, string bound = "ns", string alice = "X Y Z")
    {
        var (plain, model) = FiniteSizeModels.Ghz(mu, bound, alice);
        var g = (SteeringRng.Scenario.Checked.ObjectiveKind.Guess)model.Scenario.Objectives[0].Kind;
        var program = new SteeringRegionProgram(model, model.GuessOf(g.targets), BoundSpecs.Of(model, model.Scenario.Bounds[0]));
        return (program, FiniteSizeModels.Expected(plain, model));
    }

    /// <summary>At a box of width → 0 around the exact statistics the two-sided relaxation is the equality relaxation:
    /// NS P_g = 1.5 − μ for μ ∈ [0.5, 0.65] (joint guess of Bob's and Charlie's X, Alice X Y Z).</summary>
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.55, 1e-9)]
    [InlineData(0.6, 1e-7)]
    [InlineData(0.65, 0.0)]
    public void NarrowBoxGivesTheExactNoSignallingValue(double mu, double width)
    {
        var (program, w) = Ghz(mu);
        var r = program.MaxOverBox(w, w.Select(_ => width).ToArray());
        output.WriteLine($"μ = {mu}, width {width}: P = {r.Pguess:R} raw {r.RawPguess:R} {r.Method}");
        Assert.True(r.Certified, r.Method);
        Assert.True(r.Pguess >= 1.5 - mu - 1e-12, $"{r.Pguess} below the exact value {1.5 - mu}");
        Assert.Equal(1.5 - mu, r.Pguess, 1e-5);
    }

    /// <summary>Q1 at a box of width 0 around GHZ μ = 0.9 (Alice X Z): the equality relaxation's own value, solved
    /// independently (the steering program at the same statistics).</summary>
    [Fact]
    public void ZeroWidthBoxGivesTheEqualityRelaxationValueAtNpaLevelOne()
    {
        var (program, w) = Ghz(0.9, "npa 1", "X Z");
        var equality = program.BoundAt(w);
        var r = program.MaxOverBox(w, new double[w.Length]);
        output.WriteLine($"Q1 μ = 0.9: box {r.Pguess:R}, equality relaxation {equality.PguessAtReference:R}");
        Assert.True(r.Certified, r.Method);
        Assert.Equal(equality.PguessAtReference, r.Pguess, 1e-6);
    }

    /// <summary>
    /// Simulated counts of GHZ at μ = 0.6 (seeded, 10⁵ events per setting tuple): the i.i.d. analysis takes P_g from the
    /// certified relaxation over the Hoeffding box, which is at most the two-point affine bound (+1e-7) and, the box
    /// covering the true statistics, at least their exact NS P_g = 1.5 − μ. Its affine record bounds P_g elsewhere
    /// (exact values at μ' = 0.55, 0.65) and its maximum over the box is the certified optimum (+ the 1e-12 rebuild tolerance and the float allowance).
    /// </summary>
    [Fact]
    public void IidRelaxationIsBelowTheTwoPointBoundAndAboveTheTruth()
    {
        const double mu = 0.6;
        var (program, truth) = Ghz(mu);
        var counts = CountSimulation.Sample(program.Steering.Layout, truth, 100_000, seed: 18).Select(c => (long)c).ToArray();
        var protocol = new ProtocolParameters(1e7, 0.5, Enumerable.Repeat(0.1, truth.Length).ToArray(), 1e-3, 1e-3, 1e-3, 1e-3);
        var result = FiniteSizeAnalysis.Iid(program, protocol, new EventCounts(counts, (long)1e7 - counts.Sum()));
        output.WriteLine($"relaxation {result.RelaxationPguess:R}, two-point {result.TwoPointPguess:R}, method {result.Method}");
        Assert.True(result.Region.Contains(truth));
        Assert.Equal(IidResult.RelaxationMethod, result.Method);
        Assert.True(result.Certified, result.Note);
        Assert.Contains(IidResult.RelaxationMethod, result.Note);
        var relaxation = result.RelaxationPguess!.Value;
        Assert.True(relaxation <= result.TwoPointPguess!.Value + 1e-7, $"{relaxation} > two-point {result.TwoPointPguess}");
        Assert.True(relaxation >= 1.5 - mu - 1e-9, $"{relaxation} < the true statistics' P_g {1.5 - mu}");
        var overBox = result.Dual.MaxOverBox(result.Region.Center, result.Region.Radius);
        Assert.InRange(overBox - relaxation, 0, 2e-9);
        Assert.Equal(Math.Min(1, overBox), result.PguessOverRegion);
        foreach (var other in new[] { 0.55, 0.65 })
        {
            var (_, w) = Ghz(other);
            Assert.True(result.Dual.Evaluate(w) >= 1.5 - other - 1e-9, $"μ' = {other}: {result.Dual.Evaluate(w)} < {1.5 - other}");
        }
    }
}
