using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer sdp</c>.</summary>
public sealed record SdpOptions(string File, string Solver, bool Json, SdpSettings Settings, bool Certify = false, double? TraceBound = null)
{
    public static readonly string[] SolverNames = ["builtin", "csdp", "dsdp"];

    /// <exception cref="UsageException">An unknown option, a missing or bad value, or not exactly one file.</exception>
    public static SdpOptions Parse(IReadOnlyList<string> args)
    {
        string? file = null;
        var solver = "builtin";
        var json = false;
        var settings = SdpSettings.Default;
        var certify = false;
        double? traceBound = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"option {arg} needs a value.");
            switch (arg)
            {
                case "--solver":
                    solver = Value();
                    if (!SolverNames.Contains(solver))
                        throw new UsageException($"unknown solver '{solver}'; choose one of {string.Join(", ", SolverNames)}.");
                    break;
                case "--json":
                    json = true;
                    break;
                case "--certify":
                    certify = true;
                    break;
                case "--trace-bound":
                    var tau = Number(arg, Value());
                    if (!(tau > 0)) throw new UsageException($"--trace-bound must be a positive number, got {tau}.");
                    traceBound = tau;
                    break;
                case "--tolerance":
                    var tolerance = Number(arg, Value());
                    if (!(tolerance > 0 && tolerance < 1)) throw new UsageException($"--tolerance must be in (0, 1), got {tolerance}.");
                    settings = settings with
                    {
                        Tolerance = tolerance, NearOptimalTolerance = Math.Max(tolerance, settings.NearOptimalTolerance),
                    };
                    break;
                case "--backend":
                    var backend = Value();
                    settings = settings with
                    {
                        Backend = backend switch
                        {
                            "auto" => LinearAlgebraBackend.Auto,
                            "managed" => LinearAlgebraBackend.Managed,
                            "native" => LinearAlgebraBackend.Native,
                            _ => throw new UsageException($"unknown backend '{backend}'; choose auto, managed or native."),
                        },
                    };
                    break;
                case "--max-iterations":
                    var iterations = Number(arg, Value());
                    if (iterations < 1 || iterations != Math.Floor(iterations) || iterations > int.MaxValue)
                        throw new UsageException($"--max-iterations must be a positive integer, got {iterations}.");
                    settings = settings with { MaxIterations = (int)iterations };
                    break;
                case "--time-limit":
                    var seconds = Number(arg, Value());
                    if (!(seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2))
                        throw new UsageException($"--time-limit must be a positive number of seconds, got {seconds}.");
                    settings = settings with { TimeLimit = TimeSpan.FromSeconds(seconds) };
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1) throw new UsageException($"unknown option '{arg}'.");
                    if (file is not null) throw new UsageException($"only one file is accepted, got '{file}' and '{arg}'.");
                    file = arg;
                    break;
            }
        }
        if (traceBound is not null && !certify) throw new UsageException("--trace-bound needs --certify.");
        return new SdpOptions(file ?? throw new UsageException("no input file given."), solver, json, settings, certify, traceBound);
    }

    private static double Number(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{option} needs a number, got '{text}'.");
}
