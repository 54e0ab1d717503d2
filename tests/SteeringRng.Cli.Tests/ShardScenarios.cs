namespace SteeringRng.Cli.Tests;

/// <summary>Small sweeps for the shard, merge and Slurm tests, written into a temporary folder.</summary>
internal static class ShardScenarios
{
    /// <summary>Six points of a noisy GHZ state read from a data file, bounds NS and NPA 1 (seconds to run).</summary>
    public static string Write(string folder, string ket = "0.7071067811865476 0 0 0 0 0 0 0.7071067811865476")
    {
        File.WriteAllText(Path.Combine(folder, "ghz.txt"), ket + "\n");
        var scn = Path.Combine(folder, "ghz.scn");
        File.WriteAllText(scn, """
            node Alice trusted dim 2
            node Bob, Charlie untrusted dim 2
            param mu = 0.5 .. 1 step 0.1
            state = mu * file("ghz.txt") + (1 - mu) * white
            measure Bob, Charlie: X Y
            objective joint = guess Bob.X, Charlie.X
            bounds ns, npa 1
            """);
        return scn;
    }

    /// <summary>The JSON without its timing lines ("seconds"), the one thing a shard may change.</summary>
    public static string WithoutTimings(string json) =>
        string.Join('\n', json.Split('\n').Where(line => !line.TrimStart().StartsWith("\"seconds\"", StringComparison.Ordinal)));
}
