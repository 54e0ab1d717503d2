using SteeringRng.Sdp.Internal;
using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The maximal step over several blocks (taken in parallel when the dense blocks are large, <see cref="BlockLoop"/>)
/// is the smallest of the blocks' own maximal steps, known exactly here: with V = I the step is −1/λmin(dV).
/// </summary>
public class StepLengthBlocksTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaxStep_OverLargeBlocks_IsTheSmallestBlocksStep(bool native)
    {
        IDenseKernels kernels = native ? NativeLapack.TryGet().Kernels ?? (IDenseKernels)ManagedKernels.Instance : ManagedKernels.Instance;
        const int n = 100; // two 100×100 blocks: Σ n³ = 2·10⁶, the parallel path
        var layout = new[] { new BlockLayout(SdpBlock.Psd(n)), new BlockLayout(SdpBlock.Psd(n)), new BlockLayout(SdpBlock.Nonnegative(3)) };
        double[] Identity()
        {
            var a = new double[n * n];
            for (var i = 0; i < n; i++) a[i * n + i] = 1;
            return a;
        }
        // dV = Q diag(d) Qᵀ with a Householder reflection Q = I − 2uuᵀ (|u| = 1), so λ(dV) = d exactly.
        double[] Rotated(double[] d)
        {
            var u = Enumerable.Range(0, n).Select(i => 1.0 + i % 7).ToArray();
            var norm = Math.Sqrt(u.Sum(x => x * x));
            var q = new double[n * n];
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) q[i * n + j] = (i == j ? 1 : 0) - 2 * u[i] * u[j] / (norm * norm);
            var a = new double[n * n];
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            for (var k = 0; k < n; k++) a[i * n + j] += q[i * n + k] * d[k] * q[j * n + k];
            return a;
        }
        var v = new[] { Identity(), Identity(), new[] { 1.0, 2.0, 3.0 } };
        var factors = new double[]?[] { Identity(), Identity(), null };
        // λmin: −2 (step 0.5), −4 (step 0.25); the nonnegative block allows 1/0.1 = 10.
        var dv = new[]
        {
            Rotated(Enumerable.Range(0, n).Select(i => -2.0 + 1.5 * i / n).ToArray()),
            Rotated(Enumerable.Range(0, n).Select(i => i == n / 2 ? -4.0 : 0.5).ToArray()),
            new[] { -0.1, 1.0, 0.0 },
        };
        var scratch = layout.Select(l => new double[l.Length]).ToArray();

        Assert.Equal(0.25, StepLength.MaxStep(kernels, layout, v, factors, dv, scratch), 12);
        // Without the second block the first one limits the step.
        Assert.Equal(0.5, StepLength.MaxStep(kernels, [layout[0], layout[2]], [v[0], v[2]], [factors[0], null], [dv[0], dv[2]], [scratch[0], scratch[2]]), 12);
    }
}
