namespace SteeringRng.Cli.Tests;

public class HelpAndUsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("sdp", "--help")]
    [InlineData("run", "--help")]
    [InlineData("check", "--help")]
    [InlineData("export", "--help")]
    [InlineData("show", "--help")]
    [InlineData("threshold", "-h")]
    [InlineData("help", "run")]
    [InlineData("verify", "--help")]
    public void Help_prints_usage_and_every_exit_code(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        // System.CommandLine's help puts the usage line under "Usage:", led by the executable's name: steer, but the
        // test host in-process; the root's own help, and a command that keeps its own usage text (verify, plugged in
        // through TokenCommand), keep "Usage: steer" on one line.
        var command = args.Length == 1 ? null : args[0] == "help" ? args[1] : args[0];
        Assert.Matches(command is null || command == "verify" ? "Usage: steer" : $@"Usage:\s+\S+ {command}\b", r.Stdout);
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
    [InlineData("no scenario file given", "run")]
    [InlineData("--set needs name=value", "run", "x.scn", "--set", "mu")]
    [InlineData("--plot needs a .svg, .pdf, .png file", "run", "x.scn", "--plot", "x.jpg")]
    [InlineData("--plot-size: plot size 'A4' needs a unit", "run", "x.scn", "--plot-size", "A4")]
    [InlineData("--plot-layout needs columns, rows or separate", "merge", "p.json", "--plot-layout", "grid")]
    [InlineData("--plot-dpi needs a resolution from 72 to 2400", "run", "x.scn", "--plot-dpi", "10")]
    [InlineData("give --plot PATH as well", "merge", "p.json", "--plot-size", "3x2in")]
    [InlineData("--set mu is given twice", "run", "x.scn", "--set", "mu=1", "--set", "mu=2")]
    [InlineData("unknown solver 'mosek'", "run", "x.scn", "--solver", "mosek")]
    [InlineData("only one file is accepted", "sdp", "a.dat-s", "b.dat-s")]
    [InlineData("unknown solver 'mosek'", "sdp", "x.dat-s", "--solver=mosek")]
    [InlineData("unknown option '--z'", "verify", "x.cert", "--z")]
    [InlineData("no certificate file given", "verify")]
    public void Bad_command_lines_exit_2_with_a_plain_message(string message, params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
