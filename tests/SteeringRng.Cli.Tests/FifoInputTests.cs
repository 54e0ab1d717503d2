using System.Diagnostics;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// A named pipe (FIFO) with no writer, given as the scenario file, an included file or a data file (issue 16): a plain
/// open blocks forever. steer must answer at once with an input error naming it (exit 3), never hang.
/// </summary>
public sealed class FifoInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("steer-fifo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Fifo(string name)
    {
        var path = Path.Combine(_dir, name);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>steer in-process, failed when it does not return within 30 s (the hang this guards against).</summary>
    private static CliRunner.Result Within30s(params string[] args)
    {
        var task = Task.Run(() => CliRunner.Run(args));
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), $"steer {string.Join(' ', args)} blocked on a FIFO");
        return task.Result;
    }

    [SkippableFact]
    public void A_fifo_as_the_scenario_file_is_refused_at_once()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo is POSIX");
        var fifo = Fifo("scenario.scn");
        foreach (var command in new[] { "check", "run" })
        {
            var r = Within30s(command, fifo);
            Assert.Equal(ExitCodes.InputError, r.ExitCode);
            Assert.Contains("not a regular file", r.Stderr);
            Assert.DoesNotContain("internal error", r.Stderr);
        }
    }

    [SkippableFact]
    public void A_fifo_as_an_included_or_data_file_is_a_located_error()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "mkfifo is POSIX");
        Fifo("common.scn");
        Fifo("rho.txt");
        var scn = Path.Combine(_dir, "s.scn");
        File.WriteAllText(scn, """
            include "common.scn"
            node Alice trusted dim 2
            node Bob untrusted dim 2
            state = file("rho.txt")
            measure Bob: X Z
            objective o = guess Bob.X
            bounds ns
            """);
        var r = Within30s("check", scn);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("s.scn:1:", r.Stderr);
        Assert.Contains("SR1004", r.Stderr); // cannot read included file 'common.scn'
        File.WriteAllText(scn, File.ReadAllText(scn).Replace("include \"common.scn\"", "# no include"));
        r = Within30s("check", scn);
        Assert.Equal(ExitCodes.InputError, r.ExitCode);
        Assert.Contains("s.scn:4:", r.Stderr);
        Assert.Contains("SR2020", r.Stderr); // cannot read data file 'rho.txt'
    }
}
