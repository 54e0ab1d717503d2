using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// The small amount of complex linear algebra the seesaw needs on A ⊗ U_1 ⊗ … ⊗ U_k: Kronecker products,
/// partial traces, embedding into larger local dimensions, and projections onto PSD matrices / POVMs.
/// Temporary: to be replaced by the SteeringRng.Quantum functions once they land.
/// </summary>
internal static class DenseOps
{
    public static Matrix<Complex> Identity(int n) => Matrix<Complex>.Build.DenseIdentity(n);

    /// <summary>F_1 ⊗ F_2 ⊗ … (the first factor is the slowest index).</summary>
    public static Matrix<Complex> Kron(IReadOnlyList<Matrix<Complex>> factors)
    {
        var result = factors[0];
        for (int i = 1; i < factors.Count; i++) result = result.KroneckerProduct(factors[i]);
        return result;
    }

    /// <summary>
    /// Tr over every subsystem not in <paramref name="keep"/> (sorted), for an operator on ⊗_s C^{dims[s]}:
    /// (Tr_{¬K} X)_{(i_K),(j_K)} = Σ_{i_{¬K}} X_{(i_K, i_{¬K}),(j_K, i_{¬K})}.
    /// </summary>
    public static Matrix<Complex> PartialTraceKeep(Matrix<Complex> x, IReadOnlyList<int> dims, IReadOnlyList<int> keep)
    {
        int total = dims.Aggregate(1, (p, d) => p * d);
        if (x.RowCount != total || x.ColumnCount != total)
            throw new ArgumentException($"Operator is {x.RowCount}×{x.ColumnCount}, expected {total}×{total}.");
        var kept = new bool[dims.Count];
        foreach (var s in keep) kept[s] = true;
        int keptDim = keep.Aggregate(1, (p, s) => p * dims[s]);
        int tracedDim = total / keptDim;
        // Map (kept index, traced index) → full index once.
        var full = new int[keptDim, tracedDim];
        var digits = new int[dims.Count];
        for (int f = 0; f < total; f++)
        {
            int rest = f;
            for (int s = dims.Count - 1; s >= 0; s--) { digits[s] = rest % dims[s]; rest /= dims[s]; }
            int k = 0, t = 0;
            for (int s = 0; s < dims.Count; s++)
                if (kept[s]) k = k * dims[s] + digits[s]; else t = t * dims[s] + digits[s];
            full[k, t] = f;
        }
        var result = Matrix<Complex>.Build.Dense(keptDim, keptDim);
        for (int i = 0; i < keptDim; i++)
            for (int j = 0; j < keptDim; j++)
            {
                Complex sum = Complex.Zero;
                for (int t = 0; t < tracedDim; t++) sum += x[full[i, t], full[j, t]];
                result[i, j] = sum;
            }
        return result;
    }

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
    public static Matrix<Complex> SpectralMap(Matrix<Complex> x, Func<double, double> f)
    {
        var evd = HermitianPart(x).Evd(Symmetricity.Hermitian);
        var v = evd.EigenVectors;
        var d = Matrix<Complex>.Build.Dense(x.RowCount, x.RowCount);
        for (int i = 0; i < x.RowCount; i++) d[i, i] = f(evd.EigenValues[i].Real);
        return HermitianPart(v * d * v.ConjugateTranspose());
    }

    public static double MinEigenvalue(Matrix<Complex> x) =>
        HermitianPart(x).Evd(Symmetricity.Hermitian).EigenValues.Min(l => l.Real);

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
