using SteeringRng.Certification.Run;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Run;

/// <summary>
/// One run's relaxation SDPs are solved once (Run/ReusingSolver): an identical problem with the same settings gets the
/// earlier solution, marked as reused; any difference in a number, a setting or a clock-dependent outcome means a new solve.
/// </summary>
public sealed class ReusingSolverTests
{
    /// <summary>Counts its solves and returns a fixed solution with the given status.</summary>
    private sealed class CountingSolver(SdpStatus status = SdpStatus.Optimal) : ISdpSolver
    {
        public int Solves;
        public string Name => "counting";
        public (bool Available, string Reason) Availability => (true, "");

        public SdpSolution Solve(SdpProblem problem, SdpSettings? settings = null, CancellationToken cancellation = default)
        {
            Interlocked.Increment(ref Solves);
            return new SdpSolution
            {
                Status = status, PrimalObjective = 1, DualObjective = 1, Y = new double[problem.ConstraintCount],
                Dimacs = new double[6], Iterations = 7, Seconds = 0.5, Solver = Name,
            };
        }
    }

    /// <summary>max ⟨C, X⟩ over a 2×2 PSD block with tr X = 1 (C = diag(1, c22)).</summary>
    private static SdpProblem Problem(double c22) => new(
        [SdpBlock.Psd(2)],
        new SdpMatrix([new SdpEntry(0, 0, 0, 1.0), new SdpEntry(0, 1, 1, c22)]),
        [new SdpMatrix([new SdpEntry(0, 0, 0, 1.0), new SdpEntry(0, 1, 1, 1.0)])],
        [1.0]);

    [Fact]
    public void An_identical_problem_gets_the_earlier_solution_marked_reused()
    {
        var inner = new CountingSolver();
        var solver = new ReusingSolver(inner);
        var first = solver.SolveOnce(Problem(0.5), SdpSettings.Default, CancellationToken.None);
        var second = solver.SolveOnce(Problem(0.5), SdpSettings.Default, CancellationToken.None);
        Assert.Equal(1, inner.Solves);
        Assert.Equal(1, solver.Reused);
        Assert.Same(first.Y, second.Y);
        Assert.Equal(first.Iterations, second.Iterations);
        Assert.Equal("", first.Message);
        Assert.Equal(ReusingSolver.ReusedNote, second.Message);
    }

    [Fact]
    public void A_number_one_ulp_apart_or_other_settings_mean_a_new_solve()
    {
        var inner = new CountingSolver();
        var solver = new ReusingSolver(inner);
        solver.SolveOnce(Problem(0.5), SdpSettings.Default, CancellationToken.None);
        solver.SolveOnce(Problem(Math.BitIncrement(0.5)), SdpSettings.Default, CancellationToken.None);
        solver.SolveOnce(Problem(0.5), SdpSettings.Default with { Tolerance = 1e-9 }, CancellationToken.None);
        Assert.Equal(3, inner.Solves);
        Assert.Equal(0, solver.Reused);
    }

    [Fact]
    public void A_time_limit_is_not_kept_and_other_solves_pass_straight_through()
    {
        var timed = new CountingSolver(SdpStatus.TimeLimit);
        var reusing = new ReusingSolver(timed);
        reusing.SolveOnce(Problem(0.5), SdpSettings.Default, CancellationToken.None);
        reusing.SolveOnce(Problem(0.5), SdpSettings.Default, CancellationToken.None);
        Assert.Equal(2, timed.Solves);
        var inner = new CountingSolver();
        var direct = new ReusingSolver(inner);
        direct.Solve(Problem(0.5));
        direct.Solve(Problem(0.5));
        Assert.Equal(2, inner.Solves);
        // A plain solver is called directly by the relaxation jobs' helper.
        var plain = new CountingSolver();
        ReusingSolver.SolveOnce(plain, Problem(0.5), SdpSettings.Default, CancellationToken.None);
        ReusingSolver.SolveOnce(plain, Problem(0.5), SdpSettings.Default, CancellationToken.None);
        Assert.Equal(2, plain.Solves);
    }

    /// <summary>Through the engine: a file's second scenario that asks for the first one's SDPs solves none of them again.</summary>
    [Fact]
    public void A_second_scenario_with_the_same_relaxations_solves_none_again()
    {
        const string sweep = """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.7 .. 0.9 step 0.1
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            bounds ns
            """;
        var inner = new InteriorPointSolver();
        var solver = new ReusingSolver(inner);
        var first = Support.Scenarios.Plan(sweep).Execute(solver);
        Assert.Equal(0, solver.Reused);
        var second = Support.Scenarios.Plan(sweep).Execute(solver);
        Assert.Equal(3, solver.Reused);
        Assert.Equal(first.Rows.Select(r => r.Pguess), second.Rows.Select(r => r.Pguess));
        Assert.All(second.Rows, r => Assert.Contains(ReusingSolver.ReusedNote, r.Message));
    }
}
