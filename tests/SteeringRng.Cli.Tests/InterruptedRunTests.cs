namespace SteeringRng.Cli.Tests;

/// <summary>steer run stopped by Ctrl-C (here: the caller's token): files still written, marked interrupted.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-int-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_interrupted_run_still_writes_its_files_marked_interrupted_and_exits_10()
    {
        var scn = Path.Combine(_dir, "ghz.scn");
        File.WriteAllText(scn, """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.5 .. 1 step 0.1
            state = mu * ghz + (1 - mu) * white
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            bounds ns
            """);
        var json = Path.Combine(_dir, "r.json");
        var csv = Path.Combine(_dir, "r.csv");
        using var cts = new CancellationTokenSource();
        cts.Cancel(); // as if Ctrl-C came before the first point finished
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = new CommandLine.SteerCommandLine([new Commands.RunCommand(cts.Token)]).Run(["run", scn, "--json", json, "--csv", csv], stdout, stderr);
        Assert.Equal(ExitCodes.Interrupted, code);
        var report = SteeringRng.Reporting.ReportJsonReader.Parse(File.ReadAllText(json));
        Assert.True(report.Interrupted);
        Assert.All(report.Rows, r => Assert.Equal(SteeringRng.Certification.Results.RowStatus.Skipped, r.Status));
        Assert.True(File.Exists(csv));
        Assert.Contains("interrupted", stderr.ToString());
        Assert.Contains("The run was interrupted", stdout.ToString());
    }
}
