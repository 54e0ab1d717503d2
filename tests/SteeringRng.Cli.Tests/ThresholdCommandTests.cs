using System.Text.Json;
using SteeringRng.Certification.Thresholds;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Tests;

/// <summary>steer threshold: plain usage errors (exit 2) before any solve, and a small search end to end with its JSON.</summary>
public sealed class ThresholdCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-thr-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Ghz = """
        scenario "GHZ XY"
        node Alice trusted dim 2
        node Bob, Charlie untrusted dim 2
        param mu = 0 .. 1 step 0.25
        param d = 2
        state = mu * ghz + (1 - mu) * white
        measure Bob, Charlie: X Y
        objective joint = guess Bob.X, Charlie.X
        bounds ns, steering
        """;

    private string File()
    {
        var path = Path.Combine(_dir, "ghz.scn");
        System.IO.File.WriteAllText(path, Ghz);
        return path;
    }

    // Arguments separated by | (an option value may hold a space: "npa 2").
    [Theory]
    [InlineData("--over|nu", "no parameter 'nu'")]
    [InlineData("--over|d", "constant")]
    [InlineData("--over|mu|--width|0", "--width needs a positive number")]
    [InlineData("--over|mu|--width|-1e-5", "--width needs a positive number")]
    [InlineData("--over|mu|--bounds|npa 2", "requests no bound 'npa 2'")]
    [InlineData("--width|1e-5", "--over NAME is required")]
    [InlineData("--over|mu|--method|newton", "--method needs auto or bisection")]
    public void Bad_arguments_are_usage_errors_with_a_plain_message(string arguments, string message)
    {
        var r = CliRunner.Run(["threshold", File(), .. arguments.Split('|')]);
        Assert.Equal(ExitCodes.UsageError, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
    }

    [Fact]
    public void A_search_prints_brackets_and_writes_them_as_json()
    {
        var json = Path.Combine(_dir, "t.json");
        var r = CliRunner.Run("threshold", File(), "--over", "mu", "--width", "1e-3", "--json", json);
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        Assert.Contains("bisection", r.Stdout);
        Assert.Contains("direct", r.Stdout);
        Assert.Contains("P_g <= 1 - 1e-6", r.Stdout);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var thresholds = doc.RootElement.GetProperty("scenarios")[0].GetProperty("thresholds");
        Assert.Equal(2, thresholds.GetArrayLength());
        foreach (var t in thresholds.EnumerateArray())
        {
            Assert.Equal("bracketed", t.GetProperty("outcome").GetString());
            // Exact: both thresholds are 1/2 for the 3-qubit GHZ with two settings (the paper's Fig. 3 text).
            Assert.InRange(0.5, t.GetProperty("lo").GetDouble(), t.GetProperty("hi").GetDouble());
            Assert.False(t.GetProperty("at_lo").GetProperty("past").GetBoolean());
            Assert.True(t.GetProperty("at_hi").GetProperty("past").GetBoolean());
        }
    }

    private static ThresholdReport Report(bool interrupted, params string[] outcomes) =>
        new("s", "mu", 0, 1, 1e-5, null, outcomes.Select(o => new ThresholdResult
        {
            Objective = "joint", Bound = "ns", Criterion = new ThresholdCriterion(ThresholdQuantity.Randomness),
            Method = ThresholdMethod.Bisection, Outcome = o,
        }).ToArray(), interrupted, 0);

    [Fact]
    public void Exit_codes_say_whether_every_applicable_search_has_an_answer()
    {
        Assert.Equal(ExitCodes.Optimal, ThresholdCommand.ExitCode(
            [Report(false, ThresholdOutcome.Bracketed, ThresholdOutcome.BelowRange, ThresholdOutcome.AboveRange, ThresholdOutcome.NotApplicable)], false));
        Assert.Equal(ExitCodes.RowsFailed, ThresholdCommand.ExitCode([Report(false, ThresholdOutcome.Bracketed, ThresholdOutcome.NotMonotone)], false));
        Assert.Equal(ExitCodes.RowsFailed, ThresholdCommand.ExitCode([Report(false, ThresholdOutcome.Failed)], false));
        Assert.Equal(ExitCodes.Interrupted, ThresholdCommand.ExitCode([Report(true, ThresholdOutcome.Interrupted)], false));
    }

    [Fact]
    public void The_help_lists_the_command() =>
        Assert.Contains("threshold", CliRunner.Run("--help").Stdout);
}
