using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The solver's garbage bound: a full collection is due once the process has allocated max(16 MB, the heap that
/// survived the last collection besides M) since that collection (src/SteeringRng.Sdp/Internal/GarbageBound.cs).
/// </summary>
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
}
