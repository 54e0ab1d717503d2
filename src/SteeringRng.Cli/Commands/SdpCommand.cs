using SteeringRng.Cli.Output;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer sdp FILE.dat-s</c>: solve an SDPA file and report status, objectives and DIMACS errors.</summary>
public sealed class SdpCommand : ICommand
{
    public string Name => "sdp";

    public string Summary => "solve an SDP in SDPA sparse format (.dat-s) with the built-in solver, CSDP or DSDP";

    public string Usage => string.Join(Environment.NewLine,
    [
        "Usage: steer sdp FILE.dat-s [--solver builtin|csdp|dsdp] [--json] [--tolerance T] [--certify [--trace-bound R]]",
        "                 [--backend auto|managed|native] [--max-iterations N] [--time-limit SECONDS]",
        "",
        "Solves  (P) max <C,X> s.t. <A_i,X> = b_i, X psd   and   (D) min b'y s.t. sum y_i A_i - C psd",
        "(SDPA: the c vector is b, F0 is C, Fi is A_i) and prints the status, both objectives (full precision),",
        "the six DIMACS errors, the iterations and the wall time. An infeasibility verdict (exit 4) is given only",
        "when its certificate passes our own check (relative to the data's scale); a claim whose certificate fails",
        "it is reported as a numerical failure (exit 6).",
        "",
        "Options:",
        "  --solver NAME         builtin (default), csdp (needs 'csdp' on PATH), dsdp (needs 'dsdp5' on PATH)",
        "  --json                print one JSON object: status, primalObjective, dualObjective, iterations,",
        "                        seconds, dimacs (6 numbers), solver, message; non-finite numbers are null",
        "  --tolerance T         target for all DIMACS errors, 0 < T < 1 (default 1e-8)",
        "  --backend B           dense kernels of the built-in solver: auto (default), managed, native",
        "  --max-iterations N    iteration limit (default 100)",
        "  --time-limit S        wall-time limit in seconds (default 3600)",
        "  --certify             also prove an enclosure of the optimal value in exact rational arithmetic:",
        "                        lower <= opt(D) from X (moved exactly onto A(X) = b, proven PSD), upper >= opt(P)",
        "                        from y (Z = sum y_i A_i - C formed exactly, proven PSD); a side that cannot be",
        "                        proven is printed as 'not certified' with the reason (docs/formulations/certificates.md)",
        "  --trace-bound R       with --certify: R >= Tr X and R >= Tr Z for every feasible point; lets a side whose",
        "                        matrix is not proven PSD still give a bound (minus/plus R * |lambda_min|)",
    ]);

    public int Execute(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        var options = SdpOptions.Parse(arguments);
        var solver = SolverCatalog.Create(options.Solver);
        var (available, reason) = solver.Availability;
        if (!available)
        {
            stderr.WriteLine($"steer sdp: solver '{solver.Name}' is not available: {reason}");
            return ExitCodes.SolverUnavailable;
        }
        var problem = Load(options.File);
        var solution = Verified(problem, solver.Solve(problem, options.Settings), options.Settings);
        var enclosure = options.Certify && Sdp.Certificates.Enclosure.Of(problem, solution, options.TraceBound) is var e ? e : null;
        if (options.Json) SolutionJson.Write(solution, stdout, enclosure);
        else
        {
            SolutionText.Write(solution, stdout);
            if (enclosure is not null) EnclosureText.Write(enclosure, stdout);
        }
        return ExitCodes.FromStatus(solution.Status);
    }

    /// <summary>
    /// Exit code 4 promises a certificate, so an infeasibility claim (of any solver) stands only if its certificate
    /// passes <see cref="Sdp.InfeasibilityCertificate"/> at the near-optimal tolerance, in equilibrated units;
    /// otherwise the answer is a numerical failure that quotes the claim and why its certificate failed.
    /// </summary>
    private static Sdp.SdpSolution Verified(Sdp.SdpProblem problem, Sdp.SdpSolution solution, Sdp.SdpSettings settings)
    {
        if (solution.Status is not (Sdp.SdpStatus.PrimalInfeasible or Sdp.SdpStatus.DualInfeasible)) return solution;
        var check = Sdp.InfeasibilityCertificate.Check(problem, solution, settings.NearOptimalTolerance);
        if (check.Valid) return solution;
        return solution with
        {
            Status = Sdp.SdpStatus.NumericalFailure, PrimalObjective = double.NaN, DualObjective = double.NaN,
            Message = $"{solution.Solver} claimed {solution.Status}, but its certificate fails the check: {check.Detail}. {solution.Message}",
        };
    }

    private static Sdp.SdpProblem Load(string file)
    {
        if (!File.Exists(file))
            throw new InputException(Directory.Exists(file) ? $"'{file}' is a folder, not an SDPA file." : $"file not found: '{file}'.");
        try { return SdpaReader.ReadFile(file); }
        catch (SdpaFormatException e) { throw new InputException($"malformed SDPA file: {e.Message}"); }
        catch (IOException e) { throw new InputException($"cannot read '{file}': {e.Message}"); }
        catch (UnauthorizedAccessException) { throw new InputException($"cannot read '{file}': permission denied."); }
    }
}
