using System.CommandLine;
using SteeringRng.Certification;
using SteeringRng.Certification.Run;
using SteeringRng.Certification.Thresholds;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Reporting;

namespace SteeringRng.Cli.Commands;

/// <summary>
/// <c>steer threshold FILE --over mu</c>: for every bound and objective of the file's scenarios, the smallest value of
/// the parameter with randomness (or steering), as a bracket with the evidence at both ends. The search is the
/// engine's (<see cref="CertificationEngine.Thresholds"/>); this class parses arguments and prints. Ctrl-C stops
/// every search with the bracket it had.
/// </summary>
public sealed class ThresholdCommand(CancellationToken external = default) : ISteerCommand
{
    public string Name => "threshold";

    public string Summary => "the smallest parameter value with randomness / steering, per bound: a bracket with evidence";

    private readonly ThresholdSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary.Trim() + Environment.NewLine + Environment.NewLine + string.Join(Environment.NewLine,
    [
        "For every requested bound and objective, the smallest value of the parameter NAME, within its declared range,",
        "where the bound certifies randomness (P_g <= 1 - 1e-6, i.e. H_min > 0) or, for the steering test, where the",
        "state is steerable (v* < 1 - 1e-6). The answer is a bracket [lo, hi] with hi - lo <= W: not past the threshold",
        "at lo, past it at hi, with P_g or v* and the solver status at both ends. Methods: bisection on the parameter",
        "(each relaxation built once, its data swapped at every probe); for the steering test on a state",
        "mu*rho + (1-mu)*I/D the direct method, mu* = the critical visibility at mu = 1 (one solve, confirmed at both",
        "ends). Monotonicity in the parameter holds for such mixtures and is checked on the evaluated points; if the",
        "numbers are not monotone no bracket is claimed. Every other parameter must be fixed (--set NAME=VALUE).",
        "Exit code 9 when a search found no answer (a failed solve, numbers not monotone), 10 when interrupted.",
    ]));

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
        var solver = SolverCatalog.Create(options.Solver);
        var (available, reason) = solver.Availability;
        if (!available)
        {
            stderr.WriteLine($"steer threshold: solver '{solver.Name}' is not available: {reason}");
            return ExitCodes.SolverUnavailable;
        }
        var loaded = ScenarioInput.LoadOrReport(options.File, options.Overrides, stderr);
        if (loaded is null) return ExitCodes.InputError;
        var scenarios = loaded.Result.Scenarios;
        if (options.Scenario is { } only)
        {
            if (only > scenarios.Count)
                throw new UsageException($"--scenario {only}: '{options.File}' holds {scenarios.Count} scenario(s).");
            scenarios = [scenarios[only - 1]];
        }
        var request = new ThresholdRequest(options.Over)
        {
            Width = options.Width, Bounds = options.Bounds, Objective = options.Objective, Method = options.Method,
        };
        var settings = RunSettings.Default with { Parallelism = options.Parallelism ?? Math.Max(1, Environment.ProcessorCount) };
        // Every scenario is planned before any is solved, so a bad argument fails at once, not after minutes of work.
        var searches = scenarios.Select(s => ThresholdSearch.Plan(s, request, settings)).ToList();

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true; // stop cleanly: print the brackets found so far
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        var reports = new List<ThresholdReport>();
        try
        {
            foreach (var search in searches)
            {
                if (reports.Count > 0) stdout.WriteLine();
                var report = search.Execute(solver, cancellation.Token);
                reports.Add(report);
                ThresholdText.Write(report, stdout);
                if (cancellation.IsCancellationRequested) break;
            }
        }
        finally { Console.CancelKeyPress -= onCancel; }
        if (options.Json is { } json)
        {
            using (var stream = File.Create(json)) ThresholdJsonWriter.Write(reports, stream);
            stderr.WriteLine($"wrote {json}");
        }
        return ExitCode(reports, cancellation.IsCancellationRequested);
    }

    /// <summary>10 interrupted; 9 when an applicable search has no answer; else 0.</summary>
    public static int ExitCode(IReadOnlyList<ThresholdReport> reports, bool interrupted)
    {
        if (interrupted || reports.Any(r => r.Interrupted)) return ExitCodes.Interrupted;
        var outcomes = reports.SelectMany(r => r.Results).Select(r => r.Outcome).Where(o => o != ThresholdOutcome.NotApplicable);
        return outcomes.All(ThresholdOutcome.IsAnswer) ? ExitCodes.Optimal : ExitCodes.RowsFailed;
    }
}
