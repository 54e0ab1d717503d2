using Xunit.Abstractions;

namespace SteeringRng.Sdp.Tests;

/// <summary>Infeasible problems end with the right status and a certificate that we verify independently.</summary>
public class InfeasibilityTests(ITestOutputHelper output)
{
    /// <summary>Default settings (automatic corrector budget), or with <paramref name="correctors"/> higher-order correctors forced.</summary>
    private SdpSettings Logged(int? correctors) => SdpSettings.Default with { Log = output.WriteLine, ExtraCorrectors = correctors };

    /// <summary>
    /// (P) infeasible: X ∈ S³₊ with X₀₀ + X₁₁ = 1 and X₀₀ − X₁₁ = 3 forces X₁₁ = −1.
    /// A certificate is y with bᵀy &lt; 0 and Σ y_i A_i ⪰ 0, e.g. y = (1, −1) (Σ y_i A_i = diag(0, 2, 0), bᵀy = −2).
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public void PrimalInfeasible_ReturnsCertificateY(int? correctors)
    {
        var a = new[]
        {
            new SdpMatrix([new(0, 0, 0, 1.0), new(0, 1, 1, 1.0)]),
            new SdpMatrix([new(0, 0, 0, 1.0), new(0, 1, 1, -1.0)]),
        };
        var c = new SdpMatrix([new(0, 0, 1, 0.5), new(0, 2, 2, -1.0)]);
        var p = new SdpProblem([SdpBlock.Psd(3)], c, a, [1.0, 3.0]);
        var s = new InteriorPointSolver().Solve(p, Logged(correctors));
        Assert.Equal(SdpStatus.PrimalInfeasible, s.Status);
        // The certificate proves max ⟨C, X⟩ = −∞ over the empty feasible set, and (D) unbounded below.
        Assert.Equal(double.NegativeInfinity, s.PrimalObjective);
        Assert.Equal(double.NegativeInfinity, s.DualObjective);
        var by = s.Y[0] * 1.0 + s.Y[1] * 3.0;
        Assert.True(by < 0, $"bᵀy = {by}");
        // Σ y_i A_i = diag(y0 + y1, y0 − y1, 0) must be PSD up to 1e-8·|bᵀy|.
        Assert.True(s.Y[0] + s.Y[1] >= -1e-8 * Math.Abs(by));
        Assert.True(s.Y[0] - s.Y[1] >= -1e-8 * Math.Abs(by));
    }

    /// <summary>
    /// (D) infeasible ((P) unbounded): max X₀₀ s.t. X₁₁ = 1, X₀₁ = 0 — X₀₀ can grow without bound.
    /// A certificate is X ⪰ 0 with ⟨A_i, X⟩ = 0 and ⟨C, X⟩ &gt; 0, e.g. X = e₀e₀ᵀ.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public void DualInfeasible_ReturnsCertificateX(int? correctors)
    {
        var a = new[] { new SdpMatrix([new(0, 1, 1, 1.0)]), new SdpMatrix([new(0, 0, 1, 1.0)]) };
        var p = new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new(0, 0, 0, 1.0)]), a, [1.0, 0.0]);
        var s = new InteriorPointSolver().Solve(p, Logged(correctors));
        Assert.Equal(SdpStatus.DualInfeasible, s.Status);
        Assert.Equal(double.PositiveInfinity, s.PrimalObjective);
        Assert.Equal(double.PositiveInfinity, s.DualObjective);
        var x = s.X[0].Re;
        var cx = x[0];
        Assert.True(cx > 0, $"⟨C, X⟩ = {cx}");
        Assert.True(Math.Abs(x[3]) <= 1e-8 * cx, $"⟨A_0, X⟩ = {x[3]}");
        Assert.True(Math.Abs(2 * x[1]) <= 1e-8 * cx, $"⟨A_1, X⟩ = {2 * x[1]}");
        // 2×2 PSD: both diagonal entries and the determinant nonnegative.
        Assert.True(x[0] >= 0 && x[3] >= -1e-12 && x[0] * x[3] - x[1] * x[2] >= -1e-12 * cx * cx);
    }

    /// <summary>An LP (one Nonnegative block) that is primal infeasible: x₀ + x₁ = −1, x ≥ 0; certificate y = 1·(−1)… any y &gt; 0.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData(4)]
    public void PrimalInfeasible_Lp_ReturnsCertificateY(int? correctors)
    {
        var a = new[] { new SdpMatrix([new(0, 0, 0, 1.0), new(0, 1, 1, 1.0)]) };
        var p = new SdpProblem([SdpBlock.Nonnegative(2)], new SdpMatrix([new(0, 0, 0, 1.0)]), a, [-1.0]);
        var s = new InteriorPointSolver().Solve(p, Logged(correctors));
        Assert.Equal(SdpStatus.PrimalInfeasible, s.Status);
        Assert.True(-s.Y[0] < 0, "bᵀy < 0");
        Assert.True(s.Y[0] >= 0, "Σ y_i A_i = y·I ⪰ 0");
    }
}
