using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Sdp.Tests;

public class SdpaReaderTests
{
    private static SdpProblem Parse(string text) => SdpaReader.Read(new StringReader(text));

    private static SdpaFormatException Fails(string text) =>
        Assert.Throws<SdpaFormatException>(() => SdpaReader.Read(new StringReader(text)));

    [Fact]
    public void Reads_header_separators_comments_and_entries()
    {
        const string text = """
            "first comment
            * second comment
            2 = mdim
            2 = nblocks
            {2, -3}
            (1.5, -2)
            0 1 1 2 3.25
            1 1 2 1 -1
            2 2 3 3 1E-08
            """;
        var doc = SdpaReader.ReadDocument(new StringReader(text));
        var p = doc.Problem;
        Assert.Equal(["first comment", " second comment"], doc.Comments);
        Assert.Equal([SdpBlock.Psd(2), SdpBlock.Nonnegative(3)], p.Blocks);
        Assert.Equal([1.5, -2.0], p.B);
        Assert.Equal([new SdpEntry(0, 0, 1, 3.25)], p.C.Entries);
        // i > j is mirrored into the upper triangle.
        Assert.Equal([new SdpEntry(0, 0, 1, -1)], p.A[0].Entries);
        Assert.Equal([new SdpEntry(1, 2, 2, 1e-8)], p.A[1].Entries);
    }

    [Fact]
    public void Reads_the_bundled_theta_sample()
    {
        var p = SdpaReader.ReadFile(Path.Combine(SdpaTestPaths.Root, "samples", "sdp", "theta-c5.dat-s"));
        Assert.Equal(6, p.ConstraintCount);
        Assert.Equal([SdpBlock.Psd(5)], p.Blocks);
        Assert.Equal(15, p.C.Entries.Count);
        Assert.Equal([1.0, 0, 0, 0, 0, 0], p.B);
    }

    [Fact]
    public void Header_numbers_may_span_lines()
    {
        var p = Parse("2\n3\n1\n2 -1\n1\n2\n1 1 1 1 1\n");
        Assert.Equal([SdpBlock.Psd(1), SdpBlock.Psd(2), SdpBlock.Nonnegative(1)], p.Blocks);
        Assert.Equal([1.0, 2.0], p.B);
    }

    [Theory]
    [InlineData("1\n2\n2 2\n1\n1 3 1 1 1\n", 5, "block 3 does not exist (nblocks = 2)")]
    [InlineData("1\n1\n2\n1\n2 1 1 1 1\n", 5, "matrix 2 does not exist (mdim = 1, so matno is 0..1)")]
    [InlineData("1\n1\n2\n1\n1 1 3 1 1\n", 5, "row index i 3 is out of range 1..2 of block 1")]
    [InlineData("1\n1\n-2\n1\n1 1 1 2 1\n", 5, "block 1 is diagonal (size -2), so i must equal j, got i = 1, j = 2")]
    [InlineData("1\n1\n2\n1\n1 1 1 1\n", 5, "expected an entry 'matno blkno i j value' (5 numbers), found 4")]
    [InlineData("1\n1\n2\n1\n1 1 1 1 1 7\n", 5, "(5 numbers), found 6 (unexpected '7')")]
    [InlineData("1\n1\n2\n1\n1 1 1 1 x\n", 5, "expected a number for the entry value, found 'x'")]
    [InlineData("1\n1\n2\n1\n1 1 1 1 NaN\n", 5, "the entry value must be finite, found 'NaN'")]
    [InlineData("1\n1\n2\n1\n1 1 1 2 1\n1 1 2 1 5\n", 6, "duplicate entry for matrix 1, block 1, (1, 2); first given on line 5")]
    [InlineData("1\n1\n0\n1\n", 3, "a block size must not be 0")]
    [InlineData("1\n1\n2.5\n1\n", 3, "expected an integer block size, found '2.5'")]
    [InlineData("x = mdim\n", 1, "expected an integer for mdim (the number of constraints), found 'x'")]
    [InlineData("1\n1\n2 3 = blockstruct\n1\n", 3, "unexpected number '3' after 1 block sizes")]
    [InlineData("2\n1\n2\n1 2 3\n", 4, "unexpected number '3' after 2 entries of the c vector")]
    [InlineData("2 3\n1\n2\n1 2\n", 1, "unexpected number '3' after mdim")]
    [InlineData("1\n0\n", 2, "nblocks (the number of blocks) must be at least 1, got 0")]
    [InlineData("\"only a comment\n", 2, "unexpected end of file: expected mdim")]
    [InlineData("2\n1\n3\n1\n", 5, "unexpected end of file: expected 2 entries of the c vector (the right-hand sides b), found 1")]
    public void Malformed_input_names_line_and_problem(string text, int line, string problem)
    {
        var e = Fails(text);
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"line {line}", e.Message);
    }

    [Fact]
    public void Column_and_token_point_at_the_offending_word()
    {
        var e = Fails("1\n2\n2 2\n1\n1   3 1 1 1\n");
        Assert.Equal(5, e.Column);
        Assert.Equal("3", e.Token);
        Assert.Equal("line 5, column 5: block 3 does not exist (nblocks = 2)", e.Message);
    }

    [Fact]
    public void Comment_after_the_header_starts_is_an_error()
    {
        var e = Fails("1\n1\n2\n1\n\"late comment\n");
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void Path_overload_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdpa-bad-{Guid.NewGuid():N}.dat-s");
        File.WriteAllText(path, "1\n1\n2\n1\n1 1 1 9 1\n");
        try
        {
            var e = Assert.Throws<SdpaFormatException>(() => SdpaReader.ReadFile(path));
            Assert.Equal(path, e.FileName);
            Assert.StartsWith($"{path}: line 5, column 7: column index j 9 is out of range 1..2", e.Message);
        }
        finally { File.Delete(path); }
    }
}
