using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The smallest eigenvalue (the step length to the cone's boundary) is computed by a LAPACK reduction with its
/// workspace at a 64-byte boundary (NativeLapack.MinEigenvalue: dsyevr before, dsytrd now). With an ordinary array
/// there, five runs of the same I3322 level-3 solve in five processes gave five different y (with dsyevr); with the
/// aligned workspace they agree bit for bit (docs/peers.md).
/// This test does not reproduce that bug in one process (it also passed with the old workspace); it guards the
/// aligned path: the same matrix, handed over again and again with the small-object heap shifted between calls,
/// gives the same bits every time, and equals the managed kernels' smallest eigenvalue to rounding.
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
                keep.Add(new double[shift.Next(1, 64)]); // moves the next small-object allocations (the old workspace) by 8..512 bytes
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
