using System.CommandLine;
using System.Globalization;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Sdp;

namespace SteeringRng.Cli.Commands;

/// <summary>The parsed arguments of <c>steer sdp</c>.</summary>
public sealed record SdpOptions(string File, string Solver, bool Json, SdpSettings Settings, bool Certify = false, double? TraceBound = null)
{
    public static readonly string[] SolverNames = ["builtin", "csdp", "dsdp"];

    /// <summary>A solver name of <see cref="SolverNames"/>.</summary>
    /// <exception cref="UsageException">Another name.</exception>
    public static string SolverName(string name) => SolverNames.Contains(name)
        ? name
        : throw new UsageException($"unknown solver '{name}'; choose one of {string.Join(", ", SolverNames)}.");

    /// <summary>A finite number given to <paramref name="option"/>.</summary>
    /// <exception cref="UsageException">Not a finite number.</exception>
    public static double Number(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{option} needs a number, got '{text}'.");
}

/// <summary>The options of <c>steer sdp</c>, declared once: help, completion and parsing come from this.</summary>
public sealed class SdpSyntax
{
    private readonly Argument<string[]> files = Declared.FileArguments("FILE.dat-s", "the SDP in SDPA sparse format");
    private readonly Option<string> solver = Declared.Value("--solver", "builtin|csdp|dsdp",
        "builtin (default), csdp (needs 'csdp' on PATH), dsdp (needs 'dsdp5' on PATH)", SdpOptions.SolverName, "builtin").Completing(SdpOptions.SolverNames);
    private readonly Option<bool> json = Declared.Flag("--json",
        "print one JSON object: status, primalObjective, dualObjective, iterations, seconds, dimacs (6 numbers), solver, message; non-finite numbers are null");
    private readonly Option<double?> tolerance = Declared.Value<double?>("--tolerance", "T",
        "target for all DIMACS errors, 0 < T < 1 (default 1e-8)", Tolerance);
    private readonly Option<LinearAlgebraBackend?> backend = Declared.Value<LinearAlgebraBackend?>("--backend", "auto|managed|native",
        "dense kernels of the built-in solver: auto (default), managed, native", Backend).Completing("auto", "managed", "native");
    private readonly Option<int?> maxIterations = Declared.Value<int?>("--max-iterations", "N", "iteration limit (default 100)", MaxIterations);
    private readonly Option<double?> timeLimit = Declared.Value<double?>("--time-limit", "SECONDS", "wall-time limit in seconds (default 3600)", TimeLimit);
    private readonly Option<bool> certify = Declared.Flag("--certify",
        "also prove an enclosure of the optimal value in exact rational arithmetic: lower <= opt(D) from X (moved exactly onto A(X) = b, " +
        "proven PSD), upper >= opt(P) from y (Z = sum y_i A_i - C formed exactly, proven PSD); a side that cannot be proven is printed " +
        "as 'not certified' with the reason (docs/formulations/certificates.md)");
    private readonly Option<double?> traceBound = Declared.Value<double?>("--trace-bound", "R",
        "with --certify: R >= Tr X and R >= Tr Z for every feasible point; lets a side whose matrix is not proven PSD still give a " +
        "bound (minus/plus R * |lambda_min|)", TraceBound);

    public Command Declare(string name, string summary) => new(name, summary + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "Solves  (P) max <C,X> s.t. <A_i,X> = b_i, X psd   and   (D) min b'y s.t. sum y_i A_i - C psd",
        "(SDPA: the c vector is b, F0 is C, Fi is A_i) and prints the status, both objectives (full precision),",
        "the six DIMACS errors, the iterations and the wall time. An infeasibility verdict (exit 4) is given only",
        "when its certificate passes our own check (relative to the data's scale); a claim whose certificate fails",
        "it is reported as a numerical failure (exit 6).",
    ]))
    {
        files, solver, json, tolerance, backend, maxIterations, timeLimit, certify, traceBound,
    };

    /// <exception cref="UsageException">Not exactly one file, or --trace-bound without --certify.</exception>
    public SdpOptions Read(ParseResult parsed)
    {
        var file = Declared.OneFile(parsed, files, "no input file given.");
        var settings = SdpSettings.Default;
        if (parsed.GetValue(tolerance) is { } t)
            settings = settings with { Tolerance = t, NearOptimalTolerance = Math.Max(t, settings.NearOptimalTolerance) };
        if (parsed.GetValue(backend) is { } b) settings = settings with { Backend = b };
        if (parsed.GetValue(maxIterations) is { } n) settings = settings with { MaxIterations = n };
        if (parsed.GetValue(timeLimit) is { } s) settings = settings with { TimeLimit = TimeSpan.FromSeconds(s) };
        var certifying = parsed.GetValue(certify);
        var tau = parsed.GetValue(traceBound);
        if (tau is not null && !certifying) throw new UsageException("--trace-bound needs --certify.");
        return new SdpOptions(file, parsed.GetValue(solver)!, parsed.GetValue(json), settings, certifying, tau);
    }

    private static double? Tolerance(string text) => SdpOptions.Number("--tolerance", text) is var t && t > 0 && t < 1
        ? t
        : throw new UsageException($"--tolerance must be in (0, 1), got {SdpOptions.Number("--tolerance", text)}.");

    private static LinearAlgebraBackend? Backend(string text) => text switch
    {
        "auto" => LinearAlgebraBackend.Auto,
        "managed" => LinearAlgebraBackend.Managed,
        "native" => LinearAlgebraBackend.Native,
        _ => throw new UsageException($"unknown backend '{text}'; choose auto, managed or native."),
    };

    private static int? MaxIterations(string text) => SdpOptions.Number("--max-iterations", text) is var n && n >= 1 && n == Math.Floor(n) && n <= int.MaxValue
        ? (int)n
        : throw new UsageException($"--max-iterations must be a positive integer, got {SdpOptions.Number("--max-iterations", text)}.");

    private static double? TimeLimit(string text) => SdpOptions.Number("--time-limit", text) is var s && s > 0 && s <= TimeSpan.MaxValue.TotalSeconds / 2
        ? s
        : throw new UsageException($"--time-limit must be a positive number of seconds, got {SdpOptions.Number("--time-limit", text)}.");

    private static double? TraceBound(string text) => SdpOptions.Number("--trace-bound", text) is var tau && tau > 0
        ? tau
        : throw new UsageException($"--trace-bound must be a positive number, got {SdpOptions.Number("--trace-bound", text)}.");
}
