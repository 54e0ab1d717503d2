using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>The built-in solver on problems without constraints: the exact answer of <see cref="UnconstrainedSdp"/>.</summary>
public class UnconstrainedSdpTests
{
    [Fact]
    public void Negative_definite_C_has_the_optimum_zero_at_X_zero_without_iterations()
    {
        var problem = UnconstrainedProblems.NegativeDefinite();
        var s = new InteriorPointSolver().Solve(problem);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(0, s.PrimalObjective);
        Assert.Equal(0, s.DualObjective);
        Assert.Equal(0, s.Iterations);
        Assert.Empty(s.Y);
        Assert.Equal("builtin", s.Solver);
        Assert.Contains("no constraints", s.Message);
        // X = 0 and Z = −C: every DIMACS error is exactly 0.
        Assert.All(s.Dimacs, e => Assert.Equal(0, e));
        Assert.All(s.X, b => Assert.All(b.Re, v => Assert.Equal(0, v)));
        Assert.Equal(2, s.Z[0].Re[0]);
        Assert.Equal(0.5, s.Z[1].Im![1]); // −(Im C₀₁) = −(−½)
    }

    [Fact]
    public void Positive_eigenvalue_of_C_is_a_checked_certificate_of_an_unbounded_problem()
    {
        var problem = UnconstrainedProblems.Unbounded();
        var s = new InteriorPointSolver().Solve(problem);
        Assert.Equal(SdpStatus.DualInfeasible, s.Status);
        Assert.Equal(double.PositiveInfinity, s.PrimalObjective);
        Assert.Equal(double.PositiveInfinity, s.DualObjective);
        Assert.Equal(0, s.Iterations);
        // X = v v*/λ for the top eigenvector of H: ⟨C, X⟩ = 1, X ⪰ 0, nothing on the −I block.
        Assert.Equal(1, BlockAlgebra.Inner(problem.C, s.X), 12);
        Assert.True(BlockAlgebra.MinEigenvalue(s.X) >= -1e-14, s.Message);
        Assert.All(s.X[0].Re, v => Assert.Equal(0, v));
        Assert.True(InfeasibilityCertificate.Check(problem, s, 1e-12).Valid, s.Message);
        Assert.Contains("λmax(C) = 2", s.Message);
    }

    [Fact]
    public void Zero_eigenvalues_that_round_positive_are_not_a_certificate()
    {
        var s = new InteriorPointSolver().Solve(UnconstrainedProblems.RankDeficient());
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(0, s.PrimalObjective);
        Assert.True(DimacsErrors.Worst(s.Dimacs) <= 1e-15, string.Join(", ", s.Dimacs));
    }

    [Fact]
    public void A_problem_with_constraints_is_not_decided_here()
    {
        var problem = PeerFixtures.Load("theta-c5.dat-s");
        Assert.False(UnconstrainedSdp.Applies(problem));
        Assert.Throws<ArgumentException>(() => UnconstrainedSdp.Solve(problem, SdpSettings.Default, "builtin"));
    }
}
