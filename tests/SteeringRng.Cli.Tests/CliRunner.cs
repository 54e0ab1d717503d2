namespace SteeringRng.Cli.Tests;

/// <summary>Runs <c>steer</c> in-process and captures its exit code and both output streams.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static string Root { get; } = FindRoot();

    public static string TestData(string name) => Path.Combine(Root, "tests", "data", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SteeringRng.sln"))) return dir.FullName;
        throw new InvalidOperationException("SteeringRng.sln not found above " + AppContext.BaseDirectory);
    }
}
