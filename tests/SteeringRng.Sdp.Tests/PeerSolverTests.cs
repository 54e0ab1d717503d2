using SteeringRng.Peers;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

public class PeerSolverTests
{
    [SkippableTheory]
    [MemberData(nameof(PeerFixtures.KnownOptima), MemberType = typeof(PeerFixtures))]
    public void Peers_reach_the_known_optimum(string solverName, string file, double optimum)
    {
        var solver = PeerFixtures.RequireAvailable(solverName);
        var s = solver.Solve(PeerFixtures.Load(file));
        Assert.True(s.Status is SdpStatus.Optimal or SdpStatus.NearOptimal, $"{s.Status}: {s.Message}");
        Assert.Equal(solverName, s.Solver);
        Assert.Equal(optimum, s.PrimalObjective, 1e-6);
        Assert.Equal(optimum, s.DualObjective, 1e-6);
        Assert.True(DimacsErrors.Worst(s.Dimacs) <= 1e-6, string.Join(", ", s.Dimacs));
        Assert.True(s.Iterations > 0);
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Theta_dual_variable_is_the_optimum_in_our_sign_convention(string solverName)
    {
        // theta(C5): b = e1, so bᵀy = y1 = √5 in (D) min bᵀy; a sign slip would give −√5.
        var s = PeerFixtures.RequireAvailable(solverName).Solve(PeerFixtures.Load("theta-c5.dat-s"));
        Assert.Equal(Math.Sqrt(5), s.Y[0], 1e-6);
        Assert.Equal([SdpBlock.Psd(5)], s.X.Select(b => b.Shape));
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Primal_infeasible_fixture_gives_a_valid_certificate(string solverName)
    {
        var problem = PeerFixtures.Load("primal-infeasible.dat-s");
        var s = PeerFixtures.RequireAvailable(solverName).Solve(problem);
        Assert.Equal(SdpStatus.PrimalInfeasible, s.Status);
        Assert.Equal(double.NegativeInfinity, s.PrimalObjective);
        // bᵀy < 0 and Σ y_i A_i ⪰ 0 (normalised to bᵀy = −1).
        Assert.Equal(-1, problem.B.Select((b, i) => b * s.Y[i]).Sum(), 1e-9);
        var aty = BlockAlgebra.Zeros(problem.Blocks);
        for (var i = 0; i < s.Y.Length; i++) BlockAlgebra.AddSparse(aty, problem.A[i], s.Y[i]);
        Assert.True(BlockAlgebra.MinEigenvalue(aty) >= -1e-6, s.Message);
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Dual_infeasible_fixture_gives_a_valid_certificate(string solverName)
    {
        var problem = PeerFixtures.Load("dual-infeasible.dat-s");
        var s = PeerFixtures.RequireAvailable(solverName).Solve(problem);
        Assert.Equal(SdpStatus.DualInfeasible, s.Status);
        Assert.Equal(double.PositiveInfinity, s.DualObjective);
        // ⟨C, X⟩ = 1, ⟨A_1, X⟩ ≈ 0, X ⪰ 0.
        Assert.Equal(1, BlockAlgebra.Inner(problem.C, s.X), 1e-9);
        Assert.True(Math.Abs(BlockAlgebra.Inner(problem.A[0], s.X)) <= 1e-6, s.Message);
        Assert.True(BlockAlgebra.MinEigenvalue(s.X) >= -1e-6, s.Message);
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Hermitian_block_keeps_its_optimum_through_the_real_embedding(string solverName)
    {
        // max ⟨H, X⟩ + ½ x  s.t.  tr X + x = 1, X ⪰ 0 Hermitian 2×2, x ≥ 0, with H = [[1, 1 − i], [1 + i, 0]]:
        // the optimum is max(λmax(H), ½) = 2 (eigenvalues of H: 2 and −1), attained by the top eigenvector of H.
        var problem = new SdpProblem([SdpBlock.Hermitian(2), SdpBlock.Nonnegative(1)],
            new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 0, 1, 1, -1), new SdpEntry(1, 0, 0, 0.5)]),
            [new SdpMatrix([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 1), new SdpEntry(1, 0, 0, 1)])], [1]);
        var s = PeerFixtures.RequireAvailable(solverName).Solve(problem);
        Assert.True(s.Status is SdpStatus.Optimal or SdpStatus.NearOptimal, $"{s.Status}: {s.Message}");
        Assert.Equal(2, s.PrimalObjective, 1e-6);
        Assert.Equal(2, s.DualObjective, 1e-6);
        // X and Z come back as Hermitian blocks; the DIMACS errors computed on them are small only if the
        // embedding's scale factors (X = unembed X̃, Z = 2 unembed Z̃) are right.
        Assert.Equal(SdpBlock.Hermitian(2), s.X[0].Shape);
        Assert.NotNull(s.Z[0].Im);
        Assert.True(DimacsErrors.Worst(s.Dimacs) <= 1e-6, string.Join(", ", s.Dimacs));
        // Z = y I − H on the Hermitian block: y = 2 gives Z = [[1, −1 + i], [−1 − i, 2]].
        Assert.Equal(1, s.Z[0].Re[0], 1e-6);
        Assert.Equal(-1, s.Z[0].Re[1], 1e-6);
        Assert.Equal(1, s.Z[0].Im![1], 1e-6);
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Cancellation_before_the_start_runs_nothing(string solverName)
    {
        var solver = PeerFixtures.RequireAvailable(solverName);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var s = solver.Solve(PeerFixtures.Load("theta-c5.dat-s"), cancellation: cancelled.Token);
        Assert.Equal(SdpStatus.TimeLimit, s.Status);
        Assert.Contains("cancelled", s.Message);
    }

    [SkippableFact]
    public void Time_limit_stops_a_long_run()
    {
        // A peer that never finishes on its own (`sleep 600`), so the outcome does not depend on machine speed:
        // a real solver on a "long" problem can finish inside any fixed limit on a fast or idle machine.
        var solver = new SleepingPeer();
        Assert.True(solver.Availability.Available, solver.Availability.Reason);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var s = solver.Solve(PeerFixtures.Load("theta-c5.dat-s"), SdpSettings.Default with { TimeLimit = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(SdpStatus.TimeLimit, s.Status);
        Assert.Contains("time limit", s.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the process was not stopped: {clock.Elapsed}");
    }

    [Fact]
    public void A_missing_binary_is_reported_unavailable_with_the_reason()
    {
        var solver = new MissingPeer();
        Assert.False(solver.Availability.Available);
        Assert.Contains("'no-such-sdp-solver-binary' was not found on PATH", solver.Availability.Reason);
        var s = solver.Solve(PeerFixtures.Load("theta-c5.dat-s"));
        Assert.Equal(SdpStatus.NumericalFailure, s.Status);
        Assert.Contains("not found on PATH", s.Message);
    }

    [Fact]
    public void Workspace_is_a_fresh_folder_deleted_on_dispose()
    {
        string folder;
        using (var a = new PeerWorkspace("test"))
        using (var b = new PeerWorkspace("test"))
        {
            folder = a.Folder;
            Assert.NotEqual(a.Folder, b.Folder);
            File.WriteAllText(a.PathOf("x.txt"), "x");
        }
        Assert.False(Directory.Exists(folder));
    }

    private sealed class SleepingPeer() : SdpaPeerSolver("sleeping", "sleep", "coreutils")
    {
        protected override IReadOnlyList<string> PrepareRun(PeerWorkspace workspace, SdpSettings settings) => ["600"];
        protected override PeerVerdict Interpret(int exitCode, string stdout) => new(PeerClaim.Failed, "", 0);
    }

    private sealed class MissingPeer() : SdpaPeerSolver("missing", "no-such-sdp-solver-binary", "a test double")
    {
        protected override IReadOnlyList<string> PrepareRun(PeerWorkspace workspace, SdpSettings settings) => [];
        protected override PeerVerdict Interpret(int exitCode, string stdout) => new(PeerClaim.Failed, "", 0);
    }
}
