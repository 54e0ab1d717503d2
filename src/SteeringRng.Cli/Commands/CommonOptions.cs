using System.CommandLine;
using SteeringRng.Certification.Input;
using SteeringRng.Cli.CommandLine;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// Options several commands take, each declared here once with its wording and value check; every command gets
/// its own instance (a System.CommandLine option belongs to the commands it is added to).
/// </summary>
public static class CommonOptions
{
    public static Option<IReadOnlyList<ParamOverride>> Set(string description =
        "override a parameter: a value (mu=0.5), a range (\"mu=0.5 .. 0.6 step 0.05\") or a list (\"mu=[0.5, 0.51]\"); repeatable") =>
        Declared.Repeated("--set", "NAME=VALUE", description, ParamOverride.Parse);

    /// <summary>The --set values, each name at most once.</summary>
    /// <exception cref="UsageException">A name given twice.</exception>
    public static IReadOnlyList<ParamOverride> Overrides(ParseResult parsed, Option<IReadOnlyList<ParamOverride>> set) =>
        RunOptions.Distinct(parsed.GetValue(set) ?? []);

    public static Option<double?> MemoryLimit(string description =
        "refuse relaxations whose estimated memory exceeds SIZE (8G, 512M; default: the memory available to the process); the estimate " +
        "is printed by 'steer check FILE --estimate'") =>
        Declared.Value<double?>("--memory-limit", "SIZE", description, t => MemorySize.Parse(t));

    public static Option<bool> Force(string description =
        "go on even when an estimate exceeds the limit (exit code 3 otherwise, before anything is built)") =>
        Declared.Flag("--force", description);

    public static Option<int?> Parallel(string description = "sweep points computed at once (default: one per core)") =>
        Declared.Value<int?>("--parallel", "N", description, t => Declared.PositiveInteger("--parallel", t));

    public static Option<int?> Scenario(string description = "only the K-th scenario of the file (1 = the first)") =>
        Declared.Value<int?>("--scenario", "K", description, t => RunOptions.ScenarioNumber(t));

    public static Option<string> Solver(string description = "the SDP solver") =>
        Declared.Value("--solver", "builtin|csdp|dsdp", description, SdpOptions.SolverName, "builtin").Completing(SdpOptions.SolverNames);

    /// <summary>An option naming a path, taken as written.</summary>
    public static Option<string?> Path(string name, string helpName, string description) =>
        Declared.Value<string?>(name, helpName, description, t => t);
}
