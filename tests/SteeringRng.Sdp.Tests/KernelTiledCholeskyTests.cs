using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The tiled factorisation of large Schur matrices (TiledCholesky) against one dpotrf call on the same matrix: the same
/// factor to rounding, the same bits from run to run whatever the scheduling, and the other triangle left alone when
/// the matrix is not positive definite (the solver restores from it and retries with a shift).
/// </summary>
[Collection(NativeKernelCollection.Name)]
public sealed class KernelTiledCholeskyTests
{
    private static NativeLapack Native => NativeLapack.TryGet().Kernels!;

    private const int N = 1100; // four tiles, the last ones of unequal size

    [KernelNativeFact]
    public void Tiled_factor_equals_one_dpotrf_call()
    {
        var tiled = TestMatrices.Spd(N);
        var whole = (double[])tiled.Clone();
        Assert.True(TiledCholesky.Factor(Native, tiled, 0, N));
        Assert.True(Native.Cholesky(whole, N)); // below the threshold: one dpotrf
        var worst = 0.0;
        for (var i = 0; i < N; i++)
        for (var j = 0; j <= i; j++) worst = Math.Max(worst, Math.Abs(tiled[i * N + j] - whole[i * N + j]));
        Assert.True(worst <= 1e-12 * Math.Sqrt(N), $"max |L_tiled − L_dpotrf| = {worst}");
        // L Lᵀ reproduces the matrix (an independent check of both).
        var a = TestMatrices.Spd(N);
        for (var i = 0; i < N; i += 97)
        for (var j = 0; j <= i; j += 89)
        {
            var s = 0.0;
            for (var k = 0; k <= j; k++) s += tiled[i * N + k] * tiled[j * N + k];
            Assert.True(Math.Abs(s - a[i * N + j]) <= 1e-10 * N, $"(L Lᵀ)[{i},{j}] = {s} vs {a[i * N + j]}");
        }
    }

    [KernelNativeFact]
    public void Tiled_factor_is_the_same_bits_in_every_run()
    {
        var first = TestMatrices.Spd(N);
        Assert.True(TiledCholesky.Factor(Native, first, 0, N));
        for (var run = 0; run < 4; run++)
        {
            var again = TestMatrices.Spd(N);
            Assert.True(TiledCholesky.Factor(Native, again, 0, N));
            Assert.Equal(first, again);
        }
    }

    [KernelNativeFact]
    public void Not_positive_definite_fails_and_leaves_the_upper_triangle()
    {
        var a = TestMatrices.Spd(N);
        a[1000 * N + 1000] = -5.0; // a negative pivot in the last tile
        var before = (double[])a.Clone();
        Assert.False(TiledCholesky.Factor(Native, a, 0, N));
        for (var i = 0; i < N; i++)
        for (var j = i + 1; j < N; j++) Assert.Equal(before[i * N + j], a[i * N + j]);
    }
}
