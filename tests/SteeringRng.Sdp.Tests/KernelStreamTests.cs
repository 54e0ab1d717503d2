using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// <see cref="StreamKernels"/> against plain loops for every length from 0 to 70 (all unrolled parts and every tail)
/// at odd offsets, and its range checks.
/// </summary>
public sealed class KernelStreamTests
{
    private static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    [Fact]
    public void Dot_products_and_axpys_match_plain_loops()
    {
        for (var len = 0; len <= 70; len++)
        {
            var (x, y, z) = (Random(len + 3, len), Random(len + 5, len + 100), Random(len + 7, len + 200));
            double dy = 0, dz = 0;
            for (var k = 0; k < len; k++) (dy, dz) = (dy + x[3 + k] * y[5 + k], dz + x[3 + k] * z[7 + k]);
            Close(dy, StreamKernels.Dot(x, 3, y, 5, len));
            var (d0, d1) = StreamKernels.Dot2(x, 3, y, 5, z, 7, len);
            Close(dy, d0);
            Close(dz, d1);

            var (y1, z1) = ((double[])y.Clone(), (double[])z.Clone());
            StreamKernels.Axpy(0.75, x, 3, y1, 5, len);
            StreamKernels.Axpy2(-1.5, 2.25, x, 3, y, 5, z, 7, len);
            for (var k = 0; k < y.Length; k++)
            {
                var inside = k >= 5 && k < 5 + len;
                var original = Random(len + 5, len + 100)[k];
                Close(inside ? original + 0.75 * x[k - 2] : original, y1[k]);
                Close(inside ? original - 1.5 * x[k - 2] : original, y[k]);
            }
            var zOriginal = Random(len + 7, len + 200);
            for (var k = 0; k < z.Length; k++)
                Close(k >= 7 && k < 7 + len ? zOriginal[k] + 2.25 * x[k - 4] : zOriginal[k], z[k]);
        }
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-14, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Ranges_outside_the_arrays_are_refused()
    {
        var (x, y) = (new double[10], new double[10]);
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamKernels.Dot(x, 3, y, 0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamKernels.Axpy(1, x, 0, y, -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamKernels.Dot2(x, 0, y, 0, new double[4], 0, 5));
    }
}
