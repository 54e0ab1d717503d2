using System.Diagnostics;
using System.Globalization;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The machine's dgemm and dpotrf rates at a given order, measured with the solver's own native kernels (OpenBLAS):
/// the yardstick of the per-phase table. Runs in its own process (<c>benchmark --rates N</c>), so its three n×n
/// matrices never count towards a solve's peak memory. dgemm runs with one OpenBLAS thread per processor (the best the
/// machine does), dpotrf as the solver calls it (every processor from order 1500 on, one thread below). Each is
/// timed three times, the best kept. Rates: 2n³ and n³/3 flops over the seconds.
/// </summary>
internal static class MachineRates
{
    public const string Flag = "--rates";
    private const string Marker = "RATES|";

    /// <summary>The child's side: prints <c>RATES|dgemm GFLOP/s|dpotrf GFLOP/s</c> for order args[1].</summary>
    public static int RunChild(string[] args)
    {
        var n = int.Parse(args[1], CultureInfo.InvariantCulture);
        var native = NativeLapack.TryGet().Kernels;
        if (native is null) { Console.WriteLine(Marker + "NaN|NaN"); return 0; }
        var rng = new Random(1);
        var a = new double[(long)n * n <= Array.MaxLength ? n * n : throw new ArgumentException($"order {n} is too large")];
        var b = new double[n * n];
        var c = new double[n * n];
        for (var i = 0; i < a.Length; i++) (a[i], b[i]) = (rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        var gemm = Best(() =>
        {
            using var gate = BlasThreadGate.Exclusive();
            native.SetThreads(Environment.ProcessorCount);
            try { native.Multiply(a, b, c, n); } finally { native.SetThreads(1); }
        });
        // A = B Bᵀ + n I (positive definite); the factorisation overwrites its lower triangle, so refill before each.
        native.Multiply(b, Transposed(b, n), a, n);
        for (var i = 0; i < n; i++) a[i * n + i] += n;
        var potrf = Best(() => native.CholeskyAllThreads(c, 0, n), () => Array.Copy(a, c, a.Length));
        Console.WriteLine(Marker + string.Join("|", Rate(2.0 * n * n * n, gemm), Rate((double)n * n * n / 3, potrf)));
        return 0;
    }

    private static string Rate(double flops, double seconds) => (flops / seconds / 1e9).ToString("R", CultureInfo.InvariantCulture);

    private static double[] Transposed(double[] m, int n)
    {
        var t = new double[m.Length];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++) t[j * n + i] = m[i * n + j];
        return t;
    }

    private static double Best(Action run, Action? prepare = null)
    {
        var best = double.PositiveInfinity;
        for (var k = 0; k < 3; k++)
        {
            prepare?.Invoke();
            var clock = Stopwatch.StartNew();
            run();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    /// <summary>The parent's side: (dgemm, dpotrf) in GFLOP/s at order n, measured in a child process.</summary>
    public static (double Gemm, double Potrf) Measure(int n)
    {
        var (f, _) = ChildProcess.Run([Flag, n.ToString(CultureInfo.InvariantCulture)], Marker);
        if (f is null) return (double.NaN, double.NaN);
        return (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture));
    }
}
