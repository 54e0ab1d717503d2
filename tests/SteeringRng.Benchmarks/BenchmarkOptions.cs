using System.Globalization;

namespace SteeringRng.Benchmarks;

/// <summary>Command line of the benchmark.</summary>
public sealed record BenchmarkOptions(
    IReadOnlyList<string> Solvers, IReadOnlyList<int> MaxCutSizes, double EdgeProbability, int Seed,
    string? NpaDirectory, IReadOnlyList<string> Files, double Tolerance, double TimeLimitSeconds, int Repeat)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/SteeringRng.Benchmarks -- [options] [FILES.dat-s ...]
          --solvers LIST     comma-separated, from builtin,csdp,dsdp (default: all three)
          --maxcut N[,N..]   add max-cut SDPs of random graphs G(N, p) (seeded)
          --density p        edge probability of the max-cut graphs (default 0.1)
          --seed S           seed of the max-cut graphs (default 1)
          --npa-dir DIR      add every *.dat-s file in DIR (e.g. the I3322 NPA levels)
          --tolerance T      DIMACS tolerance handed to every solver (default 1e-8)
          --time-limit S     per-solve wall-time limit in seconds (default 600)
          --repeat R         solve each problem R times per solver and keep the fastest run (default 1)
        Seconds are wall time of the whole solve; for CSDP/DSDP that includes writing and reading the SDPA
        files and starting the process.
        With no problem given, runs the bundled theta(C5) and --maxcut 100,200.
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var solvers = new List<string> { "builtin", "csdp", "dsdp" };
        var sizes = new List<int>();
        var files = new List<string>();
        double density = 0.1, tolerance = 1e-8, timeLimit = 600;
        var seed = 1;
        var repeat = 1;
        string? npa = null;
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
                case "--npa-dir": npa = Value(); break;
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
            if (s is not ("builtin" or "csdp" or "dsdp")) throw new ArgumentException($"unknown solver {s}");
        if (repeat < 1) throw new ArgumentException("--repeat must be at least 1");
        return new BenchmarkOptions(solvers, sizes, density, seed, npa, files, tolerance, timeLimit, repeat);
    }
}
