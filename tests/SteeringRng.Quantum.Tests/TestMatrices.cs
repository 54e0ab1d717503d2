using MathNet.Numerics.LinearAlgebra;
using Complex = System.Numerics.Complex;

namespace SteeringRng.Quantum.Tests;

/// <summary>Helpers shared by the tests: seeded random matrices and entrywise comparison.</summary>
internal static class TestMatrices
{
    public static Matrix<Complex> Random(int rows, int cols, int seed)
    {
        var rng = new System.Random(seed);
        return Matrix<Complex>.Build.Dense(rows, cols, (_, _) => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
    }

    /// <summary>A random density matrix G G† / Tr(G G†).</summary>
    public static Matrix<Complex> RandomDensity(int size, int seed)
    {
        var g = Random(size, size, seed);
        var rho = g * g.ConjugateTranspose();
        return rho / rho.Trace();
    }

    public static Matrix<Complex> M(Complex[,] entries) => Matrix<Complex>.Build.DenseOfArray(entries);

    public static void AssertClose(Matrix<Complex> expected, Matrix<Complex> actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double gap = (expected - actual).Enumerate().Max(z => z.Magnitude);
        Assert.True(gap <= tolerance, $"Matrices differ by {gap:G6} (tolerance {tolerance:G3}).\nexpected:\n{expected}\nactual:\n{actual}");
    }
}
