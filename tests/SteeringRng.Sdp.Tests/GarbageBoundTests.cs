using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The solver's garbage bound: a full collection is due once the process has allocated max(16 MB, the heap that
/// survived the last collection besides M) since that collection (src/SteeringRng.Sdp/Internal/GarbageBound.cs).
/// </summary>
[Collection(GarbageCollectionCountCollection.Name)]
public class GarbageBoundTests
{
    private const long Mb = 1L << 20;

    [Theory]
    // Small problems: the 16 MB floor (a few small solves never collect).
    [InlineData(15, 0, false)]
    [InlineData(16, 0, true)]
    // I3322 level 4 (M = 161 MB, pinned, not counted; ≈ 10 MB of problem and iterates survive): the floor.
    [InlineData(15, 10, false)]
    [InlineData(16, 10, true)]
    // An engine's large heap: at most one collection per surviving heap allocated (the cost stays O(1) per byte).
    [InlineData(199, 200, false)]
    [InlineData(200, 200, true)]
    public void Due_at_the_larger_of_floor_and_surviving_heap(long allocatedMb, long survivingMb, bool due) =>
        Assert.Equal(due, GarbageBound.Due(allocatedMb * Mb, survivingMb * Mb));

    /// <summary>Below 32 MB of Schur storage no collection is forced: 160 MB of small garbage later (forced collections
    /// would run every 16 MB, 10 times), at most a runtime-triggered full collection or two has run.</summary>
    [Fact]
    public void Small_solves_never_force_a_collection() =>
        Assert.True(FullCollectionsWhileAllocating(new GarbageBound(GarbageBound.MinSchurBytes - 1)) < 3);

    [Fact]
    public void Large_solves_collect_every_floor_allocated()
    {
        // The bound is max(16 MB, the heap besides M). The test process's heap holds what earlier tests left, so M is
        // taken to be that heap plus 32 MB: the heap besides M is then nothing and the bound the 16 MB floor (10
        // collections in 160 MB), whatever ran before.
        var schurBytes = GC.GetTotalMemory(forceFullCollection: true) + GarbageBound.MinSchurBytes;
        Assert.True(FullCollectionsWhileAllocating(new GarbageBound(schurBytes)) >= 8);
    }

    /// <summary>Allocates 160 MB in 8 KB pieces (small-object garbage: the runtime collects it in gen0), checking the bound every MB.</summary>
    private static int FullCollectionsWhileAllocating(GarbageBound bound)
    {
        var before = GC.CollectionCount(GC.MaxGeneration);
        for (var mb = 0; mb < 160; mb++)
        {
            for (var k = 0; k < 128; k++) GC.KeepAlive(new byte[8192]);
            bound.Check();
        }
        return GC.CollectionCount(GC.MaxGeneration) - before;
    }
}
