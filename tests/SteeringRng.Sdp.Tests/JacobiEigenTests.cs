using SteeringRng.Sdp.LinearAlgebra;

namespace SteeringRng.Sdp.Tests;

/// <summary>The Jacobi eigen-decomposition behind <see cref="UnconstrainedSdp"/>: A V = V diag(λ), VᵀV = I.</summary>
public class JacobiEigenTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(12, 3)]
    public void Random_symmetric_matrix_is_decomposed_to_rounding(int n, int seed)
    {
        var random = new Random(seed);
        var a = new double[n * n];
        for (var r = 0; r < n; r++)
        for (var c = r; c < n; c++)
            a[r * n + c] = a[c * n + r] = random.NextDouble() * 2 - 1;
        var original = (double[])a.Clone();
        var (values, v) = JacobiEigen.Decompose(a, n);
        for (var k = 0; k < n; k++)
        for (var r = 0; r < n; r++)
        {
            var av = 0.0;
            for (var c = 0; c < n; c++) av += original[r * n + c] * v[c * n + k];
            Assert.Equal(values[k] * v[r * n + k], av, 12);
        }
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
            Assert.Equal(j == k ? 1 : 0, Enumerable.Range(0, n).Sum(r => v[r * n + j] * v[r * n + k]), 12);
        // The trace is the sum of the eigenvalues, and λmin agrees with the bisection of SymmetricEigen.
        Assert.Equal(Enumerable.Range(0, n).Sum(i => original[i * n + i]), values.Sum(), 12);
        Assert.Equal(SymmetricEigen.MinEigenvalue((double[])original.Clone(), n), values.Min(), 12);
    }
}
