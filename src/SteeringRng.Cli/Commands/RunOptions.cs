using System.CommandLine;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Run;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer run</c>.</summary>
public sealed record RunOptions(
    string File, IReadOnlyList<ParamOverride> Overrides, string? Json, string? Csv, string? Plot, string Solver, int? Parallelism,
    bool ScenarioOutputs = true, IReadOnlyList<string>? Bounds = null, int? Scenario = null, bool Symmetry = true,
    double? MemoryLimit = null, bool Force = false, Shard? Shard = null, PlotOptions? PlotStyle = null, bool Repair = false,
    string? Certificates = null, bool Certify = true)
{
    /// <summary>"ns, npa 1" → ["ns", "npa 1"] (spaces inside a bound collapsed).</summary>
    /// <exception cref="UsageException">An empty list.</exception>
    public static IReadOnlyList<string> BoundList(string text)
    {
        var bounds = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(b => string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        return bounds.Count > 0 ? bounds : throw new UsageException("--bounds needs a list such as \"ns,npa 1\".");
    }

    /// <summary>The number of a scenario in its file, 1 for the first.</summary>
    /// <exception cref="UsageException">Not a positive integer.</exception>
    public static int ScenarioNumber(string text) => int.TryParse(text, out var k) && k >= 1
        ? k
        : throw new UsageException($"--scenario needs a scenario number (1 = the first in the file), got '{text}'.");

    /// <exception cref="UsageException">A --set name given twice.</exception>
    public static IReadOnlyList<ParamOverride> Distinct(IReadOnlyList<ParamOverride> overrides)
    {
        var duplicate = overrides.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? overrides : throw new UsageException($"--set {duplicate.Key} is given twice.");
    }
}
