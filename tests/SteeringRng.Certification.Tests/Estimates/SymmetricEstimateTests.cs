using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;

namespace SteeringRng.Certification.Tests.Estimates;

/// <summary>The memory estimate with the data's symmetry: still an upper bound on what is built, and it lets a run that
/// fits only after the reduction go ahead without --force.</summary>
public class SymmetricEstimateTests
{
    private static string Ghz(string objective) => EstimateTests.Ghz("npa 2", objective);

    private static RelaxationEstimate? Reduced(ScenarioRun run) =>
        SymmetricEstimate.Of(run.Model, "o", "npa 2", run.Points[0].Assemblage, _ => true);

    // The reduced build has fewer blocks and variables than the full estimate, and never more than the reduced estimate.
    [Theory]
    [InlineData("guess Bob.X, Charlie.X")]
    [InlineData("guess Bob.X")]
    public void The_reduced_estimate_bounds_the_reduced_problem_and_is_below_the_full_one(string objective)
    {
        var run = Scenarios.Plan(Ghz(objective));
        var full = run.Jobs.Single().Estimate!;
        var reduced = Reduced(run)!;
        var problem = run.Jobs.Single().ProblemAt(run.Points[0]).Problem!;
        var m = (double)problem.ConstraintCount;
        Assert.True(m <= reduced.Variables, $"{m} variables built, reduced estimate {reduced.Variables}");
        Assert.True(reduced.Variables < full.Variables, $"reduced {reduced.Variables}, full {full.Variables}");
        Assert.True(8 * m * m <= reduced.SolverBytes, $"Schur complement {8 * m * m} B, estimate {reduced.SolverBytes} B");
        Assert.True(problem.Blocks.Max(b => b.Size) <= reduced.Blocks[0].Size);
        Assert.True(problem.Blocks.Sum(b => (double)b.Size * b.Size) <= reduced.Blocks.Sum(b => b.Count * b.Size * b.Size));
    }

    // A limit between the reduced and the full estimate: refused without symmetry, accepted with it (the job's estimate is
    // then the reduced one, which the progress line shows).
    [Fact]
    public void A_run_that_fits_only_after_the_reduction_is_not_refused()
    {
        var probe = Scenarios.Plan(Ghz("guess Bob.X, Charlie.X"));
        var full = MemoryBudget.Needed(probe.Jobs.Single().Estimate!, 1);
        var reduced = MemoryBudget.Needed(Reduced(probe)!, 1);
        Assert.True(reduced < full);
        var limit = Math.Sqrt(reduced * full);
        var run = Scenarios.Plan(Ghz("guess Bob.X, Charlie.X"), RunSettings.Default with { MemoryLimit = limit });
        Assert.Null(run.MemoryRefusal());
        Assert.Contains("symmetry-reduced", run.Jobs.Single().Estimate!.What);
        var plain = Scenarios.Plan(Ghz("guess Bob.X, Charlie.X"), RunSettings.Default with { MemoryLimit = limit, Symmetry = false });
        Assert.Contains("over the memory limit", plain.MemoryRefusal());
    }
}
