namespace SteeringRng.Extraction;

/// <summary>
/// How an m×n Toeplitz product is cut into square blocks of b = 64·W bits (W = c·2^k with c ≤ the direct threshold,
/// so the Karatsuba recursion halves cleanly down to c): p row blocks × q column blocks, the input padded with
/// zero bits to q·b, the output computed to p·b bits and cut to m.
/// </summary>
internal sealed record ToeplitzLayout(long InputBits, long OutputBits, int BlockWords, int RowBlocks, int ColumnBlocks)
{
    public long BlockBits => 64L * BlockWords;
    public long PaddedInputBits => ColumnBlocks * BlockBits;

    /// <summary>Words of the padded internal seed σ: block (I, J) reads 2W words from word (q − J − 1 + I)·W.</summary>
    public long SigmaWords => (long)(ColumnBlocks + RowBlocks) * BlockWords;

    /// <summary>
    /// The internal seed is the user's seed moved up by d = q·b − n + 1 bits, so that T[i][j] = s[i − j + n − 1] =
    /// σ[i − j + q·b] (docs/formulations/extraction.md, "From the seed to the blocks").
    /// </summary>
    public long SeedShift => PaddedInputBits - InputBits + 1;

    public static ToeplitzLayout For(long n, long m, int threshold)
    {
        if (n < 1 || m < 1) throw new ArgumentOutOfRangeException(nameof(n), "input and output lengths must be at least 1 bit.");
        var words = Math.Min((n + 63) / 64, (m + 63) / 64);
        // The smallest k with ⌈words/2^k⌉ ≤ threshold; W = ⌈words/2^k⌉·2^k ≥ words (padding below a factor 1 + 1/c).
        var k = 0;
        while ((words + (1L << k) - 1) >> k > threshold) k++;
        var c = (words + (1L << k) - 1) >> k;
        var w = c << k;
        if (w > int.MaxValue / 8) throw new ArgumentOutOfRangeException(nameof(n), "block too large.");
        var bits = 64 * w;
        return new ToeplitzLayout(n, m, (int)w, (int)((m + bits - 1) / bits), (int)((n + bits - 1) / bits));
    }
}
