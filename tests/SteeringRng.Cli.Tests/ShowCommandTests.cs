namespace SteeringRng.Cli.Tests;

public class ShowCommandTests
{
    private static string Sample(string name) => Path.Combine(CliRunner.Root, "samples", name);

    [Fact]
    public void Chsh_level_1_has_the_identity_and_one_projector_per_setting()
    {
        var r = CliRunner.Run("show", Sample("chsh.scn"), "--level", "1");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        // Level 1 of a 2222 scenario: 1 + 2 + 2 Collins–Gisin projectors, a 5 x 5 moment matrix.
        Assert.Contains("Level 1: 5 words, moment matrix 5 x 5", r.Stdout);
        Assert.Contains("A0|0 B0|1", r.Stdout);
    }

    [Fact]
    public void Level_1_plus_BC_of_the_ghz_scenario_adds_the_nine_products()
    {
        var r = CliRunner.Run("show", Sample("ghz3-fig2a-joint.scn"), "--level", "1+BC");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        // 1 + 3 (Bob) + 3 (Charlie) + 3 x 3 products = 16 words.
        Assert.Contains("Level 1+BC: 16 words", r.Stdout);
        Assert.Contains("B = Bob", r.Stdout);
        Assert.Contains("guess: 2-dimensional trusted blocks", r.Stdout);
    }

    [Fact]
    public void An_unknown_objective_or_level_is_a_usage_error()
    {
        var r = CliRunner.Run("show", Sample("chsh.scn"), "--objective", "nope");
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains("has no objective 'nope'; its objectives are chsh", r.Stderr);
        var l = CliRunner.Run("show", Sample("chsh.scn"), "--level", "1+XY");
        Assert.Equal(ExitCodes.UsageError, l.ExitCode);
        Assert.Contains("'X' is not a party", l.Stderr);
    }
}
