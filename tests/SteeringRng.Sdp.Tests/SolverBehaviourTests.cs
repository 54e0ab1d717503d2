using Xunit.Abstractions;

namespace SteeringRng.Sdp.Tests;

/// <summary>Status reporting, limits, tolerances, backends and the DIMACS measures.</summary>
public class SolverBehaviourTests(ITestOutputHelper output)
{
    private SdpSettings Logged => SdpSettings.Default with { Log = output.WriteLine };

    /// <summary>
    /// A hand-computed point of max ⟨diag(1,2), X⟩ s.t. tr X = 1 (2×2): X = diag(1, −½), y = 3, Z = diag(2, ½).
    /// ‖b‖₁ = 1, ‖C‖₁ = 3; A(X) = ½, λmin(X) = −½, Σ yA − C − Z = diag(0, ½), ⟨C,X⟩ = 0, bᵀy = 3, ⟨X,Z⟩ = 7/4.
    /// </summary>
    [Fact]
    public void Dimacs_AtKnownRealPoint()
    {
        var p = new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new(0, 0, 0, 1), new(0, 1, 1, 2)]),
            [new SdpMatrix([new(0, 0, 0, 1), new(0, 1, 1, 1)])], [1.0]);
        var x = new SdpBlockValue(SdpBlock.Psd(2), [1, 0, 0, -0.5]);
        var z = new SdpBlockValue(SdpBlock.Psd(2), [2, 0, 0, 0.5]);
        var e = DimacsErrors.Evaluate(p, [x], [3.0], [z]);
        double[] expected = [0.5 / 2, 0.5 / 2, 0.5 / 4, 0, -3.0 / 4, 1.75 / 4];
        for (var k = 0; k < 6; k++) Assert.Equal(expected[k], e[k], 14);
    }

    /// <summary>
    /// Hermitian 2×2: C = [[0, i], [−i, 0]] (‖C‖₁ = 2), tr X = 1. X = ½[[1, i], [−i, 1]] − 0.2 I has eigenvalues −0.2, 0.8;
    /// y = 1, Z = I − C + 0.1 I. Then A(X) = 0.6, ⟨C, X⟩ = 1 = bᵀy, R_d = −0.1 I (‖·‖_F = 0.1√2),
    /// ⟨X, Z⟩ = Re tr(XZ) = 0.1 − 0.2·2.2 = −0.34.
    /// </summary>
    [Fact]
    public void Dimacs_AtKnownHermitianPoint()
    {
        var p = new SdpProblem([SdpBlock.Hermitian(2)], new SdpMatrix([new(0, 0, 1, 0, 1)]),
            [new SdpMatrix([new(0, 0, 0, 1), new(0, 1, 1, 1)])], [1.0]);
        var x = new SdpBlockValue(SdpBlock.Hermitian(2), [0.3, 0, 0, 0.3], [0, 0.5, -0.5, 0]);
        var z = new SdpBlockValue(SdpBlock.Hermitian(2), [1.1, 0, 0, 1.1], [0, -1, 1, 0]);
        var e = DimacsErrors.Evaluate(p, [x], [1.0], [z]);
        double[] expected = [0.4 / 2, 0.2 / 2, 0.1 * Math.Sqrt(2) / 3, 0, 0, -0.34 / 3];
        for (var k = 0; k < 6; k++) Assert.Equal(expected[k], e[k], 12);
    }

    [KernelNativeFact]
    public void Backends_GiveTheSameAnswer()
    {
        var planted = PlantedProblem.Create(7, PlantedOptimumTests.Blocks("P10,H4,N3"), 25, 0.5);
        var managed = new InteriorPointSolver().Solve(planted.Problem, SdpSettings.Default with { Backend = LinearAlgebraBackend.Managed });
        var native = new InteriorPointSolver().Solve(planted.Problem, SdpSettings.Default with { Backend = LinearAlgebraBackend.Native });
        Assert.Equal(SdpStatus.Optimal, managed.Status);
        Assert.Equal(SdpStatus.Optimal, native.Status);
        Assert.Equal(managed.Iterations, native.Iterations);
        Assert.Equal(managed.DualObjective, native.DualObjective, 9);
        for (var i = 0; i < managed.Y.Length; i++) Assert.Equal(managed.Y[i], native.Y[i], 6);
        Assert.Equal(planted.Optimum, native.DualObjective, 7);
    }

    [Fact]
    public void TightTolerance_1e10_IsReached()
    {
        var s = new InteriorPointSolver().Solve(SolverKnownOptimaTests.LovaszThetaC5(), Logged with { Tolerance = 1e-10 });
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.All(s.Dimacs, e => Assert.True(Math.Abs(e) <= 1e-10, $"DIMACS {e}"));
        // Error 5 ≤ 1e-10 relative to 1 + |⟨C,X⟩| + |bᵀy| ≈ 5.5 bounds the objective error by ~6e-10.
        Assert.True(Math.Abs(s.DualObjective - Math.Sqrt(5)) <= 1e-9, $"bᵀy = {s.DualObjective:R}");
    }

    [Fact]
    public void IterationLimit_IsReported()
    {
        var s = new InteriorPointSolver().Solve(SolverKnownOptimaTests.LovaszThetaC5(), Logged with { MaxIterations = 2 });
        Assert.Equal(SdpStatus.IterationLimit, s.Status);
        Assert.Equal(2, s.Iterations);
        Assert.Contains("iteration limit", s.Message);
    }

    [Fact]
    public void Cancellation_IsReportedAsTimeLimit()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var s = new InteriorPointSolver().Solve(SolverKnownOptimaTests.LovaszThetaC5(), Logged, cts.Token);
        Assert.Equal(SdpStatus.TimeLimit, s.Status);
        Assert.Contains("cancelled", s.Message);
    }

    [Fact]
    public void NearOptimalTolerance_AppliesWhenTheLimitStopsShort()
    {
        // Loose NearOptimal band so an iteration-limited stop near the optimum reports NearOptimal.
        var s = new InteriorPointSolver().Solve(SolverKnownOptimaTests.LovaszThetaC5(), Logged with { MaxIterations = 6, NearOptimalTolerance = 1e-2 });
        Assert.Equal(SdpStatus.NearOptimal, s.Status);
        Assert.True(s.Dimacs.Max(Math.Abs) <= 1e-2);
    }

    /// <summary>No constraints: max ⟨C, X⟩ over X ⪰ 0 with C = −I is 0 at X = 0 (dual: Z = I, objective 0).</summary>
    [Fact]
    public void NoConstraints_IsSolved()
    {
        var p = new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new(0, 0, 0, -1), new(0, 1, 1, -1)]), [], []);
        var s = new InteriorPointSolver().Solve(p, Logged);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(0, s.PrimalObjective, 7);
    }

    [Fact]
    public void Solver_HasNameAndIsAvailable()
    {
        var solver = new InteriorPointSolver();
        Assert.Equal("builtin", solver.Name);
        Assert.True(solver.Availability.Available);
    }

    /// <summary>An empty constraint matrix with b_i = 0 is redundant: θ(C5) is unchanged.</summary>
    [Fact]
    public void EmptyConstraint_WithZeroRhs_IsHarmless()
    {
        var t = SolverKnownOptimaTests.LovaszThetaC5();
        var p = new SdpProblem(t.Blocks, t.C, [.. t.A, SdpMatrix.Zero], [.. t.B, 0.0]);
        var s = new InteriorPointSolver().Solve(p, Logged);
        Assert.Equal(SdpStatus.Optimal, s.Status);
        Assert.Equal(Math.Sqrt(5), s.DualObjective, 7);
    }

    /// <summary>⟨0, X⟩ = 1 is infeasible; y = −e_last certifies it (bᵀy = −1, Σ y_i A_i = 0 ⪰ 0).</summary>
    [Fact]
    public void EmptyConstraint_WithNonzeroRhs_IsPrimalInfeasible()
    {
        var t = SolverKnownOptimaTests.LovaszThetaC5();
        var p = new SdpProblem(t.Blocks, t.C, [.. t.A, SdpMatrix.Zero], [.. t.B, 1.0]);
        var s = new InteriorPointSolver().Solve(p, Logged);
        Assert.Equal(SdpStatus.PrimalInfeasible, s.Status);
        Assert.True(s.Y[^1] < 0);
        Assert.True(p.B.Zip(s.Y).Sum(v => v.First * v.Second) < 0);
    }
}
