namespace SteeringRng.Cli.Tests;

/// <summary>`efficiency` statements (detection loss): each mistake is a located diagnostic SR1160–SR1164, exit 3.</summary>
public sealed class EfficiencyCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-eff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Check(string efficiencyLines, string bounds = "ns", string param = "param mu = [0.5, 1]")
    {
        var path = Path.Combine(_dir, "e.scn");
        File.WriteAllText(path, $"""
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            {param}
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y
            {efficiencyLines}
            objective joint = guess all.X
            bounds {bounds}
            """);
        return CliRunner.Run("check", path);
    }

    // line 6 holds the efficiency statement(s); columns count from 1.
    [Theory]
    [InlineData("efficiency Bob = 1.2", "e.scn:6:18: error SR1160", "between 0 and 1, got 1.2 at mu = 0.5")]
    [InlineData("efficiency Bob = 2 * mu - 1.5", "e.scn:6:18: error SR1160", "got -0.5 at mu = 0.5")]
    [InlineData("efficiency Alice = 0.9", "e.scn:6:12: error SR1161", "it is trusted")]
    [InlineData("efficiency Dave = 0.9", "e.scn:6:12: error SR2002", "unknown node 'Dave'")]
    [InlineData("efficiency Bob, Bob = 0.9", "e.scn:6:17: error SR1162", "given twice (first at line 6)")]
    [InlineData("efficiency Bob = 0.9 noclick -> 2", "e.scn:6:33: error SR1163", "noclick -> 2: setting X of 'Bob' has 2 outcomes (0 .. 1)")]
    [InlineData("efficiency Bob = 0.9i", "e.scn:6:18: error SR2013", "must be real")]
    public void A_bad_efficiency_is_a_located_error(string line, string where, string message)
    {
        var r = Check(line);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains(where, r.Stderr);
        Assert.Contains(message, r.Stderr);
    }

    [Fact]
    public void A_swept_efficiency_with_the_steering_test_is_refused_a_constant_one_is_not()
    {
        var swept = Check("efficiency Bob = mu", bounds: "ns, steering");
        Assert.Equal(ExitCodes.InputError, swept.ExitCode);
        Assert.Contains("error SR1164", swept.Stderr);
        Assert.Equal(ExitCodes.Optimal, Check("efficiency Bob = eta", bounds: "ns, steering", param: "param mu = [0.5, 1]\nparam eta = 0.9").ExitCode);
        Assert.Equal(ExitCodes.Optimal, Check("efficiency Bob = mu", bounds: "ns").ExitCode);
    }

    // The no-click outcome is counted: Bob's settings have 3 outcomes, so a guess of it is well-formed and NPA letters
    // reach outcome 1 (outcome 2, the last, is I minus the others).
    [Fact]
    public void The_no_click_outcome_is_an_outcome_of_the_node()
    {
        var r = Check("efficiency Bob = 0.9", bounds: "npa \"1+B1|0\"");
        Assert.Equal(ExitCodes.Optimal, r.ExitCode);
        var binned = Check("efficiency Bob = 0.9 noclick -> 0", bounds: "npa \"1+B1|0\"");
        Assert.Equal(ExitCodes.InputError, binned.ExitCode); // binned: two outcomes, B1|0 is the last one
    }
}
