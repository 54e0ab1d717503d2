using System.Diagnostics;
using System.Globalization;
using SteeringRng.Peers;
using SteeringRng.Sdp;

namespace SteeringRng.Benchmarks;

/// <summary>
/// SDPA 7 (the Debian `sdpa` program) as a benchmark peer: run on the SDPA file as a user would, with a parameter file
/// asking for the benchmark's tolerance (epsilonStar = epsilonDash = tolerance; SDPA may still stop earlier, at its
/// own pdFEAS/pdOPT test) and `-dimacs`, so its six DIMACS errors are its own report (SDPA writes no solution point
/// that the other peers' judge could read). SDPA's primal (min cᵀx, Σ F_i x_i − F_0 ⪰ 0) is our dual, so our
/// primal objective ⟨C, X⟩ is its objValDual.
/// </summary>
internal static class SdpaProgram
{
    public const string Executable = "sdpa";

    public static (bool Available, string Reason) Availability =>
        ExecutableSearch.Find(Executable) is null ? (false, "'sdpa' was not found on PATH (Debian/Ubuntu: apt-get install sdpa)") : (true, "");

    public static SdpSolution Solve(string problemFile, SdpSettings settings)
    {
        var folder = Directory.CreateTempSubdirectory("sdpa-bench-").FullName;
        try
        {
            var tol = settings.Tolerance.ToString("E1", CultureInfo.InvariantCulture);
            File.WriteAllLines(Path.Combine(folder, "param.sdpa"),
            [
                $"{settings.MaxIterations} unsigned int maxIteration;", $"{tol} double 0.0 < epsilonStar;", "1.0E2 double 0.0 < lambdaStar;",
                "2.0 double 1.0 < omegaStar;", "-1.0E5 double lowerBound;", "1.0E5 double upperBound;", "0.1 double 0.0 <= betaStar < 1.0;",
                "0.2 double 0.0 <= betaBar < 1.0, betaStar <= betaBar;", "0.9 double 0.0 < gammaStar < 1.0;", $"{tol} double 0.0 < epsilonDash;",
                "NOPRINT char* xPrint", "NOPRINT char* XPrint", "NOPRINT char* YPrint", "%+10.16e char* infPrint",
            ]);
            var run = PeerProcess.Run(ExecutableSearch.Find(Executable)!,
                ["-ds", Path.GetFullPath(problemFile), "-o", "out.txt", "-p", "param.sdpa", "-dimacs"], folder, settings.TimeLimit, CancellationToken.None);
            var outPath = Path.Combine(folder, "out.txt");
            var lines = File.Exists(outPath) ? File.ReadAllLines(outPath) : [];
            return Read(lines, run);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static SdpSolution Read(string[] lines, PeerRun run)
    {
        string? Value(string key) => lines.Select(l => l.Trim()).Where(l => l.StartsWith(key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf('=') + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]).FirstOrDefault();
        double Number(string key) => Value(key) is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : double.NaN;
        var dimacs = Enumerable.Range(1, 6).Select(k => Number($"err{k} =")).ToArray();
        var phase = Value("phase.value") ?? "";
        var worst = DimacsErrors.Worst(dimacs);
        var status = run.Outcome != PeerRunOutcome.Exited ? SdpStatus.TimeLimit
            : phase is "pdOPT" or "pdFEAS" && worst <= 1e-8 ? SdpStatus.Optimal
            : phase is "pdOPT" or "pdFEAS" && worst <= 1e-6 ? SdpStatus.NearOptimal
            : SdpStatus.NumericalFailure;
        return new SdpSolution
        {
            Status = status, PrimalObjective = Number("objValDual"), DualObjective = Number("objValPrimal"), Y = [],
            Dimacs = dimacs, Iterations = (int)Number("Iteration ="), Seconds = run.Seconds, Solver = "sdpa", Message = $"sdpa: {phase}",
        };
    }
}
