namespace SteeringRng.Extraction.Tests;

public class CarrylessMultiplyTests
{
    // The definition: XOR of a shifted by every set bit of b, on a 128-bit (high, low) pair.
    private static (ulong Low, ulong High) BitByBit(ulong a, ulong b)
    {
        ulong low = 0, high = 0;
        for (var k = 0; k < 64; k++)
        {
            if ((b >> k & 1) == 0) continue;
            low ^= a << k;
            if (k > 0) high ^= a >> (64 - k);
        }
        return (low, high);
    }

    private static IEnumerable<(ulong, ulong)> Pairs()
    {
        var random = new Random(20261206);
        ulong[] edges = [0, 1, 2, 3, 0x8000000000000000, ulong.MaxValue, 0x5555555555555555, 0xAAAAAAAAAAAAAAAA, 0x00000000FFFFFFFF];
        foreach (var a in edges) foreach (var b in edges) yield return (a, b);
        for (var k = 0; k < 20000; k++) yield return ((ulong)random.NextInt64() ^ (ulong)random.Next() << 63, (ulong)random.NextInt64() ^ (ulong)random.Next() << 63);
    }

    [Fact]
    public void Software_matches_the_definition()
    {
        foreach (var (a, b) in Pairs()) Assert.Equal(BitByBit(a, b), CarrylessMultiply.Software(a, b));
    }

    [SkippableFact]
    public void Hardware_matches_software()
    {
        Skip.IfNot(CarrylessMultiply.HardwareAvailable, "no PCLMULQDQ on this processor");
        foreach (var (a, b) in Pairs()) Assert.Equal(CarrylessMultiply.Software(a, b), CarrylessMultiply.Hardware(a, b));
    }

    [Fact]
    public void Known_products()
    {
        // (1 + z)(1 + z) = 1 + z² over GF(2); z^63 · z^63 = z^126 (bit 62 of the high word).
        Assert.Equal((5UL, 0UL), CarrylessMultiply.Software(3, 3));
        Assert.Equal((0UL, 1UL << 62), CarrylessMultiply.Software(1UL << 63, 1UL << 63));
        // (z^64 − 1)/(z − 1) = 1 + z + … + z^63 squared is Σ z^{2k}: squaring is linear over GF(2).
        Assert.Equal((0x5555555555555555UL, 0x5555555555555555UL), CarrylessMultiply.Software(ulong.MaxValue, ulong.MaxValue));
    }
}
