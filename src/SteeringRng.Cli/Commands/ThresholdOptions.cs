using System.Globalization;
using SteeringRng.Certification.Input;
using SteeringRng.Certification.Thresholds;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer threshold</c>.</summary>
public sealed record ThresholdOptions(
    string File, string Over, double Width, IReadOnlyList<string>? Bounds, string? Objective, int? Scenario, string? Json,
    IReadOnlyList<ParamOverride> Overrides, string Solver, ThresholdMethodChoice Method, int? Parallelism)
{
    /// <exception cref="UsageException">An unknown option, a missing or bad value, no --over, or not exactly one file.</exception>
    public static ThresholdOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null, over = null, objective = null, json = null;
        var width = ThresholdRequest.DefaultWidth;
        List<string>? bounds = null;
        int? scenario = null, parallelism = null;
        var solver = "builtin";
        var method = ThresholdMethodChoice.Auto;
        var overrides = new List<ParamOverride>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--over": over = Value(); break;
                case "--width":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out width) || !(width > 0) || double.IsInfinity(width))
                        throw new UsageException($"--width needs a positive number (e.g. 1e-5), got '{text}'.");
                    break;
                case "--bounds":
                    bounds = Value().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                        .Select(b => string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
                    if (bounds.Count == 0) throw new UsageException("--bounds needs a list such as \"ns,npa 1,steering\".");
                    break;
                case "--objective": objective = Value(); break;
                case "--scenario":
                    var which = Value();
                    if (!int.TryParse(which, out var k) || k < 1) throw new UsageException($"--scenario needs a scenario number (1 = the first in the file), got '{which}'.");
                    scenario = k;
                    break;
                case "--json": json = Value(); break;
                case "--set": overrides.Add(ParamOverride.Parse(Value())); break;
                case "--solver":
                    solver = Value();
                    if (!SdpOptions.SolverNames.Contains(solver))
                        throw new UsageException($"unknown solver '{solver}'; choose one of {string.Join(", ", SdpOptions.SolverNames)}.");
                    break;
                case "--method":
                    method = Value() switch
                    {
                        "auto" => ThresholdMethodChoice.Auto,
                        "bisection" => ThresholdMethodChoice.Bisection,
                        var m => throw new UsageException($"--method needs auto or bisection, got '{m}'."),
                    };
                    break;
                case "--parallel":
                    var n = Value();
                    if (!int.TryParse(n, out var p) || p < 1) throw new UsageException($"--parallel needs a positive integer, got '{n}'.");
                    parallelism = p;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
                    file = arg;
                    break;
            }
        }
        var duplicate = overrides.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UsageException($"--set {duplicate.Key} is given twice.");
        return new ThresholdOptions(file ?? throw new UsageException("no scenario file given."),
            over ?? throw new UsageException("--over NAME is required: the parameter to search (e.g. --over mu)."),
            width, bounds, objective, scenario, json, overrides, solver, method, parallelism);
    }
}
