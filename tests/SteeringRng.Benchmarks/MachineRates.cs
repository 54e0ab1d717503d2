using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Benchmarks;

/// <summary>
/// The machine's dgemm and dpotrf rates at a given order, measured with the solver's own native kernels (OpenBLAS):
/// the yardstick of the per-phase table. Runs in its own process (<c>benchmark --rates N</c>), so its three n×n
/// matrices never count towards a solve's peak memory. dgemm runs with one OpenBLAS thread per processor (the best the
/// machine does), dpotrf as the solver calls it (every processor from order 1500 on, one thread below). Each is
/// timed three times, the best kept. Rates: 2n³ and n³/3 flops over the seconds.
/// <para>
/// Two more rates set the ceilings of the phases that are not dense products (docs/peers.md "Ceilings"): the gather
/// rate, multiply–adds v_q·W[index_q] summed per slot of 64 entries over a 512 KB W and 65 536 entries, in its best case (indices in order, no range checks) (the Schur formation's
/// later-entry sums, in the same loop shape, on every core at once), and the memory's streaming rate, dot products over
/// a 256 MB array on every core (what a solve with a factor larger than the caches can reach).
/// </para>
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
        (a, b, c) = ([], [], []);
        var (gathers, gatherSeconds) = GatherRun();
        var (bytes, streamSeconds) = StreamRun();
        Console.WriteLine(Marker + string.Join("|", Rate(2.0 * n * n * n, gemm), Rate((double)n * n * n / 3, potrf),
            Rate(2 * gathers, gatherSeconds), Rate(bytes, streamSeconds)));
        return 0;
    }

    /// <summary>Gathered multiply–adds on every core at once (each core its own W, indices and values), best of three.</summary>
    private static (double Gathers, double Seconds) GatherRun()
    {
        // W and the entries as large as a formation's (I3322 L4: a W of 244², 60 000 entries per block), so that the
        // indices and values come from the caches, as they do there, passed over again and again.
        const int wLength = 1 << 16, entries = 1 << 16, perSlot = 64, passes = 64;
        var cores = Environment.ProcessorCount;
        var work = Enumerable.Range(0, cores).Select(t =>
        {
            var rng = new Random(10 + t);
            return (W: Enumerable.Range(0, wLength).Select(_ => rng.NextDouble()).ToArray(),
                Index: Enumerable.Range(0, entries).Select(q => q % wLength).ToArray(),
                V: Enumerable.Range(0, entries).Select(_ => rng.NextDouble()).ToArray(),
                Acc: new double[entries / perSlot + 1]);
        }).ToArray();
        var seconds = Best(() => Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, t =>
        {
            var (w, index, v, acc) = work[t];
            for (var pass = 0; pass < passes; pass++) SlotSums(w, index, v, acc, entries, perSlot);
        }));
        return ((double)entries * passes * cores, seconds);
    }

    /// <summary>
    /// acc[slot] += Σ v_q·w[index_q] over each slot's entries: the shape of the Schur formation's later-entry sums, in
    /// its best case (indices in order, so every load hits the cache and the prefetcher) with eight accumulators and
    /// no range checks, so that the rate is an upper bound for the solver's loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SlotSums(double[] w, int[] index, double[] v, double[] acc, int entries, int perSlot)
    {
        ref var pw = ref MemoryMarshal.GetArrayDataReference(w);
        ref var pi = ref MemoryMarshal.GetArrayDataReference(index);
        ref var pv = ref MemoryMarshal.GetArrayDataReference(v);
        for (var slot = 0; slot < acc.Length; slot++)
        {
            var (q, end) = (slot * perSlot, Math.Min(entries, (slot + 1) * perSlot));
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            for (; q + 7 < end; q += 8)
            {
                s0 += Unsafe.Add(ref pv, q) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q));
                s1 += Unsafe.Add(ref pv, q + 1) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 1));
                s2 += Unsafe.Add(ref pv, q + 2) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 2));
                s3 += Unsafe.Add(ref pv, q + 3) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 3));
                s4 += Unsafe.Add(ref pv, q + 4) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 4));
                s5 += Unsafe.Add(ref pv, q + 5) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 5));
                s6 += Unsafe.Add(ref pv, q + 6) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 6));
                s7 += Unsafe.Add(ref pv, q + 7) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q + 7));
            }
            for (; q < end; q++) s0 += Unsafe.Add(ref pv, q) * Unsafe.Add(ref pw, Unsafe.Add(ref pi, q));
            acc[slot] += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
    }

    /// <summary>Streaming a 256 MB array on every core at once (each piece's dot product with itself: every byte loaded once from memory), best of three.</summary>
    private static (double Bytes, double Seconds) StreamRun()
    {
        const int length = 1 << 25, piece = 1 << 16;
        var data = new double[length];
        for (var i = 0; i < length; i++) data[i] = i & 7;
        var sums = new double[length / piece];
        var seconds = Best(() => Parallel.For(0, length / piece, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            p => sums[p] = StreamKernels.Dot(data, p * piece, data, p * piece, piece)));
        return (8.0 * length, seconds);
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

    /// <summary>The parent's side: the rates at order n, measured in a child process (NaN where it failed).</summary>
    public static MachineRate Measure(int n)
    {
        var (f, _) = ChildProcess.Run([Flag, n.ToString(CultureInfo.InvariantCulture)], Marker);
        double F(int i) => f is not null && i < f.Length ? double.Parse(f[i], CultureInfo.InvariantCulture) : double.NaN;
        return new MachineRate(n, F(0), F(1), F(2), F(3));
    }
}

/// <summary>
/// The machine's rates at one order: dgemm and dpotrf in GFLOP/s, gathered multiply–adds in GFLOP/s (2 flops each),
/// memory streaming in GB/s; all on every core.
/// </summary>
internal sealed record MachineRate(int Order, double Gemm, double Potrf, double Gather, double StreamGBps)
{
    public static readonly MachineRate Unknown = new(0, double.NaN, double.NaN, double.NaN, double.NaN);
}
