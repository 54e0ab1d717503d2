using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>A certificate is a verdict only when it satisfies its own inequality, in units relative to the data.</summary>
public class InfeasibilityCertificateTests
{
    private const double Tolerance = 1e-8;

    private static SdpProblem File(string name) => SdpaReader.ReadFile(SdpaTestPaths.TestData(name));

    private static SdpBlockValue Diag2(double a, double b) => new(SdpBlock.Psd(2), [a, 0, 0, b]);

    [Fact]
    public void KnownPrimalCertificate_IsValid_AtEveryScale()
    {
        // y = (1, 1, −1): bᵀy = −2, Σ y_i A_i = [[1, −1], [−1, 1]] ⪰ 0 (see the fixture's header).
        var p = File("primal-infeasible.dat-s");
        foreach (var s in new[] { 1e-9, 1.0, 1e9 })
        {
            var scaled = ScaledProblems.Scale(p, ScaleMode.Constraints, s);
            Assert.True(InfeasibilityCertificate.CheckPrimal(scaled, [1 / s, 1 / s, -1 / s], Tolerance).Valid);
        }
    }

    /// <summary>
    /// CHSH at NPA 1 is feasible: Σ y_i A_i = diag(y) with Σ y_i = −1 has a negative eigenvalue ≤ −1/5. Scaled by 10⁹
    /// the old absolute test accepted an iterate of this kind with λmin = −7.7·10⁻¹⁰.
    /// </summary>
    [Fact]
    public void CertificateWithNegativeEigenvalue_IsRejected()
    {
        var p = ScaledProblems.Scale(File("chsh-npa1.dat-s"), ScaleMode.RightHandSide, 1e9);
        var y = new[] { -0.2e-9, -0.2e-9, -0.2e-9, -0.2e-9, -0.2e-9 };
        var check = InfeasibilityCertificate.CheckPrimal(p, y, Tolerance);
        Assert.False(check.Valid, check.Detail);
        Assert.True(check.Defect >= 0.1, check.Detail);
        Assert.False(InfeasibilityCertificate.CheckPrimal(p, [1, 1, 1, 1, 1], Tolerance).Valid); // bᵀy > 0
    }

    [Fact]
    public void KnownDualCertificate_IsValid_AndAPositiveDirectionOfAFeasibleProblemIsNot()
    {
        Assert.True(InfeasibilityCertificate.CheckDual(File("dual-infeasible.dat-s"), [Diag2(0, 1)], Tolerance).Valid);
        // The one-variable SDP with optimum 10¹²: X = E₁₁ has ⟨C, X⟩ = 10¹² and ⟨A, X⟩ = 10⁻¹², tiny next to ‖A‖ = 10¹²
        // (CSDP calls the problem dual infeasible); in equilibrated rows of X, ⟨Ã, X̃⟩ is as large as ⟨C̃, X̃⟩.
        var mirror = SdpaReader.Read(new StringReader("1\n1\n2\n1e-12\n0 1 1 1 1e12\n1 1 1 1 1e-12\n1 1 2 2 1e12\n"));
        var check = InfeasibilityCertificate.CheckDual(mirror, [Diag2(1, 0)], Tolerance);
        Assert.False(check.Valid, check.Detail);
    }

    [Fact]
    public void NoClaim_IsNotValid()
    {
        var s = new InteriorPointSolver().Solve(File("theta-c5.dat-s"));
        Assert.False(InfeasibilityCertificate.Check(File("theta-c5.dat-s"), s, Tolerance).Valid);
    }
}
