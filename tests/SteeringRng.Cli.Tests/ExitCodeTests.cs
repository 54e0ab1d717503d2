using SteeringRng.Certification.Results;
using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Tests;

/// <summary>How <c>steer run</c> turns the engine's rows into an exit code (ExitCodes' table).</summary>
public class ExitCodeTests
{
    private static RunReport Report(bool interrupted, params string[] statuses) =>
        new("s", statuses.Select(s => ResultRow.Failed(ParameterSet.Empty, "joint", "ns", s, "")).ToArray(), interrupted);

    [Fact]
    public void An_interrupted_report_exits_10() =>
        Assert.Equal(ExitCodes.Interrupted, RunCommand.ExitCode([Report(true, RowStatus.Skipped)], interrupted: false));

    [Fact]
    public void A_row_without_a_value_exits_9_but_not_applicable_rows_do_not_count()
    {
        Assert.Equal(ExitCodes.RowsFailed, RunCommand.ExitCode([Report(false, RowStatus.Optimal, RowStatus.NumericalFailure)], false));
        Assert.Equal(ExitCodes.Optimal, RunCommand.ExitCode([Report(false, RowStatus.Optimal, RowStatus.NotApplicable)], false));
    }

    [Fact]
    public void Near_optimal_rows_exit_1() =>
        Assert.Equal(ExitCodes.NearOptimal, RunCommand.ExitCode([Report(false, RowStatus.Optimal, RowStatus.NearOptimal)], false));

    [Fact]
    public void The_documented_code_of_every_row_status_is_the_runs_code()
    {
        // ExitCodes.RunRowCodes is what the help text and README promise; RunCommand.ExitCode must keep it.
        foreach (var (status, code) in ExitCodes.RunRowCodes)
            Assert.True(code == RunCommand.ExitCode([Report(false, RowStatus.Optimal, status)], false), $"{status} should give {code}");
        var words = typeof(RowStatus).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(words.Order(), ExitCodes.RunRowCodes.Select(r => r.Status).Order());
    }
}
