using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

public class SdpaWriterTests
{
    private static readonly double[] Awkward =
    [
        0.1, 1.0 / 3, -2.0 / 7, Math.PI, 1e-300, -1e300, double.Epsilon, double.MaxValue, -0.0,
        0.30000000000000004, 123456789.123456789, BitConverter.Int64BitsToDouble(0x3FEFFFFFFFFFFFFF),
    ];

    private static SdpProblem RandomProblem(int seed)
    {
        var random = new Random(seed);
        var blocks = new[] { SdpBlock.Psd(4), SdpBlock.Nonnegative(3), SdpBlock.Psd(1) };
        double Value() => random.Next(3) == 0 ? Awkward[random.Next(Awkward.Length)] : random.NextDouble() * 20 - 10;
        SdpMatrix RandomMatrix()
        {
            var entries = new List<SdpEntry>();
            for (var k = 0; k < blocks.Length; k++)
            for (var r = 0; r < blocks[k].Size; r++)
            for (var c = r; c < blocks[k].Size; c++)
                if ((blocks[k].Kind != SdpConeKind.Nonnegative || r == c) && random.Next(2) == 0)
                    entries.Add(new SdpEntry(k, r, c, Value()));
            return new SdpMatrix(entries);
        }
        var m = 5;
        return new SdpProblem(blocks, RandomMatrix(), Enumerable.Range(0, m).Select(_ => RandomMatrix()).ToArray(),
            Enumerable.Range(0, m).Select(_ => Value()).ToArray());
    }

    private static void AssertBitIdentical(IReadOnlyList<SdpEntry> expected, IReadOnlyList<SdpEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Block, expected[i].Row, expected[i].Col), (actual[i].Block, actual[i].Row, actual[i].Col));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i].Value), BitConverter.DoubleToInt64Bits(actual[i].Value));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Write_then_read_is_bit_identical(int seed)
    {
        var original = RandomProblem(seed);
        var back = SdpaReader.Read(new StringReader(SdpaWriter.ToText(original, ["a comment"])));
        Assert.Equal(original.Blocks, back.Blocks);
        Assert.Equal(original.B.Select(BitConverter.DoubleToInt64Bits), back.B.Select(BitConverter.DoubleToInt64Bits));
        AssertBitIdentical(original.C.Entries, back.C.Entries);
        for (var i = 0; i < original.A.Count; i++) AssertBitIdentical(original.A[i].Entries, back.A[i].Entries);
    }

    [Fact]
    public void Problem_without_constraints_is_written_with_one_trivial_constraint_on_an_added_block()
    {
        // CSDP and SDPA cannot read mdim = 0: one constraint x0 = 1 on an added 1x1 block, said in a comment.
        var p = new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new SdpEntry(0, 0, 0, -1)]), [], []);
        var text = SdpaWriter.ToText(p).ReplaceLineEndings("\n");
        Assert.Equal("\"" + EmptyConstraintPadding.Comment(2) + "\n1 = mdim\n2 = nblocks\n2 1\n1\n0 1 1 1 -1\n1 2 1 1 1\n", text);
        var back = SdpaReader.Read(new StringReader(text));
        Assert.Equal([SdpBlock.Psd(2), SdpBlock.Psd(1)], back.Blocks);
        Assert.Equal([1.0], back.B);
    }

    [Fact]
    public void Writes_the_documented_layout()
    {
        var p = new SdpProblem([SdpBlock.Psd(2), SdpBlock.Nonnegative(2)],
            new SdpMatrix([new SdpEntry(0, 0, 1, 0.5)]),
            [new SdpMatrix([new SdpEntry(1, 1, 1, -1e-8)])], [0.1]);
        var text = SdpaWriter.ToText(p, ["hello"]).ReplaceLineEndings("\n");
        Assert.Equal("\"hello\n1 = mdim\n2 = nblocks\n2 -2\n0.1\n0 1 1 2 0.5\n1 2 2 2 -1E-08\n", text);
    }

    [Fact]
    public void Invalid_problems_never_reach_the_writer()
    {
        // SdpProblem validates at construction, so an invalid problem cannot be written at all.
        var e = Assert.Throws<ArgumentException>(() => new SdpProblem([SdpBlock.Psd(2)], new SdpMatrix([new SdpEntry(0, 1, 0, 1)]), [], []));
        Assert.Contains("Row > Col", e.Message);
        var nan = Assert.Throws<ArgumentException>(() => new SdpProblem([SdpBlock.Psd(1)], SdpMatrix.Zero, [SdpMatrix.Zero], [double.NaN]));
        Assert.Contains("b[0] is NaN", nan.Message);
    }

    [Fact]
    public void File_overloads_round_trip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdpa-{Guid.NewGuid():N}.dat-s");
        try
        {
            var original = RandomProblem(7);
            SdpaWriter.WriteFile(original, path);
            var back = SdpaReader.ReadFile(path);
            AssertBitIdentical(original.C.Entries, back.C.Entries);
        }
        finally { File.Delete(path); }
    }
}
