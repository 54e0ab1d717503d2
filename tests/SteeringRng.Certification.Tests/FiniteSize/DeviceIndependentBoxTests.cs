using SteeringRng.Certification.FiniteSize;
using Xunit;

namespace SteeringRng.Certification.Tests.FiniteSize;

/// <summary>
/// The relaxation over a box of Bell values (docs/formulations/finite-size.md §4.1) for the device-independent CHSH
/// program (npa "1+AB", A's outcome guessed), against Pironio et al. (Nature 464, 1021 (2010)):
/// P_g(S) = 1/2 + 1/2·√(2 − S²/4), i.e. −log2 P_g = 1 − log2(1 + √(2 − S²/4)).
/// </summary>
public class DeviceIndependentBoxTests
{
    private static readonly Lazy<DeviceIndependentGuessingProgram> Program = new(() => FiniteSizeModels.Chsh());

    private static double Pironio(double s) => 0.5 + 0.5 * Math.Sqrt(2 - s * s / 4);

    [Theory]
    [InlineData(2.5)]
    [InlineData(2.7)]
    public void ZeroWidthBoxGivesPironiosEntropy(double s)
    {
        var r = Program.Value.MaxOverBox([s], [0.0]);
        Assert.True(r.Certified, r.Method);
        Assert.Equal(1 - Math.Log2(1 + Math.Sqrt(2 - s * s / 4)), -Math.Log2(r.Pguess), 1e-6);
        // The record covers the proven optimum and re-proves; a lowered α does not.
        Assert.True(r.Dual.MaxOverBox([s], [0.0]) >= r.Pguess);
        Assert.Null(Program.Value.BoxFault([s], [0.0], r.Dual.Alpha, r.Dual.Lambda, r.Dual.Point));
        Assert.Contains("below the re-proven optimum", Program.Value.BoxFault([s], [0.0], r.Dual.Alpha - 1e-6, r.Dual.Lambda, r.Dual.Point));
    }

    /// <summary>A wider box holds every narrower one, so its P_g never falls (entropy never rises), and it holds S − t,
    /// where the analytic P_g is larger: the certified value is at least that.</summary>
    [Fact]
    public void WideningTheBoxNeverRaisesTheEntropy()
    {
        const double s = 2.7;
        var previous = 0.0;
        foreach (var t in new[] { 0.0, 0.01, 0.03, 0.1, 0.3 })
        {
            var r = Program.Value.MaxOverBox([s], [t]);
            Assert.True(r.Certified, r.Method);
            Assert.True(r.Pguess >= previous - 1e-9, $"t = {t}: P_g {r.Pguess} below the narrower box's {previous}");
            Assert.True(r.Pguess >= Pironio(s - t) - 1e-7, $"t = {t}: P_g {r.Pguess} below Pironio's {Pironio(s - t)} at S − t");
            Assert.True(r.Pguess <= Pironio(s - t) + 1e-5, $"t = {t}: P_g {r.Pguess} far above Pironio's {Pironio(s - t)} at S − t");
            previous = r.Pguess;
        }
    }
}
