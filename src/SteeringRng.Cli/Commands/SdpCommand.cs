using System.CommandLine;
using SteeringRng.Cli.CommandLine;
using SteeringRng.Cli.Output;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Cli.Commands;

/// <summary><c>steer sdp FILE.dat-s</c>: solve an SDPA file and report status, objectives and DIMACS errors.</summary>
public sealed class SdpCommand : ISteerCommand
{
    public string Name => "sdp";

    public string Summary => "solve an SDP in SDPA sparse format (.dat-s) with the built-in solver, CSDP or DSDP";

    private readonly SdpSyntax syntax = new();

    public Command Declare() => syntax.Declare(Name, Summary);

    public int Execute(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var options = syntax.Read(parsed);
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
