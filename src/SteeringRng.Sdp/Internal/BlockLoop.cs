namespace SteeringRng.Sdp.Internal;

/// <summary>
/// A per-block step of the search directions (block products, maximal steps) over every block: in parallel when
/// there are several dense blocks with enough O(n³) work to pay for a parallel loop (the unreduced GHZ3 Q2: four
/// 112×112 blocks), else in order. Each step touches only its own block's arrays and calls single-threaded BLAS, so
/// the result is the same bit for bit either way.
/// </summary>
internal static class BlockLoop
{
    /// <summary>Σ n³ over the dense blocks from which a parallel loop pays (≈ 4 MFLOP of products, ≈ 0.1 ms at one core's dgemm rate).</summary>
    private const double ParallelWork = 1e6;

    public static void For(BlockLayout[] layout, Action<int> step)
    {
        var dense = 0;
        var work = 0.0;
        foreach (var l in layout)
        {
            if (l.IsDiagonal) continue;
            dense++;
            work += Math.Pow(l.Dim, 3);
        }
        if (dense > 1 && work >= ParallelWork) CoreShare.For(0, layout.Length, step);
        else for (var b = 0; b < layout.Length; b++) step(b);
    }
}
