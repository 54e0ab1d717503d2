using SteeringRng.Benchmarks;
using SteeringRng.Peers;
using SteeringRng.Sdp;
using SteeringRng.Sdp.Sdpa;

// Runs the built-in solver and the reference peers on the same problems and prints one Markdown table.
if (args.Length > 0 && args[0] == IsolatedSolve.Flag) return IsolatedSolve.RunChild(args);
if (args.Length > 1 && args[0] == MachineRates.Flag) return MachineRates.RunChild(args);
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
    // Rows and ratios are keyed by name: files that share a name (joint_npa-2.dat-s exported from two scenarios) are
    // told apart by their folder.
    var shared = options.Files.GroupBy(Path.GetFileName).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
    foreach (var file in options.Files)
    {
        var name = Path.GetFileName(file);
        if (shared.Contains(name)) name = $"{Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)))}/{name}";
        problems.Add((name, SdpaReader.ReadFile(file), null));
    }
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
// (label, solver name, backend): the built-in solver once per requested backend, then every available peer.
var solvers = new List<(string Label, string Name, LinearAlgebraBackend Backend)>();
foreach (var name in options.Solvers)
{
    if (name == "builtin")
    {
        foreach (var backend in options.Backends)
        {
            var label = backend == LinearAlgebraBackend.Auto ? "builtin" : $"builtin-{backend.ToString().ToLowerInvariant()}";
            if (backend == LinearAlgebraBackend.Native && !InteriorPointSolver.NativeBackend.Available)
                Console.Error.WriteLine($"benchmark: skipping {label}: {InteriorPointSolver.NativeBackend.Description}");
            else solvers.Add((label, name, backend));
        }
        continue;
    }
    var (available, reason) = name switch
    {
        "csdp" => new CsdpSolver().Availability,
        "dsdp" => new DsdpSolver().Availability,
        _ => SdpaProgram.Availability,
    };
    if (available) solvers.Add((name, name, LinearAlgebraBackend.Auto));
    else Console.Error.WriteLine($"benchmark: skipping {name}: {reason}");
}
// CSDP, DSDP and SDPA run with the environment as given (as a user would run them): say how many threads that means.
var threadVariables = new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS" }
    .Select(v => $"{v}={Environment.GetEnvironmentVariable(v) ?? "(unset)"}");
Console.WriteLine($"machine: {Environment.ProcessorCount} processors; peers run with {string.Join(", ", threadVariables)}"
    + $" (unset: OpenMP/OpenBLAS use every processor); built-in native kernels: {InteriorPointSolver.NativeBackend.Description}");
Console.WriteLine($"every solve runs in its own process (peak memory: getrusage); {options.Repeat} repeat(s), solvers interleaved; load average at start: {LoadAverage()}");

// Every problem as an SDPA file, which each solve (a fresh process) reads: the built-in solver as `steer sdp` would.
var folder = Directory.CreateTempSubdirectory("steeringrng-bench-").FullName;
var rows = new List<BenchmarkRow>();
// The machine's dgemm and dpotrf rates at each problem's order m (capped: the yardstick, not a solve), for the phase table.
var rates = new Dictionary<int, MachineRate>();
try
{
    foreach (var (name, problem, deviation) in problems)
    {
        var n = problem.Blocks.Sum(b => b.Size);
        var file = Path.Combine(folder, $"{rows.Count}.dat-s");
        SdpaWriter.WriteFile(HermitianEmbedding.ToReal(problem), file);
        if (options.SaveDirectory is { } save)
        {
            Directory.CreateDirectory(save);
            File.Copy(file, Path.Combine(save, $"{name}.dat-s"), overwrite: true);
        }
        var runs = solvers.ToDictionary(s => s.Label, _ => new List<Measurement>());
        if (solvers.Any(s => s.Name == "builtin") && problem.ConstraintCount > 0 && !rates.ContainsKey(problem.ConstraintCount))
        {
            var order = Math.Min(problem.ConstraintCount, MaxRateOrder);
            Console.Error.WriteLine($"benchmark: measuring dgemm and dpotrf at order {order}, gathers and streaming ...");
            rates[problem.ConstraintCount] = MachineRates.Measure(order);
        }
        // Repeats outermost, so that a burst of load on a shared machine hits every solver alike.
        for (var r = 0; r < options.Repeat; r++)
            foreach (var (label, solverName, backend) in solvers)
            {
                Console.Error.WriteLine($"benchmark: {name} (n = {n}, m = {problem.ConstraintCount}) with {label}, run {r + 1}/{options.Repeat} ...");
                runs[label].Add(IsolatedSolve.Run(solverName, backend, file, baseSettings));
            }
        foreach (var (label, _, _) in solvers)
        {
            var fastest = runs[label].MinBy(m => m.Solution.Seconds)!.Solution;
            double? dev = null;
            if (deviation is not null && fastest.Status is SdpStatus.Optimal or SdpStatus.NearOptimal && fastest.Y.Length == problem.ConstraintCount)
                dev = deviation(fastest);
            rows.Add(new BenchmarkRow(name, n, problem.ConstraintCount, label, runs[label], dev));
        }
    }
}
finally { Directory.Delete(folder, recursive: true); }
BenchmarkTable.Print(rows, Console.Out);
Console.WriteLine();
Console.WriteLine("Built-in solver by phase (fastest run; flops from the formulas in docs/peers.md \"Per-phase rates\"):");
PhaseTable.Print(rows, rates, Console.Out);
Console.WriteLine($"load average at the end: {LoadAverage()}");
foreach (var row in rows.Where(r => !r.Solved))
    Console.WriteLine($"note: {row.Problem} / {row.Solver}: {row.Fastest.Solution.Status}: {row.Fastest.Solution.Message}");
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

/// <summary>Largest order at which the machine's rates are measured (three 8·n² matrices: 860 MB at 6000).</summary>
internal static partial class Program
{
    private const int MaxRateOrder = 6000;
}
