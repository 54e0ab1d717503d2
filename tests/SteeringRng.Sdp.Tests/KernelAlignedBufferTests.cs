using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>
/// The Schur matrix lives in one pinned buffer whose data starts on a 64-byte boundary (LinearAlgebra/AlignedBuffer.cs),
/// factored and solved in place through an offset. In place must give the same bits as the kernels on a plain array
/// holding the same matrix (which the native kernels copy to an aligned address), so the memory saving changes no result.
/// </summary>
[Collection(NativeKernelCollection.Name)]
public sealed class KernelAlignedBufferTests
{
    [Fact]
    public void The_data_starts_on_a_64_byte_boundary_and_never_moves()
    {
        var buffers = new List<AlignedBuffer>();
        foreach (var length in new[] { 0, 1, 7, 8, 9, 100, 4096, 20_000, 300_001 })
        {
            var b = AlignedBuffer.Allocate(length);
            Assert.Equal(0u, (uint)(b.Address % AlignedBuffer.Alignment));
            Assert.InRange(b.Offset, 0, 7);
            Assert.True(b.Array.Length >= b.Offset + length);
            Assert.All(b.Array, v => Assert.Equal(0.0, v));
            buffers.Add(b);
        }
        var before = buffers.Select(b => b.Address).ToArray();
        for (var i = 0; i < 20; i++) _ = new double[50_000]; // garbage, then a compacting collection
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.Equal(before, buffers.Select(b => b.Address).ToArray());
    }

    [Fact]
    public void Sizes_past_the_largest_array_are_refused_before_allocating() =>
        Assert.Throws<InsufficientMemoryException>(() => AlignedBuffer.Allocate(int.MaxValue));

    [Fact]
    public void Managed_factorisation_and_solve_at_an_offset_give_the_bits_of_offset_zero() =>
        SameBitsInPlace(ManagedKernels.Instance);

    [KernelNativeFact]
    public void Native_factorisation_and_solve_in_place_give_the_bits_of_an_aligned_copy() =>
        SameBitsInPlace(NativeLapack.TryGet().Kernels!);

    /// <summary>
    /// Also a check on the factor itself: L Lᵀ reproduces the matrix to rounding, and the solve gives M x = b to rounding,
    /// so an offset that the kernels ignored (factoring the padding instead) fails here even if it failed alike twice.
    /// </summary>
    private static void SameBitsInPlace(IDenseKernels kernels)
    {
        foreach (var n in new[] { 5, 64, 97, 200 })
        {
            var matrix = TestMatrices.Spd(n);
            var rhs = Enumerable.Range(0, n).Select(i => Math.Sin(0.3 * i + 1)).ToArray();
            var plain = (double[])matrix.Clone();
            Assert.True(kernels.Cholesky(plain, n));
            var plainX = (double[])rhs.Clone();
            kernels.CholeskySolve(plain, n, plainX);

            var buffer = AlignedBuffer.Allocate(n * n);
            Array.Copy(matrix, 0, buffer.Array, buffer.Offset, n * n);
            Assert.True(kernels.Cholesky(buffer.Array, buffer.Offset, n));
            var inPlaceX = (double[])rhs.Clone();
            kernels.CholeskySolve(buffer.Array, buffer.Offset, n, inPlaceX);

            // The lower triangle is L; the padding before the data is untouched.
            for (var i = 0; i < buffer.Offset; i++) Assert.Equal(0.0, buffer.Array[i]);
            for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(plain[i * n + j]), BitConverter.DoubleToInt64Bits(buffer.Array[buffer.Offset + i * n + j]));
            Assert.Equal(plainX.Select(BitConverter.DoubleToInt64Bits), inPlaceX.Select(BitConverter.DoubleToInt64Bits));

            for (var i = 0; i < n; i++)
            {
                var mx = 0.0;
                for (var j = 0; j < n; j++) mx += matrix[i * n + j] * inPlaceX[j];
                Assert.True(Math.Abs(mx - rhs[i]) < 1e-12, $"n = {n}: (M x − b)_{i} = {mx - rhs[i]:E2}");
                for (var j = 0; j <= i; j++)
                {
                    var llt = 0.0;
                    for (var k = 0; k <= j; k++) llt += buffer.Array[buffer.Offset + i * n + k] * buffer.Array[buffer.Offset + j * n + k];
                    Assert.True(Math.Abs(llt - matrix[i * n + j]) < 1e-12 * n, $"n = {n}: (L Lᵀ − M)_{i}{j} = {llt - matrix[i * n + j]:E2}");
                }
            }
        }
    }
}
