namespace SteeringRng.Sdp.Tests;

public class SettingsTests
{
    [Theory]
    [InlineData(0.0, 1e-6, 100, "Tolerance")]
    [InlineData(1.0, 1e-6, 100, "Tolerance")]
    [InlineData(double.NaN, 1e-6, 100, "Tolerance")]
    [InlineData(1e-8, 1e-9, 100, "NearOptimalTolerance")]
    [InlineData(1e-8, 1e-6, 0, "MaxIterations")]
    public void Invalid_Settings_NameTheField(double tol, double near, int iters, string field)
    {
        var s = SdpSettings.Default with { Tolerance = tol, NearOptimalTolerance = near, MaxIterations = iters };
        Assert.StartsWith(field, Assert.Throws<ArgumentException>(s.Validate).Message);
        Assert.Throws<ArgumentException>(() => new InteriorPointSolver().Solve(SolverKnownOptimaTests.LovaszThetaC5(), s));
    }

    [Fact]
    public void NonPositive_TimeLimit_IsRejected() =>
        Assert.StartsWith("TimeLimit", Assert.Throws<ArgumentException>((SdpSettings.Default with { TimeLimit = TimeSpan.Zero }).Validate).Message);

    [Fact]
    public void Defaults_AreValid()
    {
        SdpSettings.Default.Validate();
        Assert.Equal(1e-8, SdpSettings.Default.Tolerance);
    }
}
