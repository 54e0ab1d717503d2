using System.Diagnostics;
using System.Globalization;
using SteeringRng.Peers;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

namespace SteeringRng.Benchmarks;

/// <summary>
/// One solve in a fresh benchmark process, so that each solver's peak memory is its own (getrusage, see
/// <see cref="PeakMemory"/>) and no solve inherits another's heap or caches. The parent runs
/// <c>benchmark --one SOLVER BACKEND FILE YFILE TOL SECONDS</c>; the child solves FILE, writes y to YFILE and prints one
/// line <c>RESULT|status|iterations|seconds|cpu|primal|dual|e1..e6|peakMB|phase fields</c> (<see cref="PhaseTimes"/>, NaN for peers).
/// </summary>
internal static class IsolatedSolve
{
    public const string Flag = "--one";
    private const string Marker = "RESULT|";

    /// <summary>The child's side: returns the process exit code.</summary>
    public static int RunChild(string[] args)
    {
        var (solverName, backend, file, yFile) = (args[1], Enum.Parse<LinearAlgebraBackend>(args[2]), args[3], args[4]);
        var verbose = Environment.GetEnvironmentVariable("STEERINGRNG_BENCH_VERBOSE") == "1";
        var phases = PhaseTimes.None;
        var settings = SdpSettings.Default with
        {
            Backend = backend, Tolerance = double.Parse(args[5], CultureInfo.InvariantCulture),
            TimeLimit = TimeSpan.FromSeconds(double.Parse(args[6], CultureInfo.InvariantCulture)),
            // The built-in solver's closing "phases:" line is always read (the per-phase table); the rest is printed with --verbose.
            Log = line =>
            {
                if (PhaseTimes.Parse(line) is { } p) phases = p;
                if (verbose) Console.Error.WriteLine(line);
            },
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        SdpSolution s;
        double peak;
        if (solverName == "sdpa")
        {
            var sampler = new PeakMemory.ChildSampler();
            s = SdpaProgram.Solve(file, settings);
            peak = sampler.PeakMb;
        }
        else
        {
            // Read here, as `steer sdp FILE` does: the built-in solver's peak includes its copy of the problem.
            var problem = SdpaReader.ReadFile(file);
            // JIT and start-up caches are not timed (as before, when every solve ran in one warmed-up process); the
            // peak includes them, as `steer sdp` pays them too.
            if (solverName == "builtin") new InteriorPointSolver().Solve(MaxCutGenerator.Create(8, 0.5, 7), settings with { Log = null });
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            ISdpSolver solver = solverName switch { "builtin" => new InteriorPointSolver(), "csdp" => new CsdpSolver(), _ => new DsdpSolver() };
            using var sampler = new PeakMemory.ChildSampler();
            using (verbose && solverName == "builtin" ? new MemoryBreakdown() : null)
                s = solver.Solve(problem, settings);
            peak = solverName == "builtin" ? PeakMemory.OfSelfMb() : sampler.PeakMb;
        }
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        File.WriteAllLines(yFile, s.Y.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        Console.WriteLine(Marker + string.Join("|",
            new[] { s.Status.ToString(), s.Iterations.ToString(CultureInfo.InvariantCulture), F(s.Seconds), F(used), F(s.PrimalObjective), F(s.DualObjective) }
                .Concat(s.Dimacs.Select(F)).Append(F(peak)).Concat(phases.Fields.Select(F))));
        return 0;
    }

    /// <summary>The parent's side: one solve of <paramref name="file"/> in a child process.</summary>
    public static Measurement Run(string solver, LinearAlgebraBackend backend, string file, SdpSettings settings)
    {
        var yFile = Path.GetTempFileName();
        try
        {
            var arguments = new[] { Flag, solver, backend.ToString(), file, yFile,
                settings.Tolerance.ToString("R", CultureInfo.InvariantCulture), settings.TimeLimit.TotalSeconds.ToString("R", CultureInfo.InvariantCulture) };
            var (fields, exitCode) = ChildProcess.Run(arguments, Marker, verbose: settings.Log is not null);
            var f = fields ?? throw new InvalidOperationException($"the solve of {file} with {solver} printed no result (exit code {exitCode})");
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            var y = File.ReadAllLines(yFile).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var solution = new SdpSolution
            {
                Status = Enum.Parse<SdpStatus>(f[0]), Iterations = int.Parse(f[1], CultureInfo.InvariantCulture), Seconds = D(2),
                PrimalObjective = D(4), DualObjective = D(5), Dimacs = Enumerable.Range(6, 6).Select(D).ToArray(), Y = y, Solver = solver,
            };
            return new Measurement(solution, D(3), D(12), PhaseTimes.FromFields(Enumerable.Range(13, PhaseTimes.FieldCount).Select(D).ToArray()));
        }
        finally { File.Delete(yFile); }
    }
}

/// <summary>One solve: the solution (y, objectives, DIMACS errors, seconds), CPU seconds of its process, peak RSS in MB, phases (built-in solver).</summary>
internal sealed record Measurement(SdpSolution Solution, double CpuSeconds, double PeakMb, PhaseTimes Phases);
