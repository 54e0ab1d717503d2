using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// OpenBLAS's thread count is process-wide, so a call's last bits could depend on what another thread is doing
/// (BlasThreadGate). The first test shows that the count does change results here; the second runs the large Schur
/// factorisation (tiled on every core, TiledCholesky) beside mid-sized calls, which must give the bits they give alone.
/// </summary>
[Collection(NativeKernelCollection.Name)]
public sealed class KernelThreadCountTests
{
    private static NativeLapack Native => NativeLapack.TryGet().Kernels!;

    private const int Mid = 400;

    [KernelNativeFact]
    public void The_thread_count_changes_the_last_bits_of_a_mid_sized_call()
    {
        var single = MidSizedWork();
        Native.SetThreads(Math.Max(2, Environment.ProcessorCount));
        try
        {
            var threaded = MidSizedWork();
            Assert.NotEqual(single, threaded);
        }
        finally { Native.SetThreads(1); }
    }

    [KernelNativeFact]
    public void Calls_made_during_a_threaded_factorisation_give_the_bits_they_give_alone()
    {
        var alone = MidSizedWork();
        using var stop = new CancellationTokenSource();
        var large = Task.Run(() =>
        {
            var n = NativeLapack.ThreadedCholeskyThreshold + 100;
            var matrix = TestMatrices.Spd(n);
            while (!stop.IsCancellationRequested) Assert.True(Native.Cholesky((double[])matrix.Clone(), n));
        });
        try
        {
            for (var round = 0; round < 12; round++) Assert.Equal(alone, MidSizedWork());
        }
        finally { stop.Cancel(); large.Wait(); }
    }

    /// <summary>A factorisation, a triangular solve and a product, as bit patterns.</summary>
    private static long[] MidSizedWork()
    {
        var a = TestMatrices.Spd(Mid);
        Assert.True(Native.Cholesky(a, Mid));
        var rows = new double[7 * Mid];
        for (var i = 0; i < rows.Length; i++) rows[i] = Math.Sin(i + 1.0);
        Native.ForwardSolveRows(a, Mid, rows, 7);
        var c = new double[Mid * Mid];
        Native.Multiply(TestMatrices.Spd(Mid), a, c, Mid);
        return [.. a.Concat(rows).Concat(c).Select(BitConverter.DoubleToInt64Bits)];
    }
}
