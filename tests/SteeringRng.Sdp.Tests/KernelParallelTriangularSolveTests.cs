using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// <see cref="ParallelTriangularSolve"/>: L Lᵀ x = b for one to three right-hand sides, checked by multiplying back
/// (Lᵀ x, then L(Lᵀ x) = b) and against the managed kernels' row-by-row solves; orders on both sides of a panel
/// boundary; the bits the same with one worker as with every core.
/// </summary>
public sealed class KernelParallelTriangularSolveTests
{
    /// <summary>A lower triangle with diagonal in [1, 2) and off-diagonal entries of size 1/√m (condition number O(1)), at offset o.</summary>
    private static double[] Factor(int m, int o, int seed)
    {
        var rng = new Random(seed);
        var a = new double[o + m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < i; j++) a[o + i * m + j] = (rng.NextDouble() - 0.5) / Math.Sqrt(m);
            a[o + i * m + i] = 1 + rng.NextDouble();
            for (var j = i + 1; j < m; j++) a[o + i * m + j] = double.NaN; // the upper triangle must not be read
        }
        return a;
    }

    private static double[] RightHandSides(int m, int xo, int count, int seed)
    {
        var rng = new Random(seed);
        var x = new double[xo + count * m];
        for (var i = xo; i < x.Length; i++) x[i] = rng.NextDouble() * 2 - 1;
        return x;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(255, 1)]
    [InlineData(256, 3)]
    [InlineData(257, 2)]
    [InlineData(700, 1)]
    [InlineData(700, 2)]
    public void Solves_L_Lt_x_equal_b(int m, int count)
    {
        const int o = 3, xo = 5;
        var a = Factor(m, o, m);
        var b = RightHandSides(m, xo, count, m + 1);
        var x = (double[])b.Clone();
        ParallelTriangularSolve.Solve(a, o, m, x, xo, count);
        for (var c = 0; c < count; c++)
        {
            // u = Lᵀ x, then L u must give b back.
            var u = new double[m];
            for (var i = 0; i < m; i++)
            for (var j = i; j < m; j++) u[i] += a[o + j * m + i] * x[xo + c * m + j];
            for (var i = 0; i < m; i++)
            {
                var v = 0.0;
                for (var j = 0; j <= i; j++) v += a[o + i * m + j] * u[j];
                Assert.True(Math.Abs(v - b[xo + c * m + i]) <= 1e-12, $"column {c}, row {i}: L Lᵀ x = {v}, b = {b[xo + c * m + i]}");
            }
            // The managed kernels' solve, an independent implementation (row-by-row dot products and axpys).
            var managed = new double[m];
            Array.Copy(b, xo + c * m, managed, 0, m);
            var l = new double[m * m];
            for (var i = 0; i < m; i++)
            for (var j = 0; j <= i; j++) l[i * m + j] = a[o + i * m + j];
            ManagedKernels.Instance.CholeskySolve(l, m, managed);
            for (var i = 0; i < m; i++) Assert.Equal(managed[i], x[xo + c * m + i], 12);
        }
        Assert.Equal(b.AsSpan(0, xo).ToArray(), x.AsSpan(0, xo).ToArray());
    }

    [Fact]
    public void One_worker_gives_the_same_bits_as_every_core()
    {
        const int m = 900;
        var a = Factor(m, 0, 11);
        var b = RightHandSides(m, 0, 2, 12);
        var parallel = (double[])b.Clone();
        ParallelTriangularSolve.Solve(a, 0, m, parallel, 0, 2);
        var alone = (double[])b.Clone();
        var scopes = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => CoreShare.Solve()).ToArray();
        try { ParallelTriangularSolve.Solve(a, 0, m, alone, 0, 2); }
        finally { foreach (var s in scopes) s.Dispose(); }
        Assert.Equal(parallel.Select(BitConverter.DoubleToInt64Bits), alone.Select(BitConverter.DoubleToInt64Bits));
    }
}
