using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests;

public class AssemblageChecksTests
{
    /// <summary>A one-party, two-setting, two-outcome qubit assemblage with given blocks σ_{a|x}.</summary>
    private static Assemblage Bipartite(Func<int, int, Complex[,]> block) =>
        new(2, [2], [2], (a, x) => block(a[0], x[0]));

    private static Complex[,] Diag(double p, double q) => new Complex[,] { { p, 0 }, { 0, q } };

    [Fact]
    public void SignallingAssemblage_IsReportedWithPartyAndSize()
    {
        // σ_{bc|z} = p(b,c|z) I/2 with p uniform for z = 0 and p(0,·|1) = 0.3, p(1,·|1) = 0.2:
        // Bob's outcome b = 0 has marginal Σ_c σ = 0.25 I (z = 0) vs 0.3 I (z = 1): Charlie signals by 0.05.
        var sigma = new Assemblage(2, [1, 2], [2, 2], (a, x) =>
        {
            double p = x[1] == 0 ? 0.25 : a[0] == 0 ? 0.3 : 0.2;
            return Diag(p / 2, p / 2);
        });
        var report = AssemblageChecks.Check(sigma, 1e-9);
        Assert.False(report.IsValid);
        var signalling = Assert.Single(report.Violations, v => v.Property.Contains("no-signalling"));
        Assert.Contains("party 1", signalling.Property);
        Assert.Contains("setting 1 vs setting 0", signalling.Where);
        Assert.Equal(0.05, signalling.Size, 12);
    }

    [Fact]
    public void NegativeBlock_IsReportedWithEigenvalue()
    {
        var sigma = Bipartite((a, x) => x == 1 ? Diag(0.25, 0.25) : a == 0 ? Diag(0.6, -0.1) : Diag(0, 0.5));
        var report = AssemblageChecks.Check(sigma);
        var v = Assert.Single(report.Violations, v => v.Property.Contains("positivity"));
        Assert.Equal(0.1, v.Size, 12);
        Assert.Contains("a = (0)", v.Where);
    }

    [Fact]
    public void WrongNormalisation_IsReportedPerSetting()
    {
        var sigma = Bipartite((a, x) => x == 1 ? Diag(0.3, 0.3) : Diag(0.25, 0.25));
        var report = AssemblageChecks.Check(sigma);
        var v = Assert.Single(report.Violations, v => v.Property.Contains("normalisation"));
        Assert.Contains("x = (1)", v.Where);
        Assert.Equal(0.2, v.Size, 12);
    }

    [Fact]
    public void ValidAssemblage_HasNoViolations()
    {
        var sigma = Bipartite((a, x) => x == 0 ? (a == 0 ? Diag(0.5, 0) : Diag(0, 0.5)) : Diag(0.25, 0.25));
        Assert.True(AssemblageChecks.Check(sigma).IsValid);
    }
}
