using SteeringRng.Certification.Results;
using SteeringRng.Certification.Tests.Support;
using SteeringRng.Sdp;

namespace SteeringRng.Certification.Tests.Jobs;

/// <summary>
/// The steering test's v* is relative to the point's state; for a family mixed with white noise the row also carries
/// the family's critical parameter: w(p*) = v* · w(p) (docs/formulations/steering-test.md). GHZ with N = 4 qubits and
/// settings X, Y has the threshold μ* = 1/(2√2) = 0.353553 (samples/fig3-thresholds.scn), so at μ = 0.5 v* = 1/√2.
/// </summary>
public class CriticalParameterTests
{
    private static ResultRow SteeringRow(string state, string param = "param mu = 0.5")
    {
        var run = Scenarios.Plan($"""
            node Alice trusted dim 2
            node Bob, Charlie, Dave untrusted dim 2
            {param}
            state = {state}
            measure Bob, Charlie, Dave: X Y
            bounds steering
            """);
        var row = run.Execute(new InteriorPointSolver()).Rows.Single();
        Assert.True(row.Status == RowStatus.Optimal, $"{row.Status} {row.Message}");
        return row;
    }

    [Fact]
    public void GhzAtHalf_GivesVisibilityOneOverRoot2_AndTheCriticalMu_Exactly()
    {
        var row = SteeringRow("mu * ghz + (1 - mu) * white");
        Assert.Equal(Math.Sqrt(0.5), row.CriticalVisibility!.Value, 1e-6);
        var critical = Assert.Single(row.Critical!);
        Assert.Equal("mu", critical.Key);
        Assert.Equal(Math.Sqrt(2) / 4, critical.Value, 1e-6);
        Assert.Contains("critical mu = 0.3536", row.Message);
        Assert.Contains("relative to this point's state", row.Message);
    }

    [Fact]
    public void AlongASweep_EveryPointGivesTheSameCriticalMu()
    {
        var run = Scenarios.Plan("""
            node Alice trusted dim 2
            node Bob, Charlie, Dave untrusted dim 2
            param mu = [0.5, 0.8, 1]
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie, Dave: X Y
            bounds steering
            """);
        var rows = run.Execute(new InteriorPointSolver()).Rows;
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(Math.Sqrt(2) / 4, Assert.Single(r.Critical!).Value, 1e-6));
    }

    [Fact]
    public void AnAffineWeight_IsSolvedForTheParameter()
    {
        // w(p) = 1 − p: at p = 0.5 the weight is 0.5 again, so w(p*) = 0.5/√2 and p* = 1 − √2/4.
        var row = SteeringRow("(1 - p) * ghz + p * white", "param p = 0.5");
        Assert.Equal(1 - Math.Sqrt(2) / 4, Assert.Single(row.Critical!).Value, 1e-6);
        Assert.Contains("critical p = 0.6464", row.Message);
    }

    [Fact]
    public void AStateThatIsNoWhiteNoiseFamily_HasNoCriticalParameter()
    {
        var row = SteeringRow("0.5 * ghz + 0.5 * white");
        Assert.Null(row.Critical);
        Assert.DoesNotContain("critical", row.Message);
    }
}
