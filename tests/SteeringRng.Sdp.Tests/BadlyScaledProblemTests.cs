using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The cases of the hostile-input review, each a wrong word before the equilibration: I3322 with b·10⁹ was called
/// primal infeasible, CHSH with C·10⁹ dual infeasible, the one-variable SDP with optimum 10¹² dual infeasible, and
/// CHSH with data 10⁻⁶ "optimal" but 0.09 % off.
/// </summary>
public class BadlyScaledProblemTests
{
    private static SdpProblem File(string name) => SdpaReader.ReadFile(SdpaTestPaths.TestData(name));

    /// <summary>max 10¹² X₁₁ s.t. 10⁻¹² X₁₁ + 10¹² X₂₂ = 10⁻¹², X ⪰ 0: X₁₁ ≤ 1, optimum 10¹² (y = 10²⁴).</summary>
    [Fact]
    public void OneVariableWithOptimum1e12_IsOptimal()
    {
        var p = SdpaReader.Read(new StringReader("1\n1\n2\n1e-12\n0 1 1 1 1e12\n1 1 1 1 1e-12\n1 1 2 2 1e12\n"));
        var s = new InteriorPointSolver().Solve(p);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(1.0, s.PrimalObjective / 1e12, 7);
        Assert.Equal(1.0, s.DualObjective / 1e12, 7);
    }

    [Fact]
    public void I3322WithRightHandSide1e9_IsOptimal()
    {
        var p = ScaledProblems.Scale(File("i3322-npa2.dat-s"), ScaleMode.RightHandSide, 1e9);
        var s = new InteriorPointSolver().Solve(p);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(-0.2509397216, s.DualObjective / 1e9, 8);
    }

    [Fact]
    public void ChshWithObjective1e9_IsOptimal()
    {
        var s = new InteriorPointSolver().Solve(ScaledProblems.Scale(File("chsh-npa1.dat-s"), ScaleMode.Objective, 1e9));
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(2 * Math.Sqrt(2), s.PrimalObjective / 1e9, 7);
    }

    /// <summary>Optimal must mean right to the tolerance relative to the problem's scale (item C of the review).</summary>
    [Theory]
    [InlineData(ScaleMode.Objective)]
    [InlineData(ScaleMode.RightHandSide)]
    public void ChshWithCoefficients1e6_IsRightRelativeToItsScale(ScaleMode mode)
    {
        var s = new InteriorPointSolver().Solve(ScaledProblems.Scale(File("chsh-npa1.dat-s"), mode, 1e-6));
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.True(Math.Abs(s.PrimalObjective / 1e-6 - 2 * Math.Sqrt(2)) <= 1e-7, $"primal {s.PrimalObjective:R}");
        Assert.True(Math.Abs(s.DualObjective / 1e-6 - 2 * Math.Sqrt(2)) <= 1e-7, $"dual {s.DualObjective:R}");
    }
}
