using SteeringRng.Sdp;

namespace SteeringRng.Peers;

/// <summary>
/// Hands DSDP all nonnegative (LP) blocks as one block, placed last. DSDP 5.8 keeps a single LP cone and its -save file
/// writes that cone's values under the last block number: with an LP block elsewhere the file does not fit the problem
/// (an entry outside the last block), and with several LP blocks the values of all but one are missing, so Z and X
/// lose them (seen on a problem with LP blocks 1 and 3: only block 3 was written). Merging changes nothing else:
/// x ≥ 0 entrywise is the same cone whether its entries sit in one block or several, so C, A_i and b keep their
/// values; only the positions move (LP block b's entry j becomes entry offset_b + j of the merged block).
/// </summary>
public static class LpBlockMerge
{
    public static PeerLayout For(SdpProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var blocks = problem.Blocks;
        var lp = Enumerable.Range(0, blocks.Count).Where(b => blocks[b].Kind == SdpConeKind.Nonnegative).ToArray();
        if (lp.Length == 0 || (lp.Length == 1 && lp[0] == blocks.Count - 1)) return PeerLayout.AsIs(problem);

        // New index of each block: the others keep their order; every LP block goes to the merged last one.
        var others = Enumerable.Range(0, blocks.Count).Where(b => blocks[b].Kind != SdpConeKind.Nonnegative).ToArray();
        var target = new int[blocks.Count];
        var offset = new int[blocks.Count];
        for (var k = 0; k < others.Length; k++) target[others[k]] = k;
        var size = 0;
        foreach (var b in lp)
        {
            target[b] = others.Length;
            offset[b] = size;
            size += blocks[b].Size;
        }
        SdpMatrix Move(SdpMatrix m) => new(m.Entries.Select(e =>
            e with { Block = target[e.Block], Row = e.Row + offset[e.Block], Col = e.Col + offset[e.Block] }).ToArray());
        var merged = new SdpProblem([.. others.Select(b => blocks[b]), SdpBlock.Nonnegative(size)],
            Move(problem.C), problem.A.Select(Move).ToArray(), problem.B);

        SdpBlockValue[] Back(SdpBlockValue[] values) => Enumerable.Range(0, blocks.Count).Select(b =>
            blocks[b].Kind == SdpConeKind.Nonnegative
                ? new SdpBlockValue(blocks[b], values[target[b]].Re.AsSpan(offset[b], blocks[b].Size).ToArray())
                : values[target[b]]).ToArray();
        return new PeerLayout(merged, point => new PeerPoint(point.Y, Back(point.Z), Back(point.X)));
    }
}
