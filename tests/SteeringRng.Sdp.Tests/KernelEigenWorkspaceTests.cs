using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The smallest eigenvalue (the step length to the cone's boundary) must not depend on where dsyevr's workspace
/// lands: when it was an ordinary array, five runs of the same I3322 level-3 solve gave five different y. Here the
/// same matrix is handed over again and again with the heap shifted between calls by allocations of varying size, and
/// every answer must have the same bits, and equal the smallest eigenvalue from the managed kernels to rounding.
/// </summary>
[Collection(NativeKernelCollection.Name)]
public sealed class KernelEigenWorkspaceTests
{
    [KernelNativeFact]
    public void The_smallest_eigenvalue_has_the_same_bits_wherever_the_heap_stands()
    {
        var native = NativeLapack.TryGet().Kernels!;
        foreach (var n in new[] { 37, 150, 244 })
        {
            var matrix = Symmetric(n);
            var reference = ManagedKernels.Instance.MinEigenvalue((double[])matrix.Clone(), n);
            var keep = new List<double[]>();
            var shift = new Random(n);
            long? first = null;
            for (var call = 0; call < 24; call++)
            {
                keep.Add(new double[shift.Next(1, 40_000)]); // moves the next allocations by an irregular amount
                var value = native.MinEigenvalue((double[])matrix.Clone(), n);
                Assert.True(Math.Abs(value - reference) < 1e-10 * n, $"n = {n}: native {value} against managed {reference}");
                first ??= BitConverter.DoubleToInt64Bits(value);
                Assert.Equal(first, BitConverter.DoubleToInt64Bits(value));
            }
        }
    }

    /// <summary>A symmetric matrix with irregular entries and eigenvalues of both signs.</summary>
    private static double[] Symmetric(int n)
    {
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
            a[i * n + j] = a[j * n + i] = Math.Sin(1.3 * (i * n + j) + 0.7) + (i == j ? 0.1 * i : 0);
        return a;
    }
}
