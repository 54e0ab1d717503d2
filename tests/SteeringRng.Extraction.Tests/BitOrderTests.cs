namespace SteeringRng.Extraction.Tests;

public class BitOrderTests
{
    [Fact]
    public void The_first_bit_is_the_most_significant_bit_of_the_first_byte()
    {
        var words = BitOrder.ToWords([0x80, 0x01, 0, 0, 0, 0, 0, 0, 0x40], 72);
        Assert.Equal(1UL | 1UL << 15, words[0]); // bits 0 and 15
        Assert.Equal(2UL, words[1]);              // bit 65
    }

    [Fact]
    public void Round_trip_and_cut()
    {
        var random = new Random(1);
        var bytes = new byte[37];
        random.NextBytes(bytes);
        foreach (var bits in new[] { 1, 7, 8, 9, 63, 64, 65, 295, 296 })
        {
            var back = BitOrder.ToBytes(BitOrder.ToWords(bytes, bits), bits);
            Assert.Equal(NaiveToeplitz.Bytes(NaiveToeplitz.Bits(bytes, bits)), back);
        }
    }
}
