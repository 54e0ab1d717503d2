namespace SteeringRng.Sdp;

/// <summary>
/// Checks an <see cref="SdpProblem"/> once, at construction, so the solver (and every peer) can trust its data.
/// Every message names the matrix ("C" or "A[i]"), the entry index and the offending field.
/// </summary>
internal static class ProblemValidation
{
    public static void Check(IReadOnlyList<SdpBlock> blocks, SdpMatrix c, IReadOnlyList<SdpMatrix> a, double[] b)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (blocks.Count == 0) throw new ArgumentException("An SDP needs at least one block.");
        for (var k = 0; k < blocks.Count; k++)
        {
            if (blocks[k].Size < 1) throw new ArgumentException($"Block {k} has size {blocks[k].Size}; sizes must be positive.");
            if (!Enum.IsDefined(blocks[k].Kind)) throw new ArgumentException($"Block {k} has an unknown cone kind {(int)blocks[k].Kind}.");
        }
        if (a.Count != b.Length)
            throw new ArgumentException($"A has {a.Count} constraint matrices but b has {b.Length} entries; they must match.");
        for (var i = 0; i < b.Length; i++)
            if (!double.IsFinite(b[i])) throw new ArgumentException($"b[{i}] is {b[i]}; all numbers must be finite.");
        CheckMatrix(blocks, c, "C");
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] is null) throw new ArgumentException($"A[{i}] is null.");
            CheckMatrix(blocks, a[i], $"A[{i}]");
        }
    }

    /// <summary>Checks a replacement objective matrix for a problem whose blocks, A and b were checked already.</summary>
    public static void CheckObjective(IReadOnlyList<SdpBlock> blocks, SdpMatrix c)
    {
        ArgumentNullException.ThrowIfNull(c);
        CheckMatrix(blocks, c, "C");
    }

    private static void CheckMatrix(IReadOnlyList<SdpBlock> blocks, SdpMatrix m, string name)
    {
        var entries = m.Entries;
        // Positions packed into one 64-bit key (block, row, col) so duplicates show up as equal neighbours after a sort.
        var keys = entries.Count > 1 ? new long[entries.Count] : null;
        for (var k = 0; k < entries.Count; k++)
        {
            var e = entries[k];
            var where = $"{name} entry {k} (block {e.Block}, row {e.Row}, col {e.Col})";
            if (e.Block < 0 || e.Block >= blocks.Count)
                throw new ArgumentException($"{where}: block index {e.Block} is out of range 0..{blocks.Count - 1}.");
            var shape = blocks[e.Block];
            if (e.Row < 0 || e.Col < 0 || e.Row >= shape.Size || e.Col >= shape.Size)
                throw new ArgumentException($"{where}: position outside the {shape.Size}×{shape.Size} block.");
            if (e.Row > e.Col)
                throw new ArgumentException($"{where}: Row > Col; store the upper triangle only (Row ≤ Col).");
            if (!double.IsFinite(e.Value) || !double.IsFinite(e.Imag))
                throw new ArgumentException($"{where}: value {e.Value}{(e.Imag == 0 ? "" : $" + {e.Imag}i")} is not finite.");
            if (shape.Kind == SdpConeKind.Nonnegative && e.Row != e.Col)
                throw new ArgumentException($"{where}: off-diagonal entry in a Nonnegative (diagonal) block.");
            if (e.Imag != 0 && shape.Kind != SdpConeKind.HermitianPsd)
                throw new ArgumentException($"{where}: imaginary part {e.Imag} in a real ({shape.Kind}) block.");
            if (e.Imag != 0 && e.Row == e.Col)
                throw new ArgumentException($"{where}: imaginary part {e.Imag} on the diagonal of a Hermitian block.");
            if (keys is not null) keys[k] = ((long)e.Block << 42) | ((long)e.Row << 21) | (uint)e.Col;
        }
        if (keys is null) return;
        if (blocks.Any(s => s.Size >= 1 << 21))
        {
            // Positions do not fit the packed key: compare them as tuples.
            var seen = new HashSet<(int, int, int)>();
            foreach (var e in entries)
                if (!seen.Add((e.Block, e.Row, e.Col)))
                    throw new ArgumentException($"{name}: duplicate entry at block {e.Block}, row {e.Row}, col {e.Col}; each position may appear once.");
            return;
        }
        Array.Sort(keys);
        for (var k = 1; k < keys.Length; k++)
        {
            if (keys[k] != keys[k - 1]) continue;
            var (blk, row, col) = ((int)(keys[k] >> 42), (int)((keys[k] >> 21) & 0x1FFFFF), (int)(keys[k] & 0x1FFFFF));
            throw new ArgumentException($"{name}: duplicate entry at block {blk}, row {row}, col {col}; each position may appear once.");
        }
    }
}
