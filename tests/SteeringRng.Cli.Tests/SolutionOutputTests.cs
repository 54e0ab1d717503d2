using System.Text.Json;
using SteeringRng.Cli.Output;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Tests;

public class SolutionOutputTests
{
    private static SdpSolution Sample(double primal, double dual, double[] dimacs) => new()
    {
        Status = SdpStatus.NearOptimal, PrimalObjective = primal, DualObjective = dual, Y = [1],
        Dimacs = dimacs, Iterations = 7, Seconds = 0.25, Solver = "test", Message = "hello",
    };

    [Fact]
    public void Non_finite_numbers_become_null_and_the_message_says_so()
    {
        var writer = new StringWriter();
        SolutionJson.Write(Sample(double.NaN, double.NegativeInfinity, [0, 1e-9, double.PositiveInfinity, 0, 0, 0]), writer);
        using var doc = JsonDocument.Parse(writer.ToString());
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("primalObjective").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("dualObjective").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("dimacs")[2].ValueKind);
        Assert.Equal(1e-9, root.GetProperty("dimacs")[1].GetDouble());
        Assert.Equal("hello; written as null: primalObjective is NaN, dualObjective is -Infinity, dimacs[2] is +Infinity",
            root.GetProperty("message").GetString());
    }

    [Fact]
    public void Json_numbers_round_trip_exactly()
    {
        var writer = new StringWriter();
        SolutionJson.Write(Sample(0.1 + 0.2, Math.Sqrt(5), [0, 0, 0, 0, 0, 0]), writer);
        using var doc = JsonDocument.Parse(writer.ToString());
        Assert.Equal(0.1 + 0.2, doc.RootElement.GetProperty("primalObjective").GetDouble());
        Assert.Equal(Math.Sqrt(5), doc.RootElement.GetProperty("dualObjective").GetDouble());
        Assert.Equal(7, doc.RootElement.GetProperty("iterations").GetInt32());
        Assert.Equal("NearOptimal", doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Text_prints_objectives_in_full_precision()
    {
        var writer = new StringWriter();
        SolutionText.Write(Sample(0.1 + 0.2, -1.0 / 3, [0, 0, 0, 0, 0, 0]), writer);
        var text = writer.ToString();
        Assert.Contains("primal      0.30000000000000004", text);
        Assert.Contains("dual        -0.3333333333333333", text);
        Assert.Contains("status      NearOptimal", text);
    }

    [Theory]
    [InlineData(SdpStatus.Optimal, ExitCodes.Optimal)]
    [InlineData(SdpStatus.NearOptimal, ExitCodes.NearOptimal)]
    [InlineData(SdpStatus.PrimalInfeasible, ExitCodes.Infeasible)]
    [InlineData(SdpStatus.DualInfeasible, ExitCodes.Infeasible)]
    [InlineData(SdpStatus.IterationLimit, ExitCodes.Limit)]
    [InlineData(SdpStatus.TimeLimit, ExitCodes.Limit)]
    [InlineData(SdpStatus.NumericalFailure, ExitCodes.NumericalFailure)]
    public void Every_status_has_its_exit_code(SdpStatus status, int code) => Assert.Equal(code, ExitCodes.FromStatus(status));
}
