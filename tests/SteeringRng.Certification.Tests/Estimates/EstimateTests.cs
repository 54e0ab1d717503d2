using System.Diagnostics;
using SteeringRng.Algebra;
using SteeringRng.Certification.Estimates;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Relaxation;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Estimates;

/// <summary>Size estimates before building: upper bounds on the built problems, refusal of oversized runs, cancellable builds.</summary>
[Collection(nameof(EstimateTests))]
public class EstimateTests
{
    internal static string Ghz(string bounds, string objective = "guess Bob.X") => $"""
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = [0.9]
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y Z
        objective o = {objective}
        bounds {bounds}
        """;

    // The estimate's variables are an upper bound on the full (unreduced) problem's, and its largest block is Γ^e's size.
    [Theory]
    [InlineData("npa 1", "guess Bob.X")]
    [InlineData("npa 2", "guess Bob.X, Charlie.X")]
    [InlineData("npa \"1+BB\"", "guess Bob.X")]
    [InlineData("ns", "guess Bob.X, Charlie.X")]
    public void The_estimate_bounds_the_built_problem(string bound, string objective)
    {
        var run = Scenarios.Plan(Ghz(bound, objective), RunSettings.Default with { Symmetry = false });
        var job = run.Jobs.Single();
        var estimate = job.Estimate!;
        var problem = job.ProblemAt(run.Points[0]).Problem!;
        Assert.True(problem.ConstraintCount <= estimate.Variables, $"{bound}: {problem.ConstraintCount} variables, estimate {estimate.Variables}");
        // Close, not wildly pessimistic: within a factor 4 of the truth for these small problems.
        Assert.True(estimate.Variables <= 4 * problem.ConstraintCount + 64, $"{bound}: {problem.ConstraintCount} variables, estimate {estimate.Variables}");
        // Exact for NPA levels; for product terms |S| is bounded by the sum of the terms' sizes (BB repeats B's words).
        Assert.True(problem.Blocks.Max(b => b.Size) <= estimate.Blocks[0].Size, $"{bound}: largest block {problem.Blocks.Max(b => b.Size)}, estimate {estimate.Blocks[0].Size}");
        if (!bound.Contains('+')) Assert.Equal(problem.Blocks.Max(b => b.Size), estimate.Blocks[0].Size);
    }

    // |S| of NPA level k counted from the generating function equals the built generating set.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Word_counts_match_the_generating_set(int level)
    {
        var parties = new SteeringRng.Algebra.Scenario([new Party("B", [2, 2, 2]), new Party("C", [3, 3]), new Party("D", [2])]);
        Assert.Equal(GeneratingSet.level(parties, level).Length, (int)WordCount.upTo(parties, level));
        var moments = MomentMatrix.Build(GeneratingSet.level(parties, level)).DistinctWords.Length;
        Assert.Equal(moments, (int)WordCount.momentWords(parties, WordCount.upTo(parties, level), level));
    }

    // Five untrusted qubits at npa 3: the probe that ran for minutes at 3.2 GB is refused before anything is built.
    [Fact]
    public void An_oversized_relaxation_is_refused_before_the_run_with_objective_bound_estimate_and_limit()
    {
        var run = Scenarios.Plan("""
            node A trusted dim 2
            node B, C, D, E, F untrusted dim 2
            state = ghz
            measure B, C, D, E, F: X Y Z
            objective joint = guess B.X, C.X
            bounds npa 3
            """, RunSettings.Default with { MemoryLimit = 8e9 });
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ScenarioInputException>(() => run.Execute(new InteriorPointSolver()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refusal took {clock.Elapsed}");
        Assert.Contains("objective 'joint', bound 'npa 3'", e.Message);
        Assert.Contains("over the memory limit of 8 GB (--memory-limit)", e.Message);
        Assert.Contains("Reduce the NPA level", e.Message);
        Assert.False(e.IsUsage);
    }

    // The build of a large level honours cancellation within about a second (it used to ignore Ctrl-C for minutes).
    // Full-rank data (the moment-matrix loops) and pure-state data (the facial reduction's null-space elimination).
    [Theory]
    [InlineData("mu * ghz + (1 - mu) * white")]
    [InlineData("ghz")]
    public void A_large_build_cancelled_after_200_ms_returns_within_one_and_a_half_seconds(string state)
    {
        var run = Scenarios.Plan($$"""
            node A trusted dim 2
            node B, C, D, E, F untrusted dim 2
            param mu = [0.9]
            state = {{state}}
            measure B, C, D, E, F: X Y Z
            objective joint = guess B.X, C.X
            bounds npa 3
            """);
        var data = run.Points[0].Assemblage;
        using var cancellation = new CancellationTokenSource();
        // A thread of its own cancels (timer callbacks wait for the thread pool, which parallel tests keep busy), and the
        // time is counted from the cancellation: Ctrl-C must stop the build within about a second whenever it comes.
        var cancelledAt = 0L;
        var canceller = new Thread(() =>
        {
            Thread.Sleep(200);
            Interlocked.Exchange(ref cancelledAt, Stopwatch.GetTimestamp());
            cancellation.Cancel();
        });
        canceller.Start();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Relaxations.QLevel(data, [0, 1], [0, 0], GeneratingSetSpec.NewLevel(3), false, cancellation.Token));
        var after = Stopwatch.GetElapsedTime(Interlocked.Read(ref cancelledAt));
        canceller.Join();
        Assert.True(after < TimeSpan.FromSeconds(1.5), $"the cancelled build returned {after} after the cancellation");
    }

    // A large build is announced on the progress display before it starts (once per job).
    [Fact]
    public void A_large_build_is_announced_once()
    {
        var run = Scenarios.Plan(Ghz("npa 2", "guess Bob.X, Charlie.X"));
        var job = run.Jobs.Single();
        var progress = new Recorder();
        var runner = new SweepRunner(new InteriorPointSolver(), SdpSettings.Default);
        // Fake a large estimate: the announcement depends only on the estimate, not on the real size.
        job.Estimate = job.Estimate! with { Variables = 1e6 };
        runner.RunPoint(run.Points[0], run.Jobs, CancellationToken.None, progress);
        runner.RunPoint(run.Points[0], run.Jobs, CancellationToken.None, progress);
        Assert.Equal(["o / npa 2"], progress.Lines);
    }

    private sealed class Recorder : IBuildProgress
    {
        public List<string> Lines { get; } = [];
        public void Building(string objective, string bound, RelaxationEstimate estimate) => Lines.Add($"{objective} / {bound}");
    }
}

/// <summary>The build-time tests measure wall-clock time: they do not share the two cores with other test classes.</summary>
[CollectionDefinition(nameof(EstimateTests), DisableParallelization = true)]
public sealed class EstimateTestsCollection;
