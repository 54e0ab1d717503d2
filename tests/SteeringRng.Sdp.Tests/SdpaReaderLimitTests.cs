using System.Diagnostics;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// Hostile headers are refused at once with the line and column of the offending number (SdpaLimits), before anything
/// sized by them is allocated. Before the limits: mdim 2e9 ran out of memory, a block of 50 000 overflowed, one of
/// 200 000 reached the solver as NaN, and a diagonal block of −10⁸ took 12 s and 4.7 GB before running out of memory.
/// </summary>
public class SdpaReaderLimitTests
{
    [Theory]
    [InlineData("2000000000\n1\n2\n", 1, 1, "mdim")]
    [InlineData("1\n2000000000\n2\n", 2, 1, "nblocks")]
    [InlineData("1\n1\n50000\n1\n", 3, 1, "block 1")]
    [InlineData("1\n1\n200000\n1\n", 3, 1, "block 1")]
    [InlineData("1\n1\n-100000000\n1\n", 3, 1, "block 1")]
    [InlineData("1\n3\n{2, 5000, 3000}\n1\n", 3, 11, "block 3")]
    [InlineData("1\n1\n-9223372036854775808\n1\n", 3, 1, "block 1")]
    [InlineData("1\n1\n99999999999999999999\n1\n", 3, 1, "integer block size")]
    [InlineData("1\n99999999999\n2\n1\n", 2, 1, "nblocks")]
    public void HostileHeader_IsAFormatErrorAtItsNumber(string text, int line, int column, string mentions)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<SdpaFormatException>(() => SdpaReader.Read(new StringReader(text)));
        // The unguarded reader allocated the declared sizes (minutes or out of memory); a refusal takes microseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(mentions, e.Message);
    }

    [Fact]
    public void LargestAllowedBlocks_AreRead()
    {
        var side = (int)Math.Sqrt(SdpaLimits.MaxMatrixEntries);
        var p = SdpaReader.Read(new StringReader($"1\n1\n{side}\n1\n1 1 {side} {side} 1\n"));
        Assert.Equal(side, p.Blocks[0].Size);
        var d = SdpaReader.Read(new StringReader($"1\n1\n-{SdpaLimits.MaxMatrixEntries}\n1\n1 1 3 3 1\n"));
        Assert.Equal(SdpConeKind.Nonnegative, d.Blocks[0].Kind);
    }
}
