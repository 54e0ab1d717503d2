namespace SteeringRng.Extraction;

/// <summary>
/// The seeded Toeplitz extractor: input x of n bits, seed s of n + m − 1 bits, output y = T x over GF(2) with the
/// m×n Toeplitz matrix
/// <code>
///   T[i][j] = s[i − j + n − 1]      (i ∈ [0, m), j ∈ [0, n)),   y_i = ⊕_j s[i − j + n − 1] ∧ x_j,
/// </code>
/// i.e. the first row of T is s[n−1], s[n−2], …, s[0] and the first column s[n−1], s[n], …, s[n+m−2]; y_i is the
/// coefficient of z^(n−1+i) in the GF(2)[z] product s(z)·x(z) (s(z) = Σ s_k z^k, x(z) = Σ x_j z^j). Bits of byte
/// strings follow <see cref="BitOrder"/> (most significant bit of each byte first). Exact: only XOR, AND and
/// carry-less multiplication of words. Toeplitz matrices with a uniform seed form a two-universal family, so by the
/// leftover hash lemma y is ε-close to uniform given the seed and quantum side information when m ≤ k − 2 log2(1/ε)
/// (<see cref="LeftoverHash"/>; docs/formulations/extraction.md).
/// </summary>
public static class ToeplitzExtractor
{
    /// <summary>Largest square block (in 64-bit words) multiplied directly with 512-bit VPCLMULQDQ (measured; see the benchmark test).</summary>
    public const int WideThreshold = 32;

    /// <summary>The same with 128-bit PCLMULQDQ only.</summary>
    public const int HardwareThreshold = 16;

    /// <summary>The same for the portable multiplication, whose word product is much dearer than the XORs of a Karatsuba step.</summary>
    public const int SoftwareThreshold = 2;

    internal static int Threshold(DirectKernel kernel) => kernel switch
    {
        DirectKernel.Portable => SoftwareThreshold,
        DirectKernel.Clmul128 => HardwareThreshold,
        _ => WideThreshold,
    };

    /// <summary>Seed bits an n-bit input and m-bit output need: n + m − 1.</summary>
    public static long SeedBits(long inputBits, long outputBits) => inputBits + outputBits - 1;

    /// <summary>An upper bound on the bytes <see cref="Extract(ReadOnlySpan{byte}, long, ReadOnlySpan{byte}, long, ClmulBackend)"/> allocates beyond its arguments.</summary>
    public static long EstimateWorkingBytes(long inputBits, long outputBits) =>
        new[] { WideThreshold, HardwareThreshold, SoftwareThreshold }.Max(t => WorkingBytes(inputBits, outputBits, t));

    // The blocks' padding depends on the threshold, so each backend's layout is counted.
    private static long WorkingBytes(long inputBits, long outputBits, int threshold)
    {
        var layout = ToeplitzLayout.For(inputBits, outputBits, threshold);
        var words = (inputBits + 63) / 64 + 2 * SeedWords(inputBits, outputBits) // input and seed as words, the seed cut to n + m − 1 bits
                    + layout.SigmaWords + (long)layout.ColumnBlocks * layout.BlockWords // σ and the padded input
                    + (long)layout.RowBlocks * layout.BlockWords + layout.BlockWords + SquareToeplitz.ScratchWords(layout.BlockWords) // output, block product, scratch
                    + (outputBits + 63) / 64; // the output cut to m bits
        // The output bytes, and a kilobyte for the arrays' headers and the direct product's stack buffers.
        return 8 * words + (outputBits + 7) / 8 + 1024;
    }

    private static long SeedWords(long n, long m) => (SeedBits(n, m) + 63) / 64;

    /// <summary>y = T x for byte strings (MSB-first bits): the first <paramref name="inputBits"/> bits of
    /// <paramref name="input"/>, the first n + m − 1 bits of <paramref name="seed"/> (later bits are not used);
    /// returns ⌈m/8⌉ bytes.</summary>
    /// <exception cref="ArgumentException">A length is below 1, or the input or seed holds too few bits.</exception>
    public static byte[] Extract(ReadOnlySpan<byte> input, long inputBits, ReadOnlySpan<byte> seed, long outputBits, ClmulBackend backend = ClmulBackend.Auto)
    {
        if (inputBits < 1) throw new ArgumentException("the input must hold at least 1 bit.", nameof(inputBits));
        if (outputBits < 1) throw new ArgumentException("the output must have at least 1 bit.", nameof(outputBits));
        if (8L * input.Length < inputBits) throw new ArgumentException($"the input holds {8L * input.Length} bits, fewer than the {inputBits} asked for.", nameof(input));
        var seedBits = SeedBits(inputBits, outputBits);
        if (8L * seed.Length < seedBits)
            throw new ArgumentException($"the seed holds {8L * seed.Length} bits; n + m − 1 = {seedBits} are needed.", nameof(seed));
        var y = Extract(BitOrder.ToWords(input, inputBits), inputBits, BitOrder.ToWords(seed, seedBits), outputBits, backend);
        return BitOrder.ToBytes(y, outputBits);
    }

    /// <summary>The same on word strings (bit t at bit t mod 64 of word ⌊t/64⌋); returns ⌈m/64⌉ words, bits ≥ m zero.
    /// Bits of <paramref name="input"/> at or beyond n and of <paramref name="seed"/> at or beyond n + m − 1 are ignored.</summary>
    public static ulong[] Extract(ReadOnlySpan<ulong> input, long inputBits, ReadOnlySpan<ulong> seed, long outputBits, ClmulBackend backend = ClmulBackend.Auto)
    {
        var hardware = backend switch
        {
            ClmulBackend.Hardware => CarrylessMultiply.HardwareAvailable
                ? true
                : throw new PlatformNotSupportedException("this processor has no PCLMULQDQ; use ClmulBackend.Auto or Software."),
            ClmulBackend.Software => false,
            _ => CarrylessMultiply.HardwareAvailable,
        };
        var kernel = DirectKernels.Best(hardware);
        return Extract(input, inputBits, seed, outputBits, kernel, Threshold(kernel));
    }

    /// <summary>With an explicit kernel and direct threshold (tests and the threshold measurement).</summary>
    internal static ulong[] Extract(ReadOnlySpan<ulong> input, long inputBits, ReadOnlySpan<ulong> seed, long outputBits, DirectKernel kernel, int threshold)
    {
        if (inputBits < 1 || outputBits < 1) throw new ArgumentException("input and output need at least 1 bit.");
        var seedBits = SeedBits(inputBits, outputBits);
        if (64L * input.Length < inputBits || 64L * seed.Length < seedBits)
            throw new ArgumentException($"need {inputBits} input bits and {seedBits} seed bits.");
        var layout = ToeplitzLayout.For(inputBits, outputBits, threshold);
        var w = layout.BlockWords;

        // x padded with zeros to q·b bits; T's columns beyond n then meet zeros, whatever σ holds there. Each
        // column block's words are then put in reverse order, the form SquareToeplitz takes.
        var x = new ulong[layout.ColumnBlocks * w];
        input[..(int)((inputBits + 63) / 64)].CopyTo(x);
        Gf2Words.KeepLowBits(x, inputBits);
        for (var j = 0; j < layout.ColumnBlocks; j++) x.AsSpan(j * w, w).Reverse();

        // σ = s·z^d with s cut to n + m − 1 bits: T[i][j] = s[i − j + n − 1] = σ[i − j + q·b], 0 below d (those
        // entries only meet the zero padding of x) and beyond (rows ≥ m, cut off below).
        var s = seed[..(int)((seedBits + 63) / 64)].ToArray();
        Gf2Words.KeepLowBits(s, seedBits);
        var sigma = new ulong[layout.SigmaWords];
        Gf2Words.ShiftUp(s, layout.SeedShift, sigma);

        // Block (I, J): rows I·b…, columns J·b…; T[I·b + i][J·b + j] = σ[(q − J − 1 + I)·b + (i − j + b)], a square
        // block with internal seed σ from word (q − J − 1 + I)·W.
        var y = new ulong[layout.RowBlocks * w];
        var block = new ulong[w];
        var scratch = new ulong[SquareToeplitz.ScratchWords(w)];
        for (var i = 0; i < layout.RowBlocks; i++)
        for (var j = 0; j < layout.ColumnBlocks; j++)
        {
            var offset = (layout.ColumnBlocks - j - 1 + i) * w;
            SquareToeplitz.Multiply(sigma.AsSpan(offset, 2 * w), x.AsSpan(j * w, w), block, scratch, threshold, kernel);
            Gf2Words.XorInto(block, y.AsSpan(i * w, w));
        }
        var result = y.AsSpan(0, (int)((outputBits + 63) / 64)).ToArray();
        Gf2Words.KeepLowBits(result, outputBits);
        return result;
    }
}
