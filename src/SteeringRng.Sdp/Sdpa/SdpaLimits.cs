namespace SteeringRng.Sdp.Sdpa;

/// <summary>
/// The largest problem the SDPA reader accepts. The header alone promises memory: the solver keeps about ten dense
/// copies of every block (X, Z, Z⁻¹, factors, directions) and an m×m Schur complement, so a few header digits
/// could ask for terabytes. The reader checks the header against these limits before it allocates anything sized
/// by it, and reports a violation as an <see cref="SdpaFormatException"/> at the offending number, at once.
/// <list type="bullet">
/// <item>m ≤ <see cref="MaxConstraints"/> (10⁶; the dense Schur complement alone would need 8 TB).</item>
/// <item>nblocks ≤ <see cref="MaxBlocks"/> (10⁶).</item>
/// <item>Stored entries implied by the block structure, Σ n_b² over dense blocks + Σ n_b over diagonal blocks,
/// at most <see cref="MaxMatrixEntries"/> (2²⁵ ≈ 3.4·10⁷, i.e. 256 MiB per copy of X; one dense block of up to 5792,
/// a diagonal block of up to 33 554 432). The sum is formed in 64-bit integers, so no size overflows.</item>
/// <item>Entries lie inside the declared blocks and matrices; every number is finite (checked per entry).</item>
/// </list>
/// </summary>
public static class SdpaLimits
{
    public const int MaxConstraints = 1_000_000;
    public const int MaxBlocks = 1_000_000;
    public const long MaxMatrixEntries = 1L << 25;
}
