namespace SteeringRng.Extraction.Tests;

/// <summary>Facts every Toeplitz product satisfies, independent of any implementation.</summary>
public class ToeplitzPropertyTests
{
    private static byte[] RandomBytes(Random random, long bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Xor(byte[] a, byte[] b) => a.Zip(b, (u, v) => (byte)(u ^ v)).ToArray();

    private static byte[] UnitBits(int count, int position)
    {
        var bytes = new byte[(count + 7) / 8];
        bytes[position / 8] = (byte)(0x80 >> (position % 8));
        return bytes;
    }

    [Theory]
    [InlineData(1000, 500)]
    [InlineData(4099, 2050)]
    public void Linear_in_the_input_and_in_the_seed(int n, int m)
    {
        var random = new Random(n);
        byte[] x1 = RandomBytes(random, n), x2 = RandomBytes(random, n);
        byte[] s1 = RandomBytes(random, n + m - 1), s2 = RandomBytes(random, n + m - 1);
        Assert.Equal(Xor(ToeplitzExtractor.Extract(x1, n, s1, m), ToeplitzExtractor.Extract(x2, n, s1, m)), ToeplitzExtractor.Extract(Xor(x1, x2), n, s1, m));
        Assert.Equal(Xor(ToeplitzExtractor.Extract(x1, n, s1, m), ToeplitzExtractor.Extract(x1, n, s2, m)), ToeplitzExtractor.Extract(x1, n, Xor(s1, s2), m));
    }

    [Fact]
    public void A_unit_input_gives_a_column_of_T()
    {
        // x = e_j: y_i = T[i][j] = s[i − j + n − 1], the seed bits n − 1 − j … n − 2 − j + m.
        const int n = 777, m = 300;
        var seed = RandomBytes(new Random(3), n + m - 1);
        var seedBits = NaiveToeplitz.Bits(seed, n + m - 1);
        foreach (var j in new[] { 0, 1, 63, 64, 400, n - 1 })
        {
            var y = NaiveToeplitz.Bits(ToeplitzExtractor.Extract(UnitBits(n, j), n, seed, m), m);
            Assert.Equal(seedBits.Skip(n - 1 - j).Take(m), y);
        }
    }

    [Fact]
    public void A_unit_seed_shifts_the_input()
    {
        // s = e_k: T has the single diagonal i − j = k − n + 1, so y_i = x_{i + n − 1 − k} (0 outside the input).
        const int n = 500, m = 200;
        var x = RandomBytes(new Random(5), n);
        var xBits = NaiveToeplitz.Bits(x, n);
        foreach (var k in new[] { 0, 1, 64, 300, n - 1, n, n + m - 2 })
        {
            var y = NaiveToeplitz.Bits(ToeplitzExtractor.Extract(x, n, UnitBits(n + m - 1, k), m), m);
            for (var i = 0; i < m; i++)
            {
                var j = i + n - 1 - k;
                Assert.Equal(j >= 0 && j < n && xBits[j], y[i]);
            }
        }
    }

    [Fact]
    public void All_ones_seed_gives_the_parity_of_every_window()
    {
        // Every entry of T is 1: each output bit is the parity of the whole input.
        const int n = 1001, m = 100;
        var x = RandomBytes(new Random(9), n);
        var parity = NaiveToeplitz.Bits(x, n).Count(b => b) % 2 == 1;
        var seed = Enumerable.Repeat((byte)0xFF, (n + m - 1 + 7) / 8).ToArray();
        Assert.All(NaiveToeplitz.Bits(ToeplitzExtractor.Extract(x, n, seed, m), m), bit => Assert.Equal(parity, bit));
    }

    [Theory]
    [InlineData(1 << 20, 1 << 19)]
    [InlineData(1_000_003, 1_000)]
    [InlineData(70_000, 69_999)]
    public void The_memory_estimate_bounds_what_is_allocated(int n, int m)
    {
        // steer extract refuses by this estimate before reading anything, so it must not be low.
        var random = new Random(n);
        byte[] x = RandomBytes(random, n), s = RandomBytes(random, n + m - 1);
        foreach (var backend in new[] { ClmulBackend.Auto, ClmulBackend.Software })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            ToeplitzExtractor.Extract(x, n, s, m, backend);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.InRange(allocated, 1, ToeplitzExtractor.EstimateWorkingBytes(n, m));
        }
    }

    [Fact]
    public void Too_short_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ToeplitzExtractor.Extract(new byte[8], 64, new byte[8], 2)); // needs 65 seed bits
        Assert.Throws<ArgumentException>(() => ToeplitzExtractor.Extract(new byte[7], 64, new byte[20], 2));
        Assert.Throws<ArgumentException>(() => ToeplitzExtractor.Extract(new byte[8], 64, new byte[20], 0));
    }
}
