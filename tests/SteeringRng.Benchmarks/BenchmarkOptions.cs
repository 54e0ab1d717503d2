using System.Globalization;
using SteeringRng.Sdp;

namespace SteeringRng.Benchmarks;

/// <summary>Command line of the benchmark.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<string> Solvers, IReadOnlyList<int> MaxCutSizes, double EdgeProbability, int Seed,
    string? NpaDirectory, IReadOnlyList<string> Files, double Tolerance, double TimeLimitSeconds, int Repeat,
    IReadOnlyList<int> I3322Levels, IReadOnlyList<LinearAlgebraBackend> Backends, bool Verbose, string? SaveDirectory = null)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/SteeringRng.Benchmarks -- [options] [FILES.dat-s ...]
          --solvers LIST     comma-separated, from builtin,csdp,dsdp,sdpa (default: all four)
          --maxcut N[,N..]   add max-cut SDPs of random graphs G(N, p) (seeded)
          --density p        edge probability of the max-cut graphs (default 0.1)
          --seed S           seed of the max-cut graphs (default 1)
          --i3322 L[,L..]    add the NPA relaxations of I3322 at these levels (built here; e.g. 2,3,4), with the
                             deviation of each solver's value from the published optimum
          --backends LIST    built-in solver's kernels, comma-separated, from auto,native,managed (default: auto);
                             each is its own row (builtin-native, builtin-managed)
          --verbose          the built-in solver's iteration log and phase timings on stderr
          --save DIR         keep the SDPA files solved (DIR/NAME.dat-s) to re-run one solve alone, e.g. to compare
                             two builds bit for bit: benchmark --one builtin Auto FILE YFILE TOL SECONDS
          --npa-dir DIR      add every *.dat-s file in DIR (e.g. the I3322 NPA levels)
          --tolerance T      DIMACS tolerance handed to every solver (default 1e-8)
          --time-limit S     per-solve wall-time limit in seconds (default 600)
          --repeat R         solve each problem R times per solver, interleaved (default 3); the table shows the
                             min and median seconds
        Every solve runs in a fresh benchmark process that reads the problem's SDPA file (as `steer sdp` does);
        peak MB is that process's peak RSS for the built-in solver and the peer process's for CSDP, DSDP and SDPA
        (getrusage). Seconds are wall time of the solve; for CSDP/DSDP/SDPA that includes writing and reading
        the SDPA files and starting the process, for the built-in solver not the process start (see `steer sdp`).
        SDPA is given the tolerance (epsilonStar, epsilonDash) and reports its own DIMACS errors (-dimacs).
        Below the table: the built-in solver's Schur formation, factorisation and search directions per problem
        (seconds, flops from the formulas in docs/peers.md, GFLOP/s) beside the machine's dgemm and dpotrf rates,
        measured in a separate process with the solver's native kernels at the problem's order m (at most 6000).
        With no problem given, runs the bundled theta(C5) and --maxcut 100,200.
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var solvers = new List<string> { "builtin", "csdp", "dsdp", "sdpa" };
        var levels = new List<int>();
        var backends = new List<LinearAlgebraBackend>();
        var sizes = new List<int>();
        var files = new List<string>();
        double density = 0.1, tolerance = 1e-8, timeLimit = 600;
        var seed = 1;
        var repeat = 3;
        var verbose = false;
        string? npa = null, save = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"option {arg} needs a value");
            switch (arg)
            {
                case "--solvers": solvers = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(); break;
                case "--maxcut": sizes.AddRange(Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))); break;
                case "--density": density = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--i3322": levels.AddRange(Value().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))); break;
                case "--backends": backends.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseBackend)); break;
                case "--verbose": verbose = true; break;
                case "--npa-dir": npa = Value(); break;
                case "--save": save = Value(); break;
                case "--tolerance": tolerance = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--time-limit": timeLimit = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unknown option {arg}");
                    files.Add(arg);
                    break;
            }
        }
        foreach (var s in solvers)
            if (s is not ("builtin" or "csdp" or "dsdp" or "sdpa")) throw new ArgumentException($"unknown solver {s}");
        if (repeat < 1) throw new ArgumentException("--repeat must be at least 1");
        foreach (var level in levels)
            if (level < 1) throw new ArgumentException($"--i3322: level must be at least 1, got {level}");
        if (backends.Count == 0) backends.Add(LinearAlgebraBackend.Auto);
        return new BenchmarkOptions(solvers, sizes, density, seed, npa, files, tolerance, timeLimit, repeat, levels, backends.Distinct().ToList(), verbose, save);
    }

    private static LinearAlgebraBackend ParseBackend(string name) => name switch
    {
        "auto" => LinearAlgebraBackend.Auto,
        "native" => LinearAlgebraBackend.Native,
        "managed" => LinearAlgebraBackend.Managed,
        _ => throw new ArgumentException($"--backends: unknown backend {name} (use auto, native, managed)"),
    };
}
