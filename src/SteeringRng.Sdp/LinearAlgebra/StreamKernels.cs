using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SteeringRng.Sdp.LinearAlgebra;

/// <summary>
/// Dot product and axpy for long operands streamed from memory (<see cref="ParallelTriangularSolve"/>): four
/// independent vector accumulators, so a chain of dependent FMAs (4 cycles each) does not limit the loads, and one
/// range check per call instead of one per vector. <see cref="ManagedKernels.Dot"/>, with a single accumulator, streams
/// 7.7 GB/s on one core here; this one 21.9 GB/s, and 42 GB/s on both cores (the memory's rate: numpy's dgemv 36.7).
/// The summation order differs from <see cref="ManagedKernels.Dot"/>'s, so the two are not interchangeable bit for bit.
/// </summary>
internal static class StreamKernels
{
    private static readonly int W = Vector<double>.Count;

    /// <summary>Σ_{k&lt;len} x[xi + k]·y[yi + k].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(double[] x, int xi, double[] y, int yi, int len)
    {
        CheckRange(x, xi, len);
        CheckRange(y, yi, len);
        ref var px = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), xi);
        ref var py = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), yi);
        Vector<double> a0 = Vector<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
        nuint k = 0, n = (nuint)len, w = (nuint)W;
        for (; k + 4 * w <= n; k += 4 * w)
        {
            a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref px, k), Vector.LoadUnsafe(ref py, k), a0);
            a1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref px, k + w), Vector.LoadUnsafe(ref py, k + w), a1);
            a2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref px, k + 2 * w), Vector.LoadUnsafe(ref py, k + 2 * w), a2);
            a3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref px, k + 3 * w), Vector.LoadUnsafe(ref py, k + 3 * w), a3);
        }
        for (; k + w <= n; k += w) a0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref px, k), Vector.LoadUnsafe(ref py, k), a0);
        var s = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; k < n; k++) s += Unsafe.Add(ref px, k) * Unsafe.Add(ref py, k);
        return s;
    }

    /// <summary>y[yi..yi+len) += α·x[xi..xi+len).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy(double alpha, double[] x, int xi, double[] y, int yi, int len)
    {
        CheckRange(x, xi, len);
        CheckRange(y, yi, len);
        ref var px = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), xi);
        ref var py = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), yi);
        var va = new Vector<double>(alpha);
        nuint k = 0, n = (nuint)len, w = (nuint)W;
        for (; k + 2 * w <= n; k += 2 * w)
        {
            Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref px, k), Vector.LoadUnsafe(ref py, k)).StoreUnsafe(ref py, k);
            Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref px, k + w), Vector.LoadUnsafe(ref py, k + w)).StoreUnsafe(ref py, k + w);
        }
        for (; k + w <= n; k += w) Vector.FusedMultiplyAdd(va, Vector.LoadUnsafe(ref px, k), Vector.LoadUnsafe(ref py, k)).StoreUnsafe(ref py, k);
        for (; k < n; k++) Unsafe.Add(ref py, k) += alpha * Unsafe.Add(ref px, k);
    }

    /// <summary>(Σ x[xi + k]·y[yi + k], Σ x[xi + k]·z[zi + k]) over k &lt; len, x read once (two right-hand sides of one solve).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double, double) Dot2(double[] x, int xi, double[] y, int yi, double[] z, int zi, int len)
    {
        CheckRange(x, xi, len);
        CheckRange(y, yi, len);
        CheckRange(z, zi, len);
        ref var px = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), xi);
        ref var py = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), yi);
        ref var pz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(z), zi);
        Vector<double> a0 = Vector<double>.Zero, a1 = a0, b0 = a0, b1 = a0;
        nuint k = 0, n = (nuint)len, w = (nuint)W;
        for (; k + 2 * w <= n; k += 2 * w)
        {
            var x0 = Vector.LoadUnsafe(ref px, k);
            var x1 = Vector.LoadUnsafe(ref px, k + w);
            a0 = Vector.FusedMultiplyAdd(x0, Vector.LoadUnsafe(ref py, k), a0);
            b0 = Vector.FusedMultiplyAdd(x0, Vector.LoadUnsafe(ref pz, k), b0);
            a1 = Vector.FusedMultiplyAdd(x1, Vector.LoadUnsafe(ref py, k + w), a1);
            b1 = Vector.FusedMultiplyAdd(x1, Vector.LoadUnsafe(ref pz, k + w), b1);
        }
        for (; k + w <= n; k += w)
        {
            var x0 = Vector.LoadUnsafe(ref px, k);
            a0 = Vector.FusedMultiplyAdd(x0, Vector.LoadUnsafe(ref py, k), a0);
            b0 = Vector.FusedMultiplyAdd(x0, Vector.LoadUnsafe(ref pz, k), b0);
        }
        double s = Vector.Sum(a0 + a1), t = Vector.Sum(b0 + b1);
        for (; k < n; k++)
        {
            s += Unsafe.Add(ref px, k) * Unsafe.Add(ref py, k);
            t += Unsafe.Add(ref px, k) * Unsafe.Add(ref pz, k);
        }
        return (s, t);
    }

    /// <summary>y += α·x and z += β·x over len entries, x read once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Axpy2(double alpha, double beta, double[] x, int xi, double[] y, int yi, double[] z, int zi, int len)
    {
        CheckRange(x, xi, len);
        CheckRange(y, yi, len);
        CheckRange(z, zi, len);
        ref var px = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x), xi);
        ref var py = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(y), yi);
        ref var pz = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(z), zi);
        var (va, vb) = (new Vector<double>(alpha), new Vector<double>(beta));
        nuint k = 0, n = (nuint)len, w = (nuint)W;
        for (; k + w <= n; k += w)
        {
            var x0 = Vector.LoadUnsafe(ref px, k);
            Vector.FusedMultiplyAdd(va, x0, Vector.LoadUnsafe(ref py, k)).StoreUnsafe(ref py, k);
            Vector.FusedMultiplyAdd(vb, x0, Vector.LoadUnsafe(ref pz, k)).StoreUnsafe(ref pz, k);
        }
        for (; k < n; k++)
        {
            Unsafe.Add(ref py, k) += alpha * Unsafe.Add(ref px, k);
            Unsafe.Add(ref pz, k) += beta * Unsafe.Add(ref px, k);
        }
    }

    private static void CheckRange(double[] a, int start, int len)
    {
        if (start < 0 || len < 0 || (long)start + len > a.Length) throw new ArgumentOutOfRangeException(nameof(len), $"[{start}, {start}+{len}) outside an array of {a.Length}");
    }
}
