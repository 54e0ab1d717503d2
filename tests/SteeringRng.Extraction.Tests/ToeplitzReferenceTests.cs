namespace SteeringRng.Extraction.Tests;

/// <summary>The fast product against the naive O(nm) definition, bit for bit, on random sizes and every kernel and threshold.</summary>
public class ToeplitzReferenceTests
{
    private static byte[] RandomBytes(Random random, long bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        random.NextBytes(bytes);
        return bytes;
    }

    public static TheoryData<int, int> Sizes() => new()
    {
        { 1, 1 }, { 2, 1 }, { 7, 1 }, { 64, 1 }, { 65, 1 }, { 1000, 1 }, // m = 1
        { 2, 2 }, { 63, 63 }, { 64, 64 }, { 65, 65 }, { 700, 700 }, { 1153, 1153 }, // m = n
        { 128, 64 }, { 129, 64 }, { 200, 100 }, { 1000, 333 }, { 4096, 2048 }, { 4097, 2047 }, { 3001, 1500 },
        { 5000, 77 }, { 2500, 2499 }, { 100, 300 }, // m > n: not an extractor's use, but the product is defined
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Fast_equals_naive(int n, int m)
    {
        var random = new Random(n * 7919 + m);
        var input = RandomBytes(random, n);
        var seed = RandomBytes(random, n + m - 1);
        var expected = NaiveToeplitz.Extract(input, n, seed, m);
        Assert.Equal(expected, ToeplitzExtractor.Extract(input, n, seed, m, ClmulBackend.Software));
        Assert.Equal(expected, ToeplitzExtractor.Extract(input, n, seed, m));
        // Thresholds 1 and 2 push the Karatsuba recursion down to single words even at these sizes.
        foreach (var kernel in DirectKernels.Available)
        foreach (var threshold in new[] { 1, 2, 3, 5, 16, 32 })
        {
            var y = ToeplitzExtractor.Extract(BitOrder.ToWords(input, n), n, BitOrder.ToWords(seed, n + m - 1), m, kernel, threshold);
            Assert.Equal(expected, BitOrder.ToBytes(y, m));
        }
    }

    [Fact]
    public void Random_sizes_equal_naive()
    {
        var random = new Random(18_5);
        for (var trial = 0; trial < 60; trial++)
        {
            var n = random.Next(1, 3000);
            var m = random.Next(1, n + 1);
            var input = RandomBytes(random, n);
            var seed = RandomBytes(random, n + m - 1);
            var expected = NaiveToeplitz.Extract(input, n, seed, m);
            var threshold = random.Next(1, 40);
            foreach (var kernel in DirectKernels.Available)
            {
                var y = ToeplitzExtractor.Extract(BitOrder.ToWords(input, n), n, BitOrder.ToWords(seed, n + m - 1), m, kernel, threshold);
                Assert.True(expected.AsSpan().SequenceEqual(BitOrder.ToBytes(y, m)), $"n = {n}, m = {m}, threshold = {threshold}, {kernel}");
            }
        }
    }

    [SkippableFact]
    public void Hardware_and_software_paths_agree_on_a_large_product()
    {
        Skip.IfNot(CarrylessMultiply.HardwareAvailable, "no PCLMULQDQ on this processor");
        var random = new Random(42);
        const int n = 1 << 18, m = (1 << 17) + 12345;
        var input = RandomBytes(random, n);
        var seed = RandomBytes(random, n + m - 1);
        var software = ToeplitzExtractor.Extract(input, n, seed, m, ClmulBackend.Software);
        Assert.Equal(software, ToeplitzExtractor.Extract(input, n, seed, m, ClmulBackend.Hardware));
        // The 128-bit kernel on its own (what processors without AVX-512 run), with blocks of up to 32 words.
        var words = ToeplitzExtractor.Extract(BitOrder.ToWords(input, n), n, BitOrder.ToWords(seed, n + m - 1), m, DirectKernel.Clmul128, ToeplitzExtractor.WideThreshold);
        Assert.Equal(software, BitOrder.ToBytes(words, m));
    }

    [Fact]
    public void Bits_beyond_n_and_beyond_the_seed_are_ignored()
    {
        var random = new Random(7);
        const int n = 301, m = 77;
        var input = RandomBytes(random, n + 64);
        var seed = RandomBytes(random, n + m - 1 + 64);
        var expected = NaiveToeplitz.Extract(input, n, seed, m);
        Assert.Equal(expected, ToeplitzExtractor.Extract(input, n, seed, m));
        // The output's unused low bits of the last byte are 0 (m = 77: 5 bits of the last byte are used).
        Assert.Equal(0, ToeplitzExtractor.Extract(input, n, seed, m)[^1] & 0x07);
    }
}
