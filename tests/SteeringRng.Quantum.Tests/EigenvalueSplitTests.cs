using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests;

/// <summary>
/// OperatorChecks.Eigenvalues splits a Hermitian matrix into the connected components of its nonzero pattern. Checked
/// against one dense eigendecomposition of the whole matrix (an independent computation): a permuted block-diagonal
/// matrix with blocks of sizes 1–5 and zero rows, and a dense matrix (one component).
/// </summary>
public class EigenvalueSplitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void PermutedBlocks_HaveTheDenseSpectrum(int seed)
    {
        var rng = new Random(seed);
        var sizes = new[] { 1, 3, 5, 2, 4, 1, 2 };
        int n = sizes.Sum() + 3; // three zero rows and columns
        var blockDiagonal = Matrix<Complex>.Build.Dense(n, n);
        int offset = 0;
        foreach (var size in sizes)
        {
            var g = TestMatrices.Random(size, size, rng.Next());
            blockDiagonal.SetSubMatrix(offset, offset, g + g.ConjugateTranspose() - Matrix<Complex>.Build.DenseIdentity(size) * 0.3);
            offset += size;
        }
        var permutation = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
        var m = Matrix<Complex>.Build.Dense(n, n, (i, j) => blockDiagonal[permutation[i], permutation[j]]);

        var dense = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian).EigenValues.Select(z => z.Real).OrderBy(v => v).ToArray();
        var split = OperatorChecks.Eigenvalues(m);
        Assert.Equal(n, split.Length);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(dense[i] - split[i]) < 1e-12, $"eigenvalue {i}: {split[i]} vs dense {dense[i]}");
        Assert.True(split.Zip(split.Skip(1)).All(p => p.First <= p.Second), "not ascending");
    }

    [Fact]
    public void DenseMatrix_IsOneComponent()
    {
        var rho = TestMatrices.RandomDensity(6, 7);
        var dense = rho.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Hermitian).EigenValues.Select(z => z.Real).OrderBy(v => v).ToArray();
        var split = OperatorChecks.Eigenvalues(rho);
        for (int i = 0; i < 6; i++) Assert.True(Math.Abs(dense[i] - split[i]) < 1e-14, $"eigenvalue {i}: {split[i]} vs dense {dense[i]}");
    }
}
