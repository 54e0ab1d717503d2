using SteeringRng.Sdp.Internal;

namespace SteeringRng.Sdp.Kkt;

/// <summary>
/// The block-arrow shape of the Schur complement. M_ij = Σ_s ⟨A_i^s, X_s A_j^s Z_s⁻¹⟩ is zero unless A_i and A_j share a
/// block s, so grouping the constraints that touch only block s into G_s, and the rest (several blocks, or none)
/// into the border B, gives
/// <code>
///   M = [ D_1        E_1 ]        D_s = M[G_s, G_s],  E_s = M[G_s, B],  F = M[B, B],
///       [     ⋱      ⋮   ]
///       [       D_k  E_k ]
///       [ E_1ᵀ … E_kᵀ  F ]
/// </code>
/// Relaxations with one moment matrix per guess of Eve have this shape: each guess's own words touch only its matrix,
/// and only the data words (shared with the last guess) form the border. The arrow factorisation
/// (<see cref="BlockArrowFactor"/>) costs Σ n_s³/3 + |B| Σ n_s² + |B|² Σ n_s + |B|³/3 flops against m³/3 dense.
/// </summary>
internal sealed class BlockArrowPlan
{
    private BlockArrowPlan(int[][] groups, int[] border)
    {
        Groups = groups;
        Border = border;
    }

    /// <summary>Positions (Schur order) of the constraints that touch only one block, one array per such block.</summary>
    public int[][] Groups { get; }

    /// <summary>Positions of the constraints that touch several blocks or none.</summary>
    public int[] Border { get; }

    /// <summary>
    /// Doubles of the arrow's storage (<see cref="BlockArrowFactor"/>): D_s, E_s, W_s per group, F and S, each padded
    /// to a 64-byte boundary, plus the alignment padding of the buffer:
    /// Σ_s n_s² + 2|B| Σ_s n_s + 2|B|² (+ ≤ 7 per piece).
    /// </summary>
    public long StorageLength => StorageFor(Groups.Select(g => g.Length), Border.Length);

    private static long StorageFor(IEnumerable<int> groupSizes, int nb) =>
        groupSizes.Sum(n => Padded((long)n * n) + 2 * Padded((long)nb * n)) + 2 * Padded((long)nb * nb) + 7;

    /// <summary>A piece's length rounded up to whole 64-byte lines (8 doubles), so the next piece starts aligned.</summary>
    internal static long Padded(long length) => (length + 7) / 8 * 8;

    /// <summary>Flops of one arrow factorisation: Σ n_s³/3 (D_s) + |B| Σ n_s² (W_s) + |B|² Σ n_s (S) + |B|³/3 (L_B).</summary>
    public double FactorFlops => FactorFlopsFor(Groups.Select(g => g.Length), Border.Length);

    /// <summary>Flops of one solve with the factors: 2 Σ n_s² (L_s, L_sᵀ) + 4 |B| Σ n_s (W_s, W_sᵀ) + 2 |B|² (L_B, L_Bᵀ).</summary>
    public double SolveFlops => Groups.Sum(g => 2.0 * g.Length * g.Length + 4.0 * Border.Length * g.Length) + 2.0 * Border.Length * Border.Length;

    /// <summary>Bytes read by one pass of the solve: each L_s and L_B triangle twice (n_s², |B|² doubles), each W_s twice (2|B| n_s).</summary>
    public double SolveBytes => 8 * (Groups.Sum(g => (double)g.Length * g.Length + 2.0 * Border.Length * g.Length) + (double)Border.Length * Border.Length);

    private static double FactorFlopsFor(IEnumerable<int> sizes, double nb) =>
        sizes.Sum(n => Math.Pow(n, 3) / 3 + nb * n * (double)n + nb * nb * n) + Math.Pow(nb, 3) / 3;

    /// <summary>The arrow is used only when it saves at least this fraction of the dense factorisation's flops.</summary>
    private const double RequiredSaving = 0.5;

    /// <summary>The plan for a problem in the given position order, or null when the dense factorisation is as cheap.</summary>
    public static BlockArrowPlan? For(InternalProblem p, int[] order)
    {
        var m = order.Length;
        if (m < 64) return null;
        var byBlock = new Dictionary<int, List<int>>();
        var border = new List<int>();
        for (var pos = 0; pos < m; pos++)
        {
            var blocks = p.A[order[pos]].Parts.Select(part => part.Block).Distinct().ToArray();
            if (blocks.Length != 1) { border.Add(pos); continue; }
            if (!byBlock.TryGetValue(blocks[0], out var list)) byBlock[blocks[0]] = list = [];
            list.Add(pos);
        }
        if (byBlock.Count < 2) return null;
        var groups = byBlock.OrderBy(kv => kv.Key).Select(kv => kv.Value.ToArray()).ToArray();
        var dense = Math.Pow(m, 3) / 3;
        var arrow = FactorFlopsFor(groups.Select(g => g.Length), border.Count);
        // Also no more storage than the dense M (m² doubles), so 8·m² bytes bounds the Schur storage on either path
        // (the memory estimate before a build relies on it: docs/peers.md "Memory of the built-in solver").
        var storage = StorageFor(groups.Select(g => g.Length), border.Count);
        return arrow <= (1 - RequiredSaving) * dense && storage <= (long)m * m ? new BlockArrowPlan(groups, border.ToArray()) : null;
    }
}
