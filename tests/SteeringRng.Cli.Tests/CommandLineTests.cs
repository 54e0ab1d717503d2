namespace SteeringRng.Cli.Tests;

/// <summary>What System.CommandLine brings to every command: response files and the completion directive.</summary>
public class CommandLineTests
{
    [Fact]
    public void A_response_file_supplies_the_arguments_one_or_more_per_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"steer-{Guid.NewGuid():N}.rsp");
        File.WriteAllLines(file, ["sdp", "x.dat-s", "--solver mosek"]);
        try
        {
            var r = CliRunner.Run("@" + file);
            Assert.Equal(ExitCodes.UsageError, r.ExitCode);
            Assert.Contains("steer sdp: unknown solver 'mosek'", r.Stderr);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void The_suggest_directive_completes_command_names()
    {
        // What a shell's completion script asks for "steer th<TAB>": the cursor at the end of "steer th".
        var r = CliRunner.Run("[suggest:8]", "steer th");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Equal(["threshold"], r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void The_suggest_directive_completes_a_declared_commands_options_and_their_values()
    {
        var option = CliRunner.Run("[suggest:14]", "steer sdp --so");
        Assert.Equal(["--solver"], option.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var value = CliRunner.Run("[suggest:19]", "steer sdp --solver ");
        Assert.Equal(["builtin", "csdp", "dsdp"], value.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
