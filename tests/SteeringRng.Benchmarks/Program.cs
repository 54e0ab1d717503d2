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

var problems = new List<(string Name, SdpProblem Problem)>();
try
{
    foreach (var file in options.Files) problems.Add((Path.GetFileName(file), SdpaReader.ReadFile(file)));
    if (options.NpaDirectory is { } dir)
    {
        if (!Directory.Exists(dir)) throw new IOException($"--npa-dir: folder not found: {dir}");
        foreach (var file in Directory.GetFiles(dir, "*.dat-s").Order(StringComparer.Ordinal))
            problems.Add((Path.GetFileName(file), SdpaReader.ReadFile(file)));
    }
}
catch (Exception e) when (e is SdpaFormatException or IOException)
{
    Console.Error.WriteLine($"benchmark: {e.Message}");
    return 3;
}
var sizes = options.MaxCutSizes;
if (problems.Count == 0 && sizes.Count == 0)
{
    // Nothing asked for: the bundled sample and two max-cut sizes.
    problems.Add(("theta-c5", SdpaReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "theta-c5.dat-s"))));
    sizes = [100, 200];
}
foreach (var n in sizes)
    problems.Add(($"maxcut-G({n},{options.EdgeProbability})-s{options.Seed}", MaxCutGenerator.Create(n, options.EdgeProbability, options.Seed)));

var solvers = new List<ISdpSolver>();
foreach (var name in options.Solvers)
{
    ISdpSolver solver = name switch { "csdp" => new CsdpSolver(), "dsdp" => new DsdpSolver(), _ => new InteriorPointSolver() };
    if (solver.Availability.Available) solvers.Add(solver);
    else Console.Error.WriteLine($"benchmark: skipping {name}: {solver.Availability.Reason}");
}

var settings = SdpSettings.Default with { Tolerance = options.Tolerance, TimeLimit = TimeSpan.FromSeconds(options.TimeLimitSeconds) };
// Warm-up on a tiny problem so that JIT compilation and process start-up caches are not timed.
var warmUp = MaxCutGenerator.Create(8, 0.5, 7);
foreach (var solver in solvers) solver.Solve(warmUp, settings);

var rows = new List<BenchmarkRow>();
foreach (var (name, problem) in problems)
{
    var n = problem.Blocks.Sum(b => b.Size);
    foreach (var solver in solvers)
    {
        Console.Error.WriteLine($"benchmark: {name} (n = {n}, m = {problem.ConstraintCount}) with {solver.Name} ...");
        var fastest = Enumerable.Range(0, options.Repeat).Select(_ => solver.Solve(problem, settings)).MinBy(s => s.Seconds)!;
        rows.Add(new BenchmarkRow(name, n, problem.ConstraintCount, fastest));
    }
}
BenchmarkTable.Print(rows, Console.Out);
foreach (var row in rows.Where(r => r.Solution.Status is not (SdpStatus.Optimal or SdpStatus.NearOptimal)))
    Console.WriteLine($"note: {row.Problem} / {row.Solution.Solver}: {row.Solution.Status}: {row.Solution.Message}");
return 0;
