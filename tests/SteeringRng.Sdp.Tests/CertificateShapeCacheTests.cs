using SteeringRng.Sdp.Certificates;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The per-sweep caches of the certificate are keyed on the problem's shape (A, b, blocks): a sweep that swaps C shares
/// one key even through the Hermitian embedding (which builds new A lists), and anything else that differs gets its own.
/// </summary>
public class CertificateShapeCacheTests
{
    private static readonly SdpMatrix[] A =
    [
        new([new SdpEntry(0, 0, 0, 1), new SdpEntry(0, 1, 1, 1)]),          // Tr X = 1
        new([new SdpEntry(0, 0, 1, 0.5, 0.25)]),                              // a Hermitian off-diagonal entry
    ];

    private static SdpProblem Problem(double c01, double[] b) =>
        new([SdpBlock.Hermitian(2)], new SdpMatrix([new SdpEntry(0, 0, 1, c01, 0.5)]), A, b);

    [Fact]
    public void SwappingC_SharesTheKey_AndTheEmbeddedA()
    {
        var first = new RealProblem(Problem(0.25, [1, 0]));
        var second = new RealProblem(Problem(-0.75, [1, 0]));
        Assert.Same(first.CacheKey, second.CacheKey);
        Assert.Same(first.Source.A, second.Source.A);
        // C is the point's own: the objectives differ.
        Assert.NotEqual(first.Objective, second.Objective);
    }

    [Fact]
    public void AnotherB_OrOtherBlocks_GetAnotherKey()
    {
        var first = new RealProblem(Problem(0.25, [1, 0]));
        var otherB = new RealProblem(Problem(0.25, [1, 0.125]));
        Assert.NotSame(first.CacheKey, otherB.CacheKey);
        var otherBlocks = new RealProblem(new SdpProblem([SdpBlock.Hermitian(3)], new SdpMatrix([]), A, [1, 0]));
        Assert.NotSame(otherB.CacheKey, otherBlocks.CacheKey);
        Assert.NotEqual(first.PositionCount, otherBlocks.PositionCount);
    }

    [Fact]
    public void ParallelPoints_GetOnePlan()
    {
        var plans = new PivotPlan?[16];
        Parallel.For(0, plans.Length, i => plans[i] = PivotPlan.For(new RealProblem(Problem(i / 16.0, [1, 0])), out _));
        Assert.NotNull(plans[0]);
        Assert.All(plans, p => Assert.Same(plans[0], p));
    }
}
