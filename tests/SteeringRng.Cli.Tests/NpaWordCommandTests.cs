using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// The words <c>steer show</c> prints ("B0|1 C0|0") are accepted back in NPA levels, in a scenario's <c>bounds</c>
/// and in <c>steer show --level</c>, so a new level can be designed from the printed generating set.
/// </summary>
public sealed class NpaWordCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-words-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string level)
    {
        var path = Path.Combine(_dir, "words.scn");
        File.WriteAllText(path, $"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.8
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Z
            objective joint = guess Bob.X, Charlie.X
            bounds npa "{level}"
            """);
        return path;
    }

    [Fact]
    public void A_level_with_a_printed_word_runs_and_show_lists_the_word()
    {
        var file = Write("1+B0|1C0|0");
        var run = CliRunner.Run("run", file);
        Assert.Equal(ExitCodes.Optimal, run.ExitCode);
        Assert.Contains("npa 1+B0|1C0|0", run.Stdout);
        var show = CliRunner.Run("show", file);
        Assert.Equal(ExitCodes.Optimal, show.ExitCode);
        Assert.Contains("Level 1+B0|1C0|0: 6 words", show.Stdout); // 1, B0|0, B0|1, C0|0, C0|1 and the word
        Assert.Contains("   5  B0|1 C0|0", show.Stdout);
    }

    [Fact]
    public void Show_takes_a_word_in_the_level_option_as_it_prints_it()
    {
        var show = CliRunner.Run("show", Write("1"), "--level", "1+B0|1 C0|0");
        Assert.Equal(ExitCodes.Optimal, show.ExitCode);
        Assert.Contains("Level 1+B0|1 C0|0: 6 words", show.Stdout);
    }

    [Fact]
    public void The_new_user_mistake_B0C1_points_to_the_word_syntax()
    {
        var check = CliRunner.Run("check", Write("1+B0C1"));
        Assert.Equal(ExitCodes.InputError, check.ExitCode);
        Assert.Contains("error SR2031: NPA level \"1+B0C1\": no untrusted node starts with '0'; a term with digits is an explicit word", check.Stderr + check.Stdout);
    }
}
