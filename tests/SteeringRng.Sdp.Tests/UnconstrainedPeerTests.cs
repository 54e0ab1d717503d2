using SteeringRng.Peers;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Problems without constraints with the peers: answered without running them (CSDP cannot read mdim = 0), and the
/// file the writer makes for them instead (one trivial constraint on an added block) is read by every SDPA solver.
/// </summary>
public class UnconstrainedPeerTests
{
    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Peer_answers_a_problem_without_constraints_exactly(string solverName)
    {
        var s = PeerFixtures.RequireAvailable(solverName).Solve(UnconstrainedProblems.NegativeDefinite());
        Assert.True(s.Status == SdpStatus.Optimal, $"{s.Status}: {s.Message}");
        Assert.Equal(solverName, s.Solver);
        Assert.Equal(0, s.PrimalObjective);
        Assert.Equal(0, s.DualObjective);
        Assert.Equal(0, s.Iterations);
        Assert.All(s.Dimacs, e => Assert.Equal(0, e));
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Peer_reports_an_unbounded_problem_without_constraints_as_the_built_in_does(string solverName)
    {
        var problem = UnconstrainedProblems.Unbounded();
        var s = PeerFixtures.RequireAvailable(solverName).Solve(problem);
        var builtin = new InteriorPointSolver().Solve(problem);
        Assert.Equal(SdpStatus.DualInfeasible, s.Status);
        Assert.Equal(builtin.Status, s.Status);
        Assert.Equal(double.PositiveInfinity, s.DualObjective);
        Assert.True(InfeasibilityCertificate.Check(problem, s, 1e-12).Valid, s.Message);
    }

    [SkippableTheory]
    [InlineData("csdp")]
    [InlineData("dsdp")]
    public void Peer_solves_the_written_file_of_a_problem_without_constraints(string solverName)
    {
        var solver = PeerFixtures.RequireAvailable(solverName);
        // The padded problem as any reader of the file sees it: m = 1, so the peer really runs.
        var padded = SdpaReader.Read(new StringReader(SdpaWriter.ToText(UnconstrainedProblems.NegativeDefinite())));
        Assert.Equal(1, padded.ConstraintCount);
        var s = solver.Solve(padded);
        Assert.True(s.Status is SdpStatus.Optimal or SdpStatus.NearOptimal, $"{s.Status}: {s.Message}");
        Assert.True(s.Iterations > 0);
        Assert.Equal(0, s.PrimalObjective, 6);
        Assert.Equal(0, s.DualObjective, 6);
    }

    [SkippableFact]
    public void Sdpa_reads_the_written_file_of_a_problem_without_constraints()
    {
        var sdpa = ExecutableSearch.Find("sdpa");
        Skip.If(sdpa is null, "sdpa is not available ('sdpa' not on PATH; Debian/Ubuntu: apt-get install sdpa)");
        using var workspace = new PeerWorkspace("sdpa-test");
        var input = workspace.PathOf("problem.dat-s");
        SdpaWriter.WriteFile(UnconstrainedProblems.NegativeDefinite(), input);
        var run = PeerProcess.Run(sdpa, [input, workspace.PathOf("out.txt")], workspace.Folder, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(PeerRunOutcome.Exited, run.Outcome);
        var output = File.ReadAllText(workspace.PathOf("out.txt"));
        Assert.Contains("pdOPT", output);
    }
}
