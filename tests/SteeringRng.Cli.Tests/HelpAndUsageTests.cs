namespace SteeringRng.Cli.Tests;

public class HelpAndUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("sdp", "--help")]
    public void Help_prints_usage_and_every_exit_code(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("Usage: steer", r.Stdout);
        foreach (var (code, meaning) in ExitCodes.Table) Assert.Contains($"{code,2}  {meaning}", r.Stdout);
    }

    [Fact]
    public void Exit_codes_are_distinct()
    {
        Assert.Equal(ExitCodes.Table.Count, ExitCodes.Table.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void No_arguments_is_a_usage_error_with_the_help_on_stderr()
    {
        var r = CliRunner.Run();
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("Usage: steer", r.Stderr);
    }

    [Theory]
    [InlineData("unknown command 'solve'", "solve")]
    [InlineData("unknown option '--fast'", "sdp", "x.dat-s", "--fast")]
    [InlineData("unknown solver 'mosek'", "sdp", "x.dat-s", "--solver", "mosek")]
    [InlineData("--tolerance must be in (0, 1), got 0", "sdp", "x.dat-s", "--tolerance", "0")]
    [InlineData("--tolerance needs a number, got 'small'", "sdp", "x.dat-s", "--tolerance", "small")]
    [InlineData("option --solver needs a value", "sdp", "x.dat-s", "--solver")]
    [InlineData("unknown backend 'gpu'", "sdp", "x.dat-s", "--backend", "gpu")]
    [InlineData("no input file given", "sdp")]
    [InlineData("only one file is accepted", "sdp", "a.dat-s", "b.dat-s")]
    public void Bad_command_lines_exit_2_with_a_plain_message(string message, params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
