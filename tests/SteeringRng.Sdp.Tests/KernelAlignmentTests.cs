using System.Runtime.InteropServices;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The native kernels give bit-identical results whatever the address of the operands: OpenBLAS's own results depend
/// on 16-byte alignment, and .NET arrays are only 8-byte aligned, so without care the same solve differed between runs.
/// </summary>
[Collection(NativeKernelCollection.Name)]
public sealed class KernelAlignmentTests : IDisposable
{
    private static IDenseKernels Native => NativeLapack.TryGet().Kernels!;

    [KernelNativeFact]
    public void Factorisations_and_solves_do_not_depend_on_where_the_arrays_lie()
    {
        foreach (var n in new[] { 8, 13, 31, 71, 161 })
        {
            var matrix = SpdMatrix(n);
            var results = new List<(double[] Factor, double[] Solved, double[] Product)>();
            foreach (var offsetBytes in new[] { 0, 8 })
            {
                var a = ArrayAt(n * n, offsetBytes);
                matrix.CopyTo(a, 0);
                Assert.True(Native.Cholesky(a, n));
                var rows = ArrayAt(3 * n, offsetBytes);
                for (var i = 0; i < rows.Length; i++) rows[i] = Math.Sin(i + 1.0);
                Native.ForwardSolveRows(a, n, rows, 3);
                var c = ArrayAt(n * n, offsetBytes);
                Native.Multiply(matrix, a, c, n);
                results.Add((a.ToArray(), rows.ToArray(), c.ToArray()));
            }
            Assert.Equal(Bits(results[0].Factor), Bits(results[1].Factor));
            Assert.Equal(Bits(results[0].Solved), Bits(results[1].Solved));
            Assert.Equal(Bits(results[0].Product), Bits(results[1].Product));
        }
    }

    /// <summary>
    /// An array whose data starts at <paramref name="offsetBytes"/> modulo 16, pinned (in <see cref="_pins"/>) so it
    /// stays there: .NET arrays are only 8-byte aligned, so some allocations have one offset and some the other.
    /// </summary>
    private double[] ArrayAt(int length, int offsetBytes)
    {
        var keep = new List<object>(2 * 1000); // tries stay alive until we have one, so the allocator moves on
        var padding = new Random(length + offsetBytes);
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            // Ordinary and pinned-heap arrays: which offsets each gives depends on the runtime, so try both.
            var array = attempt % 2 == 0 ? new double[length] : GC.AllocateArray<double>(length, pinned: true);
            var pin = GCHandle.Alloc(array, GCHandleType.Pinned);
            if (pin.AddrOfPinnedObject().ToInt64() % 16 == offsetBytes)
            {
                _pins.Add(pin);
                return array;
            }
            pin.Free();
            keep.Add(array);
            // Vary the next address by a seeded random number of 8-byte steps in every heap a try can come from, so both
            // residues mod 16 come up: the small-object heap, the large-object heap (arrays of n = 161 are ≥ 85 000
            // bytes and their size is a multiple of 16, so padding on the small heap alone left every try at one residue
            // and a CI run saw no array at offset 0 in 1000 tries) and the pinned heap.
            keep.Add(new byte[padding.Next(1, 41)]);
            keep.Add(new byte[85_000 + padding.Next(1, 41)]);
            keep.Add(GC.AllocateArray<byte>(padding.Next(1, 41), pinned: true));
        }
        throw new InvalidOperationException($"no array at offset {offsetBytes} mod 16 after 1000 allocations");
    }

    private readonly List<GCHandle> _pins = [];

    public void Dispose()
    {
        foreach (var pin in _pins) pin.Free();
    }

    private static double[] SpdMatrix(int n)
    {
        var g = new double[n * n];
        for (var i = 0; i < g.Length; i++) g[i] = Math.Cos(0.7 * i + 0.3) - 0.1;
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var s = i == j ? 1.0 : 0.0;
            for (var k = 0; k < n; k++) s += g[i * n + k] * g[j * n + k];
            a[i * n + j] = s;
        }
        return a;
    }

    private static long[] Bits(double[] v) => v.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
