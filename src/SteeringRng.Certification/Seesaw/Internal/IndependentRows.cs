using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace SteeringRng.Certification.Seesaw.Internal;

/// <summary>
/// A linear system A x = b (m rows, n unknowns) replaced by an equivalent one with orthonormal, hence
/// independent, rows Q x = c. The seesaw's constraint systems are redundant by construction (no-signalling-like
/// rows, POVM completeness against the data), and an interior-point solver needs full row rank.
/// </summary>
/// <param name="Rows">Q: r×n with orthonormal rows spanning the row space of A.</param>
/// <param name="Rhs">c = S_r⁻¹ U_rᵀ b.</param>
/// <param name="Inconsistency">‖b − U_r U_rᵀ b‖ / (1 + ‖b‖): how far b is from the range of A (0 when A x = b is solvable).</param>
internal sealed record IndependentRows(double[][] Rows, double[] Rhs, double Inconsistency, int OriginalCount)
{
    /// <summary>
    /// Through the Gram matrix A Aᵀ = U S² Uᵀ (m×m, cheap when m ≪ n): Q = S_r⁻¹ U_rᵀ A keeps the directions with
    /// singular value s_i > √relativeTolerance · s_max; the rest are numerically dependent rows. (Rounding puts the
    /// Gram eigenvalues of exactly dependent rows near 1e-16·max, so the tolerance must stay well above that.)
    /// </summary>
    public static IndependentRows Reduce(double[][] a, double[] b, double relativeTolerance = 1e-12)
    {
        int m = a.Length;
        if (m == 0) return new IndependentRows([], [], 0, 0);
        if (b.Length != m) throw new ArgumentException($"{m} rows but {b.Length} right-hand sides.");
        int n = a[0].Length;
        var matrix = Matrix<double>.Build.Dense(m, n, (i, j) => a[i][j]);
        var gram = matrix * matrix.Transpose();
        var evd = gram.Evd(Symmetricity.Symmetric);
        double max = evd.EigenValues.Max(l => l.Real);
        var kept = Enumerable.Range(0, m).Where(i => evd.EigenValues[i].Real > Math.Max(relativeTolerance * max, 1e-300)).ToArray();
        var bVector = Vector<double>.Build.DenseOfArray(b);
        var rows = new double[kept.Length][];
        var rhs = new double[kept.Length];
        var projected = Vector<double>.Build.Dense(m);
        for (int r = 0; r < kept.Length; r++)
        {
            var u = evd.EigenVectors.Column(kept[r]);
            double s = Math.Sqrt(evd.EigenValues[kept[r]].Real);
            // q_r = u_rᵀ A / s_r,  c_r = u_rᵀ b / s_r
            rows[r] = (matrix.TransposeThisAndMultiply(u) / s).ToArray();
            double ub = u.DotProduct(bVector);
            rhs[r] = ub / s;
            projected += u * ub;
        }
        double inconsistency = (bVector - projected).L2Norm() / (1 + bVector.L2Norm());
        return new IndependentRows(rows, rhs, inconsistency, m);
    }
}
