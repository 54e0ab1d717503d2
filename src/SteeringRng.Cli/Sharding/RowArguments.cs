using SteeringRng.Cli.Commands;

namespace SteeringRng.Cli.Sharding;

/// <summary>
/// The options of <c>steer run</c> that decide a sweep's rows (--set, --bounds, --solver, --no-symmetry, --repair): recorded in a
/// partial result so that <c>steer merge</c> can name the command that reruns a missing shard, and compared (all but
/// --set, which the scenario's content hash covers) so that parts computed differently are never joined.
/// </summary>
public static class RowArguments
{
    public static IReadOnlyList<string> Of(RunOptions options)
    {
        var arguments = new List<string>();
        foreach (var o in options.Overrides) arguments.AddRange(["--set", $"{o.Name}={o.ValueText}"]);
        if (options.Bounds is { } bounds) arguments.AddRange(["--bounds", string.Join(",", bounds)]);
        if (options.Solver != "builtin") arguments.AddRange(["--solver", options.Solver]);
        if (!options.Symmetry) arguments.Add("--no-symmetry");
        if (options.Repair) arguments.Add("--repair");
        return arguments;
    }

    /// <summary>The settings besides content, as one text that is equal exactly when the settings are.</summary>
    public static string Settings(RunOptions options) =>
        $"solver={options.Solver}; bounds={(options.Bounds is { } b ? string.Join(",", b) : "all")}; symmetry={(options.Symmetry ? "on" : "off")}{(options.Repair ? "; repair=on" : "")}";
}
