namespace SteeringRng.Sdp.Internal;

/// <summary>
/// Keeps the iterations' garbage from piling up. Every iteration allocates temporaries: vectors of length m and, per
/// block, n×n matrices (directions, products, factor copies), which at n ≥ 128 live on the large-object heap and go
/// only with a full (gen2) collection. The runtime sizes its budgets from the L3 cache (a VM reporting a 260 MB L3
/// gets budgets of hundreds of MB), so on I3322 level 4 (m = 4491, M = 161 MB, n = 244) the process peaked at
/// 795 MB, 4.3× CSDP's 183 MB, mostly dead temporaries. Here a blocking full collection runs once the process has
/// allocated more than max(16 MB, the heap besides M that survived the last one) since the last one: the garbage
/// stays below that bound, and since each collection costs about the surviving heap, the collections cost O(1) per
/// allocated byte (a large engine heap is not walked every iteration). M itself (pinned, no references) costs a
/// collection nothing, so the bound does not grow with it: an earlier bound of M/4 let 40 MB of garbage and the GC's
/// committed regions for it accumulate on I3322 level 4. The solver checks at every search direction (2 to 6 per
/// iteration), so the garbage of one iteration (≈ 54 block-sized temporaries, 26 MB at n = 244) is not all live at once.
/// Only solves whose M takes at least <see cref="MinSchurBytes"/> collect: below it the garbage is a few MB per
/// iteration and the runtime's own collections keep it small, while the forced ones (blocking, aggressive: every
/// thread stops, the array pools are trimmed, freed memory is returned and faulted back in) cost a quarter of the
/// CPU time of the Fig. 2 sweep, where two small solves share the process.
/// </summary>
internal sealed class GarbageBound
{
    private const long Floor = 16L << 20;

    /// <summary>Smallest Schur storage whose solve forces collections: 32 MB (a dense M of order 2048).</summary>
    internal const long MinSchurBytes = 32L << 20;
    private readonly long _schurBytes;
    private long _mark;
    private long _surviving;

    public GarbageBound(long schurBytes)
    {
        _schurBytes = schurBytes;
        _mark = GC.GetTotalAllocatedBytes(precise: false);
        _surviving = Math.Max(0, GC.GetTotalMemory(forceFullCollection: false) - schurBytes);
    }

    /// <summary>Whether <paramref name="allocated"/> bytes since the last collection exceed max(16 MB, the surviving heap besides M).</summary>
    internal static bool Due(long allocated, long survivingBesidesSchur) =>
        allocated >= Math.Max(Floor, survivingBesidesSchur);

    /// <summary>Collects when the allocations since the last collection exceed the bound (cheap when not due).</summary>
    public void Check()
    {
        if (_schurBytes < MinSchurBytes) return;
        if (!Due(GC.GetTotalAllocatedBytes(precise: false) - _mark, _surviving)) return;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _mark = GC.GetTotalAllocatedBytes(precise: false);
        // M itself survives every collection; it is not garbage to amortise against.
        _surviving = Math.Max(0, GC.GetTotalMemory(forceFullCollection: false) - _schurBytes);
    }
}
