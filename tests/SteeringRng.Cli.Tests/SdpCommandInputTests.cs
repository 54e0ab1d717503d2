namespace SteeringRng.Cli.Tests;

public class SdpCommandInputTests
{
    [Theory]
    [InlineData("malformed-block.dat-s", "line 6, column 3: block 3 does not exist (nblocks = 2)")]
    [InlineData("malformed-truncated.dat-s", "line 6: unexpected end of file: expected 2 entries of the c vector")]
    [InlineData("malformed-number.dat-s", "line 7, column 9: expected a number for the entry value, found '1.0.0'")]
    public void Malformed_file_exits_3_and_names_the_line(string file, string expected)
    {
        // The file is read before any solving; the default built-in solver is always available.
        var r = CliRunner.Run("sdp", CliRunner.TestData(file));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("malformed SDPA file", r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Missing_file_exits_3()
    {
        var r = CliRunner.Run("sdp", Path.Combine(CliRunner.Root, "no-such-file.dat-s"));
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("file not found", r.Stderr);
    }

    [Fact]
    public void A_folder_is_not_a_file()
    {
        var r = CliRunner.Run("sdp", CliRunner.Root);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("is a folder", r.Stderr);
    }
}
