using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using SteeringRng.Quantum;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The small amount of complex linear algebra the seesaw needs on A ⊗ U_1 ⊗ … ⊗ U_k beyond SteeringRng.Quantum:
/// embedding into larger local dimensions and spectral maps (PSD clipping, square roots); Kronecker products
/// and partial traces come from <see cref="Tensor"/>.
/// </summary>
internal static class DenseOps
{
    public static Matrix<Complex> Identity(int n) => Matrix<Complex>.Build.DenseIdentity(n);

    /// <summary>Tr over every subsystem not in <paramref name="keep"/>, through <see cref="Tensor.PartialTrace"/>.</summary>
    public static Matrix<Complex> TraceAllBut(Matrix<Complex> x, IReadOnlyList<int> dims, params int[] keep) =>
        Tensor.PartialTrace(x, dims, Enumerable.Range(0, dims.Count).Except(keep));

    /// <summary>
    /// The isometry ⊗_s C^{from[s]} → ⊗_s C^{to[s]} that keeps each basis vector |i_1 … i_n⟩ (from[s] ≤ to[s]),
    /// as a to×from matrix V; a state embeds as V ρ V†.
    /// </summary>
    public static Matrix<Complex> EmbeddingIsometry(IReadOnlyList<int> from, IReadOnlyList<int> to)
    {
        int rows = to.Aggregate(1, (p, d) => p * d), cols = from.Aggregate(1, (p, d) => p * d);
        var v = Matrix<Complex>.Build.Dense(rows, cols);
        for (int c = 0; c < cols; c++)
        {
            int rest = c, r = 0, stride = 1;
            for (int s = from.Count - 1; s >= 0; s--)
            {
                r += (rest % from[s]) * stride;
                rest /= from[s];
                stride *= to[s];
            }
            v[r, c] = Complex.One;
        }
        return v;
    }

    public static Matrix<Complex> HermitianPart(Matrix<Complex> x) => (x + x.ConjugateTranspose()) * 0.5;

    /// <summary>Nearest PSD matrix in Frobenius norm: the Hermitian part with negative eigenvalues set to 0.</summary>
    public static Matrix<Complex> ClipToPsd(Matrix<Complex> x) => SpectralMap(x, l => Math.Max(l, 0.0));

    /// <summary>f(X) for Hermitian X through its eigendecomposition X = V diag(λ) V†.</summary>
    public static Matrix<Complex> SpectralMap(Matrix<Complex> x, Func<double, double> f) => SpectralMaps(x, f)[0];

    /// <summary>f_k(X) for several functions from one eigendecomposition (the same results as one SpectralMap each).</summary>
    public static Matrix<Complex>[] SpectralMaps(Matrix<Complex> x, params Func<double, double>[] fs)
    {
        var evd = HermitianPart(x).Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        return fs.Select(f =>
        {
            var d = Matrix<Complex>.Build.Dense(x.RowCount, x.RowCount);
            for (int i = 0; i < x.RowCount; i++) d[i, i] = f(evd.EigenValues[i].Real);
            return HermitianPart(v * d * v.ConjugateTranspose());
        }).ToArray();
    }

    /// <summary>The smallest eigenvalue of the Hermitian part (block by block where the matrix splits: OperatorChecks).</summary>
    public static double MinEigenvalue(Matrix<Complex> x) => OperatorChecks.MinEigenvalue(x);

    public static double MaxAbs(Matrix<Complex> x) => x.Enumerate().Select(Complex.Abs).DefaultIfEmpty(0).Max();

    /// <summary>Re Tr(A B) without forming the product.</summary>
    public static double TraceOfProduct(Matrix<Complex> a, Matrix<Complex> b)
    {
        double sum = 0;
        for (int i = 0; i < a.RowCount; i++)
            for (int k = 0; k < a.ColumnCount; k++)
                sum += (a[i, k] * b[k, i]).Real;
        return sum;
    }

    public static Matrix<Complex> FromArray(Complex[,] a) => Matrix<Complex>.Build.DenseOfArray(a);
}
