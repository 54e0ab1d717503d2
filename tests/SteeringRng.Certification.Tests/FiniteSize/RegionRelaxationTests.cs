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
}
