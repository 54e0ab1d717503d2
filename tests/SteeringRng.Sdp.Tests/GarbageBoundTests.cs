using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The solver's garbage bound: a full collection is due once the process has allocated max(32 MB, M/4, the heap that
/// survived the last collection besides M) since that collection (src/SteeringRng.Sdp/Internal/GarbageBound.cs).
/// </summary>
public class GarbageBoundTests
{
    private const long Mb = 1L << 20;

    [Theory]
    // Small problems: the 32 MB floor (a few small solves never collect).
    [InlineData(31, 8, 0, false)]
    [InlineData(32, 8, 0, true)]
    // I3322 level 4: M = 161 MB, so a quarter of it (40 MB) of garbage at most.
    [InlineData(39, 161, 10, false)]
    [InlineData(41, 161, 10, true)]
    // An engine's large heap: at most one collection per surviving heap allocated (the cost stays O(1) per byte).
    [InlineData(199, 8, 200, false)]
    [InlineData(200, 8, 200, true)]
    public void Due_at_the_largest_of_floor_quarter_of_M_and_surviving_heap(long allocatedMb, long schurMb, long survivingMb, bool due) =>
        Assert.Equal(due, GarbageBound.Due(allocatedMb * Mb, schurMb * Mb, survivingMb * Mb));
}
