namespace SteeringRng.Cli.Tests;

/// <summary>A temporary folder for scenario files written by a test, deleted with it; and the small scenario the
/// hostile-input and output-safety tests vary.</summary>
internal sealed class ScenarioFolder(string prefix) : IDisposable
{
    /// <summary>Bob's X guessed at two points, bound NS: seconds to run.</summary>
    public const string SmallScenario = """
        node Alice trusted dim 2
        node Bob untrusted dim 2
        param mu = [0.5, 1]
        state = mu * ghz + (1 - mu) * white
        measure Bob: X Z
        objective g = guess Bob.X
        bounds ns
        """;

    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
