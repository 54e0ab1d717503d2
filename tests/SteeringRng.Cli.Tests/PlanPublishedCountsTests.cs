using SteeringRng.Certification.FiniteSize;
using SteeringRng.Certification.Protocol;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// `steer plan` computes m as `steer finite` does: the published counts' ⌈E log2(n + 1)⌉ bits come off k before
/// m = ⌊k − 2 log2(1/ε_ext)⌋ (finite-size.md, "Not yet exact / not done"; finite-protocol.md §4). The cost is recomputed
/// here in floating point from E and n, independently of PublishedCounts' exact integer method.
/// </summary>
public sealed class PlanPublishedCountsTests : IDisposable
{
    private readonly FiniteRunFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static long Cost(int events, double rounds) => (long)Math.Ceiling(events * Math.Log2(Math.Ceiling(rounds) + 1));

    [Fact]
    public void The_plan_subtracts_the_published_counts_and_its_n_is_the_smallest_that_still_gives_m()
    {
        const long bits = 1_000_000;
        var protocol = BoundProtocol.Bind(ProtocolFile.Load(_f.Folder.Write("p.protocol", FiniteRunFixture.Protocol(90_000_000, 0.2, 0.002))));
        var plan = ProtocolPlan.Make(protocol, bits, null, CancellationToken.None);
        var program = new SteeringGuessingProgram(protocol.Run.Model, protocol.Guess, protocol.Spec, null);
        var parameters = FiniteSizeRunAnalysis.Parameters(protocol, program.Statistics.Count);
        var events = protocol.Layout.Rows;
        long LibraryBits(double n, AffineGuessingBound dual) => RatePlanner.PointAt(program, dual, parameters.WithRounds(n), protocol.ExpectedProbabilities).OutputBits;

        var rounds = Assert.IsType<RoundsPlan>(plan.ForOutput);
        Assert.Equal(bits, rounds.RequestedBits);
        Assert.True(Cost(events, rounds.Rounds) > 1000, "the published counts cost thousands of bits here");
        // Enough at n, with the run's cost at n; not enough 1 % below it.
        Assert.True(LibraryBits(rounds.Rounds, rounds.Dual) - Cost(events, rounds.Rounds) >= bits);
        Assert.True(LibraryBits(Math.Floor(0.99 * rounds.Rounds), rounds.Dual) - Cost(events, Math.Floor(0.99 * rounds.Rounds)) < bits);
        Assert.Equal(LibraryBits(rounds.Rounds, rounds.Dual) - Cost(events, rounds.Rounds), rounds.Point.OutputBits);
        // The declared point and every curve point: the library's m less the cost at its n (the same dual).
        Assert.Equal(Math.Max(0, LibraryBits(90_000_000, rounds.Dual) - Cost(events, 90_000_000)), plan.AtDeclared.OutputBits);
        Assert.True(plan.AtDeclared.OutputBits > 0);
        foreach (var p in plan.Curve)
            Assert.Equal(Math.Max(0, LibraryBits(p.Rounds, rounds.Dual) - Cost(events, p.Rounds)), p.OutputBits);
    }
}
