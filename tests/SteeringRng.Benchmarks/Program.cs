using System.Diagnostics;
using SteeringRng.Benchmarks;
using SteeringRng.Peers;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

// Runs the built-in solver and the reference peers on the same problems and prints one Markdown table.
BenchmarkOptions options;
try { options = BenchmarkOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

// Each problem with, for the I3322 relaxations, how to turn a solution into |value − published optimum|.
var problems = new List<(string Name, SdpProblem Problem, Func<SdpSolution, double>? Deviation)>();
try
{
    foreach (var file in options.Files) problems.Add((Path.GetFileName(file), SdpaReader.ReadFile(file), null));
    if (options.NpaDirectory is { } dir)
    {
        if (!Directory.Exists(dir)) throw new IOException($"--npa-dir: folder not found: {dir}");
        foreach (var file in Directory.GetFiles(dir, "*.dat-s").Order(StringComparer.Ordinal))
            problems.Add((Path.GetFileName(file), SdpaReader.ReadFile(file), null));
    }
}
catch (Exception e) when (e is SdpaFormatException or IOException)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    return 3;
}
var sizes = options.MaxCutSizes;
foreach (var level in options.I3322Levels)
{
    Console.Error.WriteLine($"benchmark: building the I3322 NPA relaxation at level {level} ...");
    var relaxation = I3322Generator.Create(level);
    Func<SdpSolution, double>? deviation = I3322Generator.KnownOptimum.TryGetValue(level, out var known)
        ? s => Math.Abs(((SteeringRng.Relaxation.IRelaxation)relaxation).Read(s).Attained - known)
        : null;
    problems.Add(($"I3322-L{level}", relaxation.Problem, deviation));
}
if (problems.Count == 0 && sizes.Count == 0)
{
    // Nothing asked for: the bundled sample and two max-cut sizes.
    problems.Add(("theta-c5", SdpaReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "theta-c5.dat-s")), null));
    sizes = [100, 200];
}
foreach (var n in sizes)
    problems.Add(($"maxcut-G({n},{options.EdgeProbability})-s{options.Seed}", MaxCutGenerator.Create(n, options.EdgeProbability, options.Seed), null));

var baseSettings = SdpSettings.Default with
{
    Tolerance = options.Tolerance, TimeLimit = TimeSpan.FromSeconds(options.TimeLimitSeconds),
    Log = options.Verbose ? Console.Error.WriteLine : null,
};
// (label, solver, settings): the built-in solver once per requested backend.
var solvers = new List<(string Label, ISdpSolver Solver, SdpSettings Settings)>();
foreach (var name in options.Solvers)
{
    if (name == "builtin")
    {
        foreach (var backend in options.Backends)
        {
            var label = backend == LinearAlgebraBackend.Auto ? "builtin" : $"builtin-{backend.ToString().ToLowerInvariant()}";
            if (backend == LinearAlgebraBackend.Native && !InteriorPointSolver.NativeBackend.Available)
                Console.Error.WriteLine($"benchmark: skipping {label}: {InteriorPointSolver.NativeBackend.Description}");
            else solvers.Add((label, new InteriorPointSolver(), baseSettings with { Backend = backend }));
        }
        continue;
    }
    ISdpSolver solver = name == "csdp" ? new CsdpSolver() : new DsdpSolver();
    if (solver.Availability.Available) solvers.Add((name, solver, baseSettings));
    else Console.Error.WriteLine($"benchmark: skipping {name}: {solver.Availability.Reason}");
}
// CSDP and DSDP run with the environment as given (as a user would run them): say how many threads that means.
var threadVariables = new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS" }
    .Select(v => $"{v}={Environment.GetEnvironmentVariable(v) ?? "(unset)"}");
Console.WriteLine($"machine: {Environment.ProcessorCount} processors; peers run with {string.Join(", ", threadVariables)}"
    + $" (unset: OpenMP/OpenBLAS use every processor); built-in native kernels: {InteriorPointSolver.NativeBackend.Description}");

// Warm-up on a tiny problem so that JIT compilation and process start-up caches are not timed.
var warmUp = MaxCutGenerator.Create(8, 0.5, 7);
foreach (var (_, solver, settings) in solvers) solver.Solve(warmUp, settings);

var rows = new List<BenchmarkRow>();
foreach (var (name, problem, deviation) in problems)
{
    var n = problem.Blocks.Sum(b => b.Size);
    foreach (var (label, solver, settings) in solvers)
    {
        Console.Error.WriteLine($"benchmark: {name} (n = {n}, m = {problem.ConstraintCount}) with {label} ...");
        // CPU seconds of this process: meaningful for the in-process built-in solver only (peers run as child processes).
        var runs = Enumerable.Range(0, options.Repeat).Select(_ =>
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var solution = solver.Solve(problem, settings);
            return (Solution: solution, Cpu: (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }).ToList();
        var fastest = runs.MinBy(r => r.Solution.Seconds);
        var solved = fastest.Solution.Status is SdpStatus.Optimal or SdpStatus.NearOptimal;
        rows.Add(new BenchmarkRow(name, n, problem.ConstraintCount, label, fastest.Solution,
            solved && deviation is not null ? deviation(fastest.Solution) : null,
            solver is InteriorPointSolver ? runs.Min(r => r.Cpu) : null));
    }
}
BenchmarkTable.Print(rows, Console.Out);
foreach (var row in rows.Where(r => r.Solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal)))
    Console.WriteLine($"note: {row.Problem} / {row.Solver}: {row.Solution.Status}: {row.Solution.Message}");
return 0;
