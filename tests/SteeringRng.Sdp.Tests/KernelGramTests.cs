using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// C ← C − A Aᵀ on the lower triangle (the block-arrow factorisation's S = F − Σ_s W_s W_sᵀ) on both backends against
/// the triple loop: every lower entry, the strict upper triangle left as it was, at offsets that are and are not on a
/// 64-byte boundary, on both sides of the native backend's managed order.
/// </summary>
public class KernelGramTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 0 }, { 3, 13, 1 }, { 4, 7, 0 }, { 5, 13, 3 }, { 37, 1, 0 }, { 37, 300, 5 }, { 192, 912, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Managed_subtracts_the_Gram_matrix(int rows, int k, int offset) => Check(ManagedKernels.Instance, rows, k, offset);

    [KernelNativeTheory]
    [MemberData(nameof(Shapes))]
    public void Native_subtracts_the_Gram_matrix(int rows, int k, int offset) => Check(NativeLapack.TryGet().Kernels!, rows, k, offset);

    private static void Check(IDenseKernels kernels, int rows, int k, int offset)
    {
        var random = new Random(rows * 1000 + k);
        var a = new double[offset + rows * k];
        for (var i = offset; i < a.Length; i++) a[i] = random.NextDouble() * 2 - 1;
        var c = new double[offset + rows * rows];
        for (var i = offset; i < c.Length; i++) c[i] = random.NextDouble() * 2 - 1;
        var before = (double[])c.Clone();
        kernels.SubtractGramLower(a, offset, rows, k, c, offset);
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < rows; j++)
        {
            var at = offset + i * rows + j;
            if (j > i)
            {
                Assert.Equal(before[at], c[at]);
                continue;
            }
            var v = before[at];
            for (var p = 0; p < k; p++) v -= a[offset + i * k + p] * a[offset + j * k + p];
            Assert.True(Math.Abs(v - c[at]) <= 1e-13 * (k + 1), $"C[{i},{j}] = {c[at]}, expected {v}");
        }
        Assert.Equal(before.AsSpan(0, offset).ToArray(), c.AsSpan(0, offset).ToArray());
    }
}
