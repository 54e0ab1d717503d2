namespace SteeringRng.Sdp.Tests;

/// <summary>Locates the repository root (the folder holding SteeringRng.sln) from the test binaries.</summary>
internal static class SdpaTestPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestData(string name) => Path.Combine(Root, "tests", "data", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SteeringRng.sln"))) return dir.FullName;
        throw new InvalidOperationException("SteeringRng.sln not found above " + AppContext.BaseDirectory);
    }
}
