using System.CommandLine;
using System.Globalization;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Thresholds;
using SteeringRng.Cli.CommandLine;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer threshold</c>.</summary>
public sealed record ThresholdOptions(
    string File, string Over, double Width, IReadOnlyList<string>? Bounds, string? Objective, int? Scenario, string? Json,
    IReadOnlyList<ParamOverride> Overrides, string Solver, ThresholdMethodChoice Method, int? Parallelism);

/// <summary>The options of <c>steer threshold</c>, declared once.</summary>
public sealed class ThresholdSyntax
{
    private readonly Argument<string[]> files = Declared.FileArguments("FILE.scn", "the scenario file");
    private readonly Option<string?> over = CommonOptions.Path("--over", "NAME",
        "the parameter to search (required); its range is the declared one (narrow it with --set)");
    private readonly Option<double> width = Declared.Value("--width", "W", "the largest bracket width", Width, ThresholdRequest.DefaultWidth);
    private readonly Option<IReadOnlyList<string>?> bounds = Declared.Value<IReadOnlyList<string>?>("--bounds", "LIST",
        "only these of the scenario's bounds, e.g. \"ns,npa 1,steering\"", RunOptions.BoundList);
    private readonly Option<string?> objective = CommonOptions.Path("--objective", "NAME", "only this objective (the steering test is kept: it has no objective)");
    private readonly Option<int?> scenario = CommonOptions.Scenario();
    private readonly Option<string?> json = CommonOptions.Path("--json", "PATH", "write the brackets as JSON (src/SteeringRng.Reporting/THRESHOLD-JSON-CONTRACT.md)");
    private readonly Option<IReadOnlyList<ParamOverride>> set = CommonOptions.Set("override a parameter, as for steer run; repeatable");
    private readonly Option<ThresholdMethodChoice> method = Declared.Value("--method", "auto|bisection",
        "auto (direct where it applies, else bisection) or bisection (everywhere)", Method, ThresholdMethodChoice.Auto).Completing("auto", "bisection");
    private readonly Option<string> solver = CommonOptions.Solver();
    private readonly Option<int?> parallel = CommonOptions.Parallel("searches run at once (default: one per core)");

    public Command Declare(string name, string description) => new(name, description)
    {
        files, over, width, bounds, objective, scenario, json, set, method, solver, parallel,
    };

    /// <exception cref="UsageException">Not exactly one file, no --over, or a --set name twice.</exception>
    public ThresholdOptions Read(ParseResult parsed)
    {
        var file = Declared.OneFile(parsed, files, "no scenario file given.");
        var overrides = CommonOptions.Overrides(parsed, set);
        var parameter = parsed.GetValue(over) ?? throw new UsageException("--over NAME is required: the parameter to search (e.g. --over mu).");
        return new ThresholdOptions(file, parameter, parsed.GetValue(width), parsed.GetValue(bounds), parsed.GetValue(objective),
            parsed.GetValue(scenario), parsed.GetValue(json), overrides, parsed.GetValue(solver)!, parsed.GetValue(method), parsed.GetValue(parallel));
    }

    private static double Width(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var width) && width > 0 && !double.IsInfinity(width)
            ? width
            : throw new UsageException($"--width needs a positive number (e.g. 1e-5), got '{text}'.");

    private static ThresholdMethodChoice Method(string text) => text switch
    {
        "auto" => ThresholdMethodChoice.Auto,
        "bisection" => ThresholdMethodChoice.Bisection,
        _ => throw new UsageException($"--method needs auto or bisection, got '{text}'."),
    };
}
